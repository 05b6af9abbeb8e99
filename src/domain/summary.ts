const MAX = 100;

/** A one-line subject for the queue, taken from the customer's own first sentence. */
export function summarise(narrative: string): string {
  const flat = narrative.replace(/\s+/g, " ").trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  if (sentence.length <= MAX) return sentence;
  const cut = sentence.slice(0, MAX - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return (lastSpace > MAX / 2 ? cut.slice(0, lastSpace) : cut) + "…";
}
