import type { AbstractIntlMessages } from "next-intl";

/**
 * Namespaces no client component outside the admin area reads: the admin screens' own (their layout,
 * src/app/admin/layout.tsx, hands its client components every message), and those only the server
 * renders (reports, notices). The root layout leaves them out of what it sends with every page: the
 * messages are serialised into each page's RSC payload and inlined in its HTML, and these were 28 kB
 * of the 65 kB sent with every queue page. client-messages.test.ts checks no client component
 * outside the admin area asks for one of them.
 */
export const NOT_FOR_EVERY_PAGE = ["admin", "integrations", "inbound", "reports", "notices"] as const;

/** The messages every page's client components may need. */
export function everyPageMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  const kept = { ...messages };
  for (const ns of NOT_FOR_EVERY_PAGE) delete kept[ns];
  return kept;
}
