"use client";

import { useLocale, useTranslations } from "next-intl";
import { inputClass } from "@/components/field";
import { PRIORITIES } from "@/domain/stages";
import type { TicketWorkspace } from "@/features/tickets/queries";
import { assignAction, changeCategoryAction, decideApprovalAction, escalateAction, setPriorityAction, setWaitingAction } from "../actions";
import { TicketActionForm } from "./ticket-action-form";
import { named } from "@/i18n/named";

const small =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-teal-600";

/** Who has it, how urgent, what kind, whether we are waiting — and bringing in a supervisor. */
export function TicketControls({ ticket, viewerId, viewerRole }: { ticket: TicketWorkspace; viewerId: string; viewerRole: string }) {
  const t = useTranslations("workspace");
  const locale = useLocale();
  const open = ticket.stage !== "CLOSED";
  const form = { ticketId: ticket.id, version: ticket.version, className: "flex flex-col gap-2" };
  return (
    <section aria-labelledby="controls-title" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="controls-title" className="font-semibold">
        {t("controls")}
      </h2>

      <TicketActionForm action={assignAction} {...form} label={t("assignee")}>
        <label htmlFor="assigneeId" className="font-medium">
          {t("assignee")}
        </label>
        <div className="flex gap-2">
          <select id="assigneeId" name="assigneeId" defaultValue={ticket.assigneeId ?? ""} className={inputClass}>
            <option value="">{t("unassigned")}</option>
            {ticket.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.id === viewerId ? ` (${t("you")})` : ""}
              </option>
            ))}
          </select>
          <button type="submit" className={small}>
            {t("apply")}
          </button>
        </div>
        {ticket.assigneeId !== viewerId && (
          <button type="submit" name="assigneeId" value="me" className={small} data-shortcut="assign-me">
            {t("assignToMe")}
          </button>
        )}
      </TicketActionForm>

      <TicketActionForm action={setPriorityAction} {...form} label={t("priority")}>
        <label htmlFor="priority" className="font-medium">
          {t("priority")}
        </label>
        <div className="flex gap-2">
          <select id="priority" name="priority" defaultValue={ticket.priority} className={inputClass}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priorities.${p}`)}
              </option>
            ))}
          </select>
          <button type="submit" className={small}>
            {t("apply")}
          </button>
        </div>
      </TicketActionForm>

      {open && (
        <TicketActionForm action={setWaitingAction} {...form} label={t("waiting")}>
          <input type="hidden" name="waiting" value={ticket.waitingOnCustomer ? "false" : "true"} />
          {ticket.stage !== "NEW" && (
            <button type="submit" className={small}>
              {ticket.waitingOnCustomer ? t("resumeClock") : t("waitOnCustomer")}
            </button>
          )}
        </TicketActionForm>
      )}

      <details>
        <summary className="cursor-pointer font-medium">{t("changeCategory")}</summary>
        <TicketActionForm action={changeCategoryAction} {...form} className="mt-2 flex flex-col gap-2" label={t("changeCategory")}>
          <label htmlFor="categoryId">{t("category")}</label>
          <select id="categoryId" name="categoryId" defaultValue={ticket.category.id} className={inputClass}>
            {ticket.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {named(c, locale)}
              </option>
            ))}
          </select>
          <label htmlFor="category-reason">{t("reason")}</label>
          <input id="category-reason" name="reason" type="text" className={inputClass} />
          <button type="submit" className={small}>
            {t("changeCategory")}
          </button>
        </TicketActionForm>
      </details>

      {open && !ticket.escalatedAt && (
        <details>
          <summary className="cursor-pointer font-medium">{t("escalate")}</summary>
          <TicketActionForm action={escalateAction} {...form} className="mt-2 flex flex-col gap-2" label={t("escalate")}>
            <label htmlFor="escalate-reason">{t("escalateReason")}</label>
            <textarea id="escalate-reason" name="reason" rows={2} className={inputClass} />
            <button type="submit" className={small}>
              {t("escalate")}
            </button>
          </TicketActionForm>
        </details>
      )}

      {ticket.approval === "PENDING" && viewerRole !== "AGENT" && (
        <TicketActionForm
          action={decideApprovalAction}
          {...form}
          className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3"
          label={t("approvalTitle")}
        >
          <p className="font-semibold">{t("approvalTitle")}</p>
          <p>
            {t("approvalAsk", {
              option: ticket.approvals[0]?.option ? named(ticket.approvals[0].option, locale) : "",
              amount: ticket.approvals[0]?.amount ?? "",
              agent: ticket.approvals[0]?.requestedBy.name ?? "",
            })}
          </p>
          <label htmlFor="approval-reason">{t("reason")}</label>
          <textarea id="approval-reason" name="reason" rows={2} className={inputClass} />
          <div className="flex gap-2">
            <button type="submit" name="decision" value="approve" className={small}>
              {t("approve")}
            </button>
            <button type="submit" name="decision" value="deny" className={small}>
              {t("deny")}
            </button>
          </div>
        </TicketActionForm>
      )}
    </section>
  );
}
