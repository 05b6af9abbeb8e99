import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { inputClass } from "@/components/field";
import { decideApprovalAction } from "@/features/protocol/actions";
import { TicketActionForm } from "@/features/protocol/components/ticket-action-form";
import type { PendingApproval } from "../queries";
import { ApprovalContext } from "./approval-context";

/** Compensation above an agent's authority, and letters held by four-eyes, waiting for a decision with a reason. */
export async function ApprovalsInbox({ approvals }: { approvals: PendingApproval[] }) {
  const t = await getTranslations("board");
  const tl = await getTranslations("letters");
  const format = await getFormatter();
  const locale = await getLocale();
  return (
    <section aria-labelledby="approvals-title" className="flex flex-col gap-3">
      <h2 id="approvals-title" className="text-lg font-semibold">
        {t("approvalsTitle")} <span className="font-normal text-slate-600">({approvals.length})</span>
      </h2>
      {approvals.length === 0 && <p className="text-slate-600">{t("noApprovals")}</p>}
      <ul className="flex flex-col gap-3">
        {approvals.map((a) => (
          <li
            key={a.id}
            className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm"
            data-testid="approval"
            data-reference={a.reference}
          >
            <p>
              <Link href={`/agent/tickets/${a.reference}`} className="font-mono text-teal-800 underline">
                {a.reference}
              </Link>{" "}
              — {a.letter ? t("letterApproval", { kind: tl(`kinds.${a.letter.kind}`) }) : locale === "id" ? a.optionId : a.optionEn}
              {(!a.letter || Number(a.amount) > 0) && (
                <>
                  :{" "}
                  <strong>{format.number(Number(a.amount), { style: "currency", currency: a.currency, maximumFractionDigits: 0 })}</strong>
                </>
              )}
            </p>
            <p className="text-slate-600">{t("requestedBy", { name: a.requestedBy, relative: format.relativeTime(a.createdAt) })}</p>
            {a.letter && (
              <details className="mt-1">
                <summary className="cursor-pointer">{t("letterText")}</summary>
                <pre className="mt-1 whitespace-pre-wrap rounded border border-slate-200 bg-white p-2 font-sans" data-testid="held-letter">
                  {a.letter.content}
                </pre>
              </details>
            )}
            <ApprovalContext context={a.context} currency={a.currency} />
            <TicketActionForm
              action={decideApprovalAction}
              ticketId={a.ticketId}
              version={a.ticketVersion}
              className="mt-2 flex flex-col gap-2"
              label={t("decide", { reference: a.reference })}
            >
              <input type="hidden" name="approvalId" value={a.id} />
              <label htmlFor={`reason-${a.id}`}>{t("reason")}</label>
              <textarea id={`reason-${a.id}`} name="reason" rows={2} className={inputClass} />
              <div className="flex gap-2">
                <button
                  type="submit"
                  name="decision"
                  value="approve"
                  className="rounded-md bg-teal-700 px-3 py-1.5 font-semibold text-white"
                >
                  {t("approve")}
                </button>
                <button type="submit" name="decision" value="deny" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">
                  {t("deny")}
                </button>
              </div>
            </TicketActionForm>
          </li>
        ))}
      </ul>
    </section>
  );
}
