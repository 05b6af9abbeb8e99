import { getFormatter, getTranslations } from "next-intl/server";
import type { TicketWorkspace } from "../queries";

/** Messages and events in one history, oldest first. Internal notes are marked. */
export async function Timeline({ ticket }: { ticket: TicketWorkspace }) {
  const t = await getTranslations("ticket");
  const stages = await getTranslations("stages");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const items = [
    ...ticket.messages.map((m) => ({ key: `m-${m.id}`, at: m.createdAt, message: m })),
    ...ticket.events.map((e) => ({ key: `e-${e.id}`, at: e.createdAt, event: e })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const describe = (type: string, after: unknown) => {
    const detail = after && typeof after === "object" ? (after as Record<string, unknown>) : {};
    return t.has(`events.${type}`) ? t(`events.${type}`, { stage: typeof detail.stage === "string" && stages.has(detail.stage) ? stages(detail.stage) : "", reason: String(detail.reason ?? ""), priority: String(detail.priority ?? "") }) : type;
  };
  return (
    <section aria-labelledby="timeline-title" className="flex flex-col gap-3">
      <h2 id="timeline-title" className="text-lg font-semibold">
        {t("timeline")}
      </h2>
      <ol className="flex flex-col gap-2" data-testid="timeline">
        {items.map((item) =>
          "message" in item && item.message ? (
            <li
              key={item.key}
              className={`rounded-lg border p-3 ${item.message.visibility === "INTERNAL" ? "border-amber-200 bg-amber-50" : item.message.authorType === "CUSTOMER" ? "border-slate-200 bg-white" : "border-teal-200 bg-teal-50"}`}
            >
              <p className="text-xs text-slate-600">
                {item.message.author?.name ?? ticket.customer.name} · {when(item.at)}
                {item.message.visibility === "INTERNAL" && ` · ${t("internalNote")}`}
              </p>
              <p className="mt-1 whitespace-pre-wrap">{item.message.body}</p>
            </li>
          ) : "event" in item && item.event ? (
            <li key={item.key} className="text-sm text-slate-600">
              {when(item.at)} — {describe(item.event.type, item.event.after)}
              {item.event.actorName && ` · ${item.event.actorName}`}
            </li>
          ) : null,
        )}
      </ol>
    </section>
  );
}
