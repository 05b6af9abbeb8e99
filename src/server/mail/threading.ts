import "server-only";
import { timingSafeEqual } from "node:crypto";
import { replyAddress, threadRootId } from "@/domain/inbound-mail";
import { env } from "@/env";
import { keyedTag } from "../crypto/seal";
import { db } from "../db/prisma";

// How our mail about a ticket threads in the customer's mail program, and how their answer finds
// the ticket again: a per-ticket reply address (see src/domain/inbound-mail.ts) and a Message-ID
// every mail about the ticket refers to.

const TAG_LENGTH = 10;

/** The tag only we can make for a ticket's reply address. */
export function replyTag(reference: string): string {
  return keyedTag("reply-address/v1", reference.toUpperCase(), TAG_LENGTH);
}

/** True when `tag` is the one replyTag makes for `reference` (compared in constant time). */
export function isReplyTag(reference: string, tag: string): boolean {
  const expected = Buffer.from(replyTag(reference));
  const given = Buffer.from(tag.toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The domain of MAIL_FROM, which our Message-IDs carry. */
export function mailDomain(from = env().MAIL_FROM): string {
  return /@([^\s>]+)/.exec(from)?.[1] ?? "tanggap.invalid";
}

export function ticketThreadRoot(ticketId: string): string {
  return threadRootId(ticketId, mailDomain());
}

/**
 * The address customers' answers about a ticket should go to: the first active inbound mailbox's
 * address, tagged for the ticket. Null when no mailbox is read (then answers could reach nobody,
 * and the mail keeps MAIL_FROM as its only address).
 */
export async function ticketReplyAddress(reference: string): Promise<string | null> {
  const mailbox = await db().inboundMailbox.findFirst({
    where: { active: true },
    orderBy: { createdAt: "asc" },
    select: { address: true },
  });
  return mailbox ? replyAddress(mailbox.address, reference, replyTag(reference)) : null;
}
