import { COMPLAINT_TEXT_FACTS, type ComplaintTextFact } from "./schemas";

// Every audience reads the customer's free-text answers through these, so each answer is listed once.

export type TextFacts = Record<ComplaintTextFact, string | null>;

/** The columns, for a ticket select. */
export const TEXT_FACTS_SELECT = Object.fromEntries(COMPLAINT_TEXT_FACTS.map((name) => [name, true])) as Record<ComplaintTextFact, true>;

/** The answers of a row (or of a parsed complaint) and nothing else, to spread into a view or a new ticket. */
export function textFactsOf<V>(row: { [name in ComplaintTextFact]?: V }): { [name in ComplaintTextFact]: V } {
  return Object.fromEntries(COMPLAINT_TEXT_FACTS.map((name) => [name, row[name]])) as { [name in ComplaintTextFact]: V };
}

/** The answers the customer gave, in the form's order, for a list of labels and values. */
export function givenTextFacts(row: TextFacts): { name: ComplaintTextFact; value: string }[] {
  return COMPLAINT_TEXT_FACTS.flatMap((name) => (row[name] ? [{ name, value: row[name] }] : []));
}
