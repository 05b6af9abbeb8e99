import "server-only";
import { apologyContextOf, checkApology } from "@/domain/apology-check";
import { DomainError } from "@/domain/errors";
import { roleAtLeast } from "@/domain/roles";
import type { TicketEventInput } from "@/features/tickets/write";
import type { Actor, ChangeContext } from "./change-ticket";

export interface ApologyOverride {
  /** Why the apology may go out although the check blocks it; recorded with the findings. */
  reason: string;
}

/**
 * The apology gate: the check runs on the text with the ticket's chosen resolution, before anything
 * is written, so a refusal leaves no message, mail or stage change. A supervisor may send it over
 * the check with a reason; that is recorded as an event in the same transaction.
 */
export async function passApologyGate(
  ctx: ChangeContext,
  actor: Actor,
  body: string,
  override?: ApologyOverride,
): Promise<TicketEventInput[]> {
  if (override && !roleAtLeast(actor.role, "SUPERVISOR")) throw new DomainError("forbidden");
  const option = ctx.ticket.resolutionOptionId
    ? await ctx.tx.resolutionOption.findUnique({
        where: { id: ctx.ticket.resolutionOptionId },
        select: { kind: true, labelEn: true, labelId: true },
      })
    : null;
  const check = checkApology(body, ctx.ticket.locale, apologyContextOf(option, ctx.ticket.resolutionAmount?.toString() ?? null));
  const blocking = check.findings.filter((f) => f.severity === "block");
  if (blocking.length === 0) return [];
  if (!override) throw new DomainError("apologyRefused", { findings: blocking });
  return [{ type: "apology.checkOverridden", after: { reason: override.reason, findings: blocking.map((f) => ({ ...f })) } }];
}
