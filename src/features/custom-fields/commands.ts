import "server-only";
import { DomainError } from "@/domain/errors";
import { fieldsToFill, type CustomFieldAnswers } from "@/domain/custom-fields";
import { changeTicket, type Actor, type TicketRef } from "@/features/protocol/change-ticket";
import { loadFieldDefinitions, answersOf } from "./queries";

/**
 * Staff's answers to the internal fields of the ticket's category. The customer's answers, those
 * of archived fields and those kept from an earlier category are left as they are: only the
 * fields the form showed change (an emptied one is removed).
 */
export function saveInternalAnswers(
  ref: TicketRef & { category: string; customFields: CustomFieldAnswers },
  actor: Actor,
  now = new Date(),
) {
  return changeTicket(ref, actor, now, async ({ tx, ticket }) => {
    // The form was made for one category; a recategorised ticket moved its version on, but say so plainly.
    if (ticket.category.code !== ref.category) throw new DomainError("conflict");
    const row = await tx.ticket.findUniqueOrThrow({ where: { id: ref.ticketId }, select: { customFields: true } });
    const stored = answersOf(row.customFields);
    const next: CustomFieldAnswers = { ...stored };
    const before: CustomFieldAnswers = {};
    const after: CustomFieldAnswers = {};
    for (const field of fieldsToFill(await loadFieldDefinitions(tx), ticket.category.code, "staff")) {
      const answer = ref.customFields[field.key];
      if (JSON.stringify(answer) === JSON.stringify(stored[field.key])) continue;
      if (stored[field.key] !== undefined) before[field.key] = stored[field.key]!;
      if (answer === undefined) delete next[field.key];
      else next[field.key] = after[field.key] = answer;
    }
    const changed = Object.keys(before).length + Object.keys(after).length > 0;
    return {
      patch: changed ? { customFields: next } : {},
      events: changed ? [{ type: "fields.changed", before, after }] : [],
      result: undefined,
    };
  });
}
