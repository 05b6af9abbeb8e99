import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { named } from "@/i18n/named";
import { AttachmentList } from "@/features/attachments/components/attachment-list";
import { listTicketAttachments, type AttachmentSummary } from "@/features/attachments/queries";
import { slaEscalationStage } from "@/domain/sla-policy-breach";
import type { TicketWorkspace } from "../queries";
import { TimelineList, type TimelineEntry, type TimelineKind } from "./timeline-list";

/**
 * Messages and events in one history, newest first, filtered by kind. Internal notes are marked. The files sent
 * with the complaint are listed with its filing, a message's files with the message.
 */
export async function Timeline({ ticket }: { ticket: TicketWorkspace }) {
  const t = await getTranslations("ticket");
  const ta = await getTranslations("attachments");
  const attachments = await listTicketAttachments(ticket.id);
  const complaintFiles = attachments.filter((a) => a.messageId === null);
  const messageFiles = new Map<string, AttachmentSummary[]>();
  for (const a of attachments) if (a.messageId) messageFiles.set(a.messageId, [...(messageFiles.get(a.messageId) ?? []), a]);
  const filedEventId = complaintFiles.length > 0 ? ticket.events.find((e) => e.type === "ticket.filed")?.id : undefined;
  const complaintFilesBlock = complaintFiles.length > 0 && (
    <div className="mt-1 flex flex-col gap-1 text-slate-800">
      <p className="text-xs text-slate-600">{ta("fromComplaint")}</p>
      <AttachmentList attachments={complaintFiles} />
    </div>
  );
  const stages = await getTranslations("stages");
  const priorities = await getTranslations("notices.priority");
  const format = await getFormatter();
  const locale = await getLocale();
  const when = (d: Date) => format.dateTime(d, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const items = [
    ...ticket.messages.map((m) => ({ key: `m-${m.id}`, at: m.createdAt, message: m })),
    ...ticket.events.map((e) => ({ key: `e-${e.id}`, at: e.createdAt, event: e })),
    // Without a filing event to hang them on (older data), the complaint's files stand alone.
    ...(complaintFiles.length > 0 && filedEventId === undefined
      ? [{ key: "complaint-files", at: complaintFiles[0]!.createdAt, files: true }]
      : []),
    // Newest first: the latest word sits right under the reply box.
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const describe = (type: string, after: unknown) => {
    const detail = after && typeof after === "object" ? (after as Record<string, unknown>) : {};
    // The monitor's own reason is a record, not words: it is worded here like every other event.
    const missed = typeof detail.reason === "string" ? slaEscalationStage(detail.reason) : null;
    const macro = detail.macro as { nameEn?: unknown; nameId?: unknown } | undefined;
    const reason = missed
      ? t("slaEscalation", { stage: stages(missed) })
      : typeof macro?.nameEn === "string" && typeof macro.nameId === "string"
        ? t("byMacro", { name: named({ nameEn: macro.nameEn, nameId: macro.nameId }, locale) })
        : String(detail.reason ?? "");
    return t.has(`events.${type}`)
      ? t(`events.${type}`, {
          stage: typeof detail.stage === "string" && stages.has(detail.stage) ? stages(detail.stage) : "",
          reason,
          priority: typeof detail.priority === "string" && priorities.has(detail.priority) ? priorities(detail.priority) : "",
          rating: String(detail.rating ?? ""),
          source: String(detail.source ?? ""),
          decision: String(detail.decision ?? ""),
          note: String(detail.note ?? ""),
          from: String(detail.from ?? ""),
          into: String(detail.into ?? ""),
          kind: String(detail.kind ?? ""),
          outcome: String(detail.outcome ?? ""),
          goodwill: String(detail.goodwill ?? ""),
          amount: detail.amount ? `${String(detail.amount)} ${String(detail.currency ?? "")}` : "",
          body: String(detail.body ?? ""),
        })
      : type;
  };
  // The filing is the customer's first word (and carries the complaint's files): it counts as a message.
  const kindOf = (item: (typeof items)[number]): TimelineKind =>
    "message" in item && item.message
      ? item.message.visibility === "INTERNAL"
        ? "note"
        : "message"
      : "event" in item && item.event && item.event.type !== "ticket.filed"
        ? "event"
        : "message";
  const entries: TimelineEntry[] = items.map((item) =>
    "message" in item && item.message
      ? {
          key: item.key,
          kind: kindOf(item),
          node: (
            <li
              data-kind={kindOf(item)}
              className={`rounded-lg border p-3 ${item.message.visibility === "INTERNAL" ? "border-amber-200 bg-amber-50" : item.message.authorType === "CUSTOMER" ? "border-slate-200 bg-white" : "border-teal-200 bg-teal-50"}`}
            >
              <p className="text-xs text-slate-600">
                {item.message.author?.name ?? ticket.customer.name} · {when(item.at)}
                {item.message.visibility === "INTERNAL" && ` · ${t("internalNote")}`}
              </p>
              <p className="mt-1 whitespace-pre-wrap">{item.message.body}</p>
              {messageFiles.has(item.message.id) && (
                <div className="mt-2">
                  <AttachmentList attachments={messageFiles.get(item.message.id)!} />
                </div>
              )}
            </li>
          ),
        }
      : "event" in item && item.event
        ? {
            key: item.key,
            kind: kindOf(item),
            node: (
              <li data-kind={kindOf(item)} className="text-sm text-slate-600">
                {when(item.at)} — {describe(item.event.type, item.event.after)}
                {item.event.actorName && ` · ${item.event.actorName}`}
                {item.event.id === filedEventId && complaintFilesBlock}
              </li>
            ),
          }
        : {
            key: item.key,
            kind: "message",
            node: (
              <li data-kind="message" className="text-sm">
                {complaintFilesBlock}
              </li>
            ),
          },
  );
  return (
    <section aria-labelledby="timeline-title" className="flex flex-col gap-2">
      <TimelineList
        entries={entries}
        heading={
          <h2 id="timeline-title" className="text-lg font-semibold">
            {t("timeline")} <span className="text-sm font-normal text-slate-600">({t("timelineNewestFirst")})</span>
          </h2>
        }
      />
    </section>
  );
}
