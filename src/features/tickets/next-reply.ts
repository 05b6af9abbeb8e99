import "server-only";
import { stageClock } from "@/domain/sla";
import { db } from "@/server/db/prisma";
import { loadSlaPolicy, targetFor } from "@/server/policy/sla-policy";
import type { DraftMoments } from "@/features/templates/ticket-values";
import type { TicketWorkspace } from "./queries";

/**
 * The moments a draft may promise, written for the customer in their language and the calendar's
 * zone. replyBy: when they will next hear from us — for a new ticket, the end of the listening
 * stage it is about to enter; otherwise the running stage's deadline. deadline: the running
 * stage's deadline, none once closed.
 */
export async function draftMoments(ticket: TicketWorkspace, now = new Date()): Promise<DraftMoments> {
  const policy = await loadSlaPolicy(db());
  const running = ticket.stage === "CLOSED" ? null : ticket.stageDueAt;
  const replyDue =
    ticket.stage === "NEW"
      ? stageClock(now, targetFor(policy, ticket.category.code, ticket.priority, "LISTEN"), policy.calendar).dueAt
      : ticket.stageDueAt;
  const format = new Intl.DateTimeFormat(ticket.locale === "id" ? "id-ID" : "en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: policy.calendar.timeZone,
    timeZoneName: "short",
  });
  return { replyBy: replyDue ? format.format(replyDue) : null, deadline: running ? format.format(running) : null };
}
