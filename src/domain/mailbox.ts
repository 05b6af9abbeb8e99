/**
 * The mailbox an address delivers to, for counting what we send there: lower-cased, and without a
 * plus-address tag (`name+anything@domain` reaches `name@domain` at nearly every provider), so a
 * per-recipient limit cannot be dodged by varying the tag.
 */
export function mailboxKey(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at <= 0) return lower;
  const local = lower.slice(0, at);
  const plus = local.indexOf("+");
  return `${plus > 0 ? local.slice(0, plus) : local}${lower.slice(at)}`;
}
