import "server-only";
import { randomUUID } from "node:crypto";
import EmailReplyParser from "email-reply-parser";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { mailboxKey } from "@/domain/mailbox";
import {
  automatedKind,
  dropTrailingQuotedLines,
  guessLocale,
  parseReplyAddress,
  senderName,
  stripIndonesianQuotes,
  threadIds,
  ticketIdOfThreadRoot,
} from "@/domain/inbound-mail";
import { DomainError } from "@/domain/errors";
import { parseReference } from "@/domain/reference";
import { env } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { mailedComplaintSchema } from "@/features/complaints/schemas";
import { customerReply } from "@/features/tracking/commands";
import { db } from "@/server/db/prisma";
import { isReplyTag } from "@/server/mail/threading";
import { hitRateLimit } from "@/server/rate-limit";
import { unsealTrackingToken } from "@/server/tracking-token";

// One mail in, whichever way it came (an IMAP mailbox or the HTTP endpoint): claimed once in
// PostgreSQL by its key, then ignored (machine mail), quarantined (with the reason and the message
// itself), or imported through the form's own paths — fileComplaint for a new complaint,
// customerReply for an answer — with the claim row finished in the same transaction.

/** Why a mail was not imported; each has a label in messages (inbound.reasons). */
export type InboundReason =
  | "autoReply"
  | "bounce"
  | "list"
  | "empty"
  | "tooLarge"
  | "unparsable"
  | "noSender"
  | "rateLimited"
  | "refusedFile"
  | "invalidContent"
  | "refused";

export interface InboundSource {
  /** "imap:<mailboxId>:<uidValidity>:<uid>" or "http:<sha256>". */
  key: string;
  mailboxId?: string;
  uidValidity?: bigint;
  uid?: bigint;
  /** The size the server reports, checked before downloading. */
  size?: number;
}

export type InboundOutcome =
  | { status: "IMPORTED"; ticketId: string; as: "complaint" | "reply" }
  | { status: "IGNORED" | "QUARANTINED"; reason: InboundReason }
  /** Another instance holds it right now, or it was finished before (see `done`). */
  | { status: "TAKEN"; done: boolean };

const CLAIM_LEASE_MS = 5 * 60_000;

interface Claim {
  id: string;
  token: string;
}

/** Takes the mail for this caller: a new row, or one whose holder's lease ran out (a crashed instance). */
async function claim(source: InboundSource, now: Date): Promise<Claim | { done: boolean }> {
  const token = randomUUID();
  const until = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO "InboundMail" (id, key, "mailboxId", "uidValidity", uid, status, "claimToken", "claimedUntil", size, "createdAt")
    VALUES (${randomUUID()}::uuid, ${source.key}, ${source.mailboxId ?? null}::uuid, ${source.uidValidity ?? null}::bigint,
            ${source.uid ?? null}::bigint, 'CLAIMED', ${token}::uuid, ${until}, ${source.size ?? null}::int, ${now})
    ON CONFLICT (key) DO UPDATE SET "claimToken" = EXCLUDED."claimToken", "claimedUntil" = EXCLUDED."claimedUntil"
      WHERE "InboundMail".status = 'CLAIMED' AND "InboundMail"."claimedUntil" < ${now}
    RETURNING id`;
  if (rows[0]) return { id: rows[0].id, token };
  const existing = await db().inboundMail.findUnique({ where: { key: source.key }, select: { status: true } });
  return { done: existing !== null && existing.status !== "CLAIMED" };
}

interface Finish {
  status: "IMPORTED" | "IGNORED" | "QUARANTINED";
  reason?: InboundReason;
  detail?: string;
  raw?: Buffer;
  ticketId?: string;
  mail?: ParsedMail;
  sender?: string;
}

/** Writes the outcome, only while the claim is still ours (fencing); false when it was taken over. */
async function finish(client: Prisma.TransactionClient, claimed: Claim, outcome: Finish, now: Date): Promise<boolean> {
  const { count } = await client.inboundMail.updateMany({
    where: { id: claimed.id, claimToken: claimed.token, status: "CLAIMED" },
    data: {
      status: outcome.status,
      reason: outcome.reason ?? null,
      detail: outcome.detail?.slice(0, 2000) ?? null,
      raw: outcome.raw ? new Uint8Array(outcome.raw) : null,
      ticketId: outcome.ticketId ?? null,
      sender: outcome.sender ?? null,
      subject: outcome.mail?.subject?.slice(0, 500) ?? null,
      messageId: outcome.mail?.messageId ?? null,
      claimToken: null,
      claimedUntil: null,
      finishedAt: now,
    },
  });
  return count === 1;
}

class ClaimLost extends Error {}

/**
 * Imports one mail. `load` downloads it, and is not called when `source.size` is already over the
 * limit. Never throws for anything about the mail itself (that is quarantined); throws when the
 * database or the download fails, leaving the claim to run out so that a later pass tries again.
 */
export async function importMail(source: InboundSource, load: () => Promise<Buffer>, now = new Date()): Promise<InboundOutcome> {
  const claimed = await claim(source, now);
  if (!("id" in claimed)) return { status: "TAKEN", done: claimed.done };
  const settle = async (outcome: Finish): Promise<InboundOutcome> => {
    if (!(await finish(db(), claimed, outcome, now))) return { status: "TAKEN", done: true };
    return outcome.status === "IMPORTED"
      ? { status: "IMPORTED", ticketId: outcome.ticketId!, as: "complaint" }
      : { status: outcome.status, reason: outcome.reason! };
  };

  const maxBytes = env().INBOUND_MAX_BYTES;
  if (source.size !== undefined && source.size > maxBytes) {
    // Left on the mail server (flagged, never deleted), where an admin can still read it.
    return settle({ status: "QUARANTINED", reason: "tooLarge", detail: `${source.size} bytes` });
  }
  const raw = await load();
  if (raw.length > maxBytes) return settle({ status: "QUARANTINED", reason: "tooLarge", detail: `${raw.length} bytes` });

  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  } catch (error) {
    return settle({ status: "QUARANTINED", reason: "unparsable", detail: errorText(error), raw });
  }
  const from = firstAddress(mail.from);
  if (!from?.address || mail.headers.size === 0) {
    return settle({ status: "QUARANTINED", reason: mail.headers.size === 0 ? "unparsable" : "noSender", raw, mail });
  }
  const sender = from.address.toLowerCase();
  const headers = { get: (name: string) => headerText(mail, name) };
  const machine = automatedKind(headers, sender);
  if (machine) return settle({ status: "IGNORED", reason: machine, mail, sender });

  const limit = await hitRateLimit(
    `inbound:email:${mailboxKey(sender)}`,
    { limit: env().INBOUND_LIMIT_PER_SENDER, windowSeconds: 3600 },
    now,
  );
  if (!limit.allowed) return settle({ status: "QUARANTINED", reason: "rateLimited", raw, mail, sender });

  const text = replyText(mail);
  const files = attachmentsOf(mail);
  let importedAs: "complaint" | "reply" = "complaint";
  const finishImported = (as: "complaint" | "reply") => async (tx: Prisma.TransactionClient, ticketId: string) => {
    if (!(await finish(tx, claimed, { status: "IMPORTED", ticketId, mail, sender }, now))) throw new ClaimLost();
    importedAs = as;
  };

  try {
    const ticket = await threadOf(mail, sender);
    if (ticket) {
      if (!text && files.length === 0) return settle({ status: "IGNORED", reason: "empty", mail, sender });
      const token = ticket.trackingTokenSealed ? unsealTrackingToken(ticket.trackingTokenSealed) : null;
      if (!token) return settle({ status: "QUARANTINED", reason: "refused", detail: "tracking token cannot be opened", raw, mail, sender });
      const reply = await customerReply(token, text || "—", now, files, finishImported("reply"));
      return { status: "IMPORTED", ticketId: reply.ticketId, as: importedAs };
    }
    const narrative = text || mail.subject?.trim() || "";
    if (!narrative) return settle({ status: "IGNORED", reason: "empty", mail, sender });
    const parsed = mailedComplaintSchema().safeParse({ name: senderName(from.name, sender), email: sender, narrative });
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      return settle({ status: "QUARANTINED", reason: "invalidContent", detail, raw, mail, sender });
    }
    const receipt = await fileComplaint(
      { ...parsed.data, category: "OTHER", customFields: {} },
      guessLocale(`${mail.subject ?? ""}\n${parsed.data.narrative}`),
      now,
      files,
      `mail:${source.key}`,
      { triage: true, mailThreadId: mail.messageId, channel: "EMAIL", inTransaction: finishImported("complaint") },
    );
    return { status: "IMPORTED", ticketId: receipt.ticketId, as: importedAs };
  } catch (error) {
    if (error instanceof ClaimLost) return { status: "TAKEN", done: true };
    // Nothing wrong with the mail: the file store is down. Its claim runs out and a later pass retries.
    if (error instanceof DomainError && error.code === "storageUnavailable") throw error;
    if (error instanceof DomainError) {
      const reason: InboundReason = error.code === "attachmentsRefused" ? "refusedFile" : "refused";
      return settle({ status: "QUARANTINED", reason, detail: `${error.code} ${JSON.stringify(error.details ?? {})}`, raw, mail, sender });
    }
    throw error;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): { address?: string; name?: string } | undefined {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value)[0];
}

function allAddresses(mail: ParsedMail): string[] {
  const lists = [mail.to, mail.cc, mail.bcc].flatMap((v) => (Array.isArray(v) ? v : v ? [v] : []));
  const addresses = lists.flatMap((l) => l.value.map((a) => a.address ?? ""));
  // Where the server recorded the envelope recipient (a Bcc, a forwarding alias).
  for (const name of ["delivered-to", "x-original-to", "envelope-to"]) {
    const value = headerText(mail, name);
    if (value) addresses.push(value.replace(/[<>]/g, "").trim());
  }
  return addresses.filter(Boolean);
}

function headerText(mail: ParsedMail, name: string): string | undefined {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "object" && "value" in value && typeof value.value === "string") {
    const params = "params" in value && value.params ? Object.entries(value.params as Record<string, string>) : [];
    return [value.value, ...params.map(([k, v]) => `${k}=${v}`)].join("; ");
  }
  if (typeof value === "object" && "text" in value && typeof value.text === "string") return value.text;
  return String(value);
}

/**
 * The ticket a mail answers: by the reply address's tag (only we can make it, so it is enough on its
 * own), else by the Message-IDs it refers to, when it comes from the ticket's customer — anyone can
 * copy a Message-ID, and a stranger's mail must not land on someone else's ticket.
 */
async function threadOf(mail: ParsedMail, sender: string) {
  const select = { id: true, trackingTokenSealed: true, customer: { select: { email: true } } } as const;
  for (const address of allAddresses(mail)) {
    const tagged = parseReplyAddress(address);
    if (!tagged || !isReplyTag(tagged.reference, tagged.tag)) continue;
    const number = parseReference(tagged.reference);
    if (number === null) continue;
    const ticket = await db().ticket.findUnique({ where: { number }, select });
    if (ticket) return ticket;
  }
  const ids = threadIds(mail.inReplyTo, mail.references);
  if (ids.length === 0) return null;
  const ticketIds = new Set<string>();
  for (const id of ids) {
    const own = ticketIdOfThreadRoot(id);
    if (own) ticketIds.add(own);
  }
  // Our outgoing mails' Message-IDs are their outbox rows' ids.
  const outboxIds = ids.map((id) => /^<([0-9a-f-]{36})@/i.exec(id)?.[1]).filter((id): id is string => Boolean(id));
  const [sent, received, opened] = await Promise.all([
    outboxIds.length ? db().outboxMessage.findMany({ where: { id: { in: outboxIds } }, select: { ticketId: true } }) : [],
    db().inboundMail.findMany({ where: { messageId: { in: ids }, ticketId: { not: null } }, select: { ticketId: true } }),
    db().ticket.findMany({ where: { mailThreadId: { in: ids } }, select: { id: true } }),
  ]);
  for (const row of [...sent, ...received]) if (row.ticketId) ticketIds.add(row.ticketId);
  for (const row of opened) ticketIds.add(row.id);
  if (ticketIds.size === 0) return null;
  const tickets = await db().ticket.findMany({ where: { id: { in: [...ticketIds] } }, select, orderBy: { createdAt: "desc" } });
  return tickets.find((t) => t.customer.email === sender) ?? null;
}

/** The new text of a mail: quoted history and signatures cut (English and many more, then Indonesian). */
export function replyText(mail: Pick<ParsedMail, "text">): string {
  const text = (mail.text ?? "").replace(/\r\n/g, "\n");
  let reply = new EmailReplyParser().parseReply(text);
  reply = stripIndonesianQuotes(reply);
  return dropTrailingQuotedLines(reply).trim();
}

/** The files sent with it, as the form's File objects; pictures embedded in the HTML are left out. */
function attachmentsOf(mail: ParsedMail): File[] {
  return mail.attachments
    .filter((a) => !a.related)
    .map((a) => new File([new Uint8Array(a.content)], a.filename ?? "attachment", { type: a.contentType }));
}
