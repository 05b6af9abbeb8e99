import "server-only";
import { stageClock } from "@/domain/sla";
import { db } from "@/server/db/prisma";
import { loadSlaPolicy, targetFor } from "@/server/policy/sla-policy";
import type { TicketWorkspace } from "./queries";

/**
 * When the customer will next hear from us, written for them: for a new ticket, the end of
 * the listening stage it is about to enter; otherwise the running stage's deadline.
 */
export async function nextReplyBy(ticket: TicketWorkspace, now = new Date()): Promise<string | null> {
  let due = ticket.stageDueAt;
  const policy = await loadSlaPolicy(db());
  if (ticket.stage === "NEW")
    due = stageClock(now, targetFor(policy, ticket.category.code, ticket.priority, "LISTEN"), policy.calendar).dueAt;
  if (!due) return null;
  return new Intl.DateTimeFormat(ticket.locale === "id" ? "id-ID" : "en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: policy.calendar.timeZone,
    timeZoneName: "short",
  }).format(due);
}
