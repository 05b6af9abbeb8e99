import "server-only";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";
import { EVERY_PAGE, type MessagePaths } from "./client-namespaces";

/** Only the subtrees at `paths` ("queue", "protocol.apologyCheck") of the messages. */
export function pickMessages(messages: AbstractIntlMessages, paths: MessagePaths): AbstractIntlMessages {
  // A path inside another one listed is already there whole.
  const outermost = paths.filter((p) => !paths.some((q) => p.startsWith(`${q}.`)));
  const picked: AbstractIntlMessages = {};
  for (const path of outermost) {
    const segments = path.split(".");
    const value = segments.reduce<AbstractIntlMessages | string | undefined>(
      (node, key) => (typeof node === "object" ? node[key] : undefined),
      messages,
    );
    if (value === undefined) continue;
    const last = segments.pop()!;
    let to = picked;
    for (const segment of segments) to = (to[segment] ??= {}) as AbstractIntlMessages;
    to[last] = value;
  }
  return picked;
}

/**
 * Gives the client components below it the messages they read, and no others: what a provider sends
 * is serialised into the page's RSC payload and inlined again in its HTML, on every request. A
 * provider replaces the messages of the one above it, so `namespaces` lists everything the client
 * components below it read (EVERY_PAGE, what the root layout's own client components read, is added).
 * client-messages.test.ts walks each route's imports and checks the lists in client-namespaces.ts.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: MessagePaths; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...EVERY_PAGE, ...namespaces])}>{children}</NextIntlClientProvider>;
}
