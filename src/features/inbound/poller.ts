import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { ImapFlow } from "imapflow";
import { db } from "@/server/db/prisma";
import { unseal } from "@/server/crypto/seal";
import { consoleLogger } from "@/server/ops/logger";
import { importMail, type InboundOutcome } from "./import";

// Reads each active mailbox over IMAP and imports what is new. Any number of instances may poll
// the same mailbox: each message is claimed in PostgreSQL by (mailbox, UIDVALIDITY, UID) before
// anything happens (./import.ts), and it is marked on the server only after its import (or its
// quarantine) committed, so a crash in between means it is looked at again, never lost and never
// imported twice. Messages are marked with a keyword of our own, not \Seen, so that people reading
// the mailbox in a mail program neither hide mail from us nor see their read state changed.

export const DONE_KEYWORD = "$TanggapDone";

export interface MailboxConnection {
  id: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  secretSealed: string;
  folder: string;
}

export interface PollResult {
  imported: number;
  ignored: number;
  quarantined: number;
  /** Claimed by another instance right now; marked by whoever finishes it. */
  skipped: number;
  /** Could not be imported this time (the database or the download failed); tried again later. */
  failed: number;
  lastFailure?: string;
}

export interface PollOptions {
  /** Stops between messages. */
  signal?: AbortSignal;
  /** Messages per pass, at most; the rest wait for the next pass. */
  limit?: number;
  now?: () => Date;
}

/** One pass over one mailbox. Throws when the mailbox cannot be reached; the caller records it. */
export async function pollMailbox(mailbox: MailboxConnection, options: PollOptions = {}): Promise<PollResult> {
  const password = unseal("mailbox-secret/v1", mailbox.secretSealed);
  if (password === null) throw new Error("The mailbox password cannot be opened (was AUTH_SECRET changed?). Enter it again.");
  const client = new ImapFlow({
    host: mailbox.host,
    port: mailbox.port,
    secure: mailbox.tls,
    auth: { user: mailbox.username, pass: password },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  // A dropped connection emits "error"; without a listener it would crash the process.
  client.on("error", () => {});
  const result: PollResult = { imported: 0, ignored: 0, quarantined: 0, skipped: 0, failed: 0 };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(mailbox.folder);
    try {
      const opened = client.mailbox;
      if (!opened) throw new Error(`The folder ${mailbox.folder} could not be opened.`);
      const uidValidity = opened.uidValidity;
      // Servers that refuse keywords of our own get \Seen instead.
      const ownKeyword = opened.permanentFlags?.has("\\*") ?? false;
      const mark = ownKeyword ? DONE_KEYWORD : "\\Seen";
      const found = await client.search(ownKeyword ? { unKeyword: DONE_KEYWORD } : { seen: false }, { uid: true });
      const uids = (found || []).slice(0, options.limit ?? 200);
      for (const uid of uids) {
        if (options.signal?.aborted) break;
        const meta = await client.fetchOne(String(uid), { size: true }, { uid: true });
        if (!meta) continue;
        let outcome: InboundOutcome;
        try {
          outcome = await importMail(
            { key: `imap:${mailbox.id}:${uidValidity}:${uid}`, mailboxId: mailbox.id, uidValidity, uid: BigInt(uid), size: meta.size },
            async () => {
              const full = await client.fetchOne(String(uid), { source: true }, { uid: true });
              if (!full || !full.source) throw new Error(`Message ${uid} vanished while being read.`);
              return full.source;
            },
            options.now?.() ?? new Date(),
          );
        } catch (error) {
          // Its claim runs out and a later pass tries again; the other messages go on meanwhile.
          result.failed++;
          result.lastFailure = error instanceof Error ? error.message : String(error);
          continue;
        }
        if (outcome.status === "TAKEN" && !outcome.done) {
          result.skipped++;
          continue;
        }
        // Committed (now or by an earlier pass whose marking failed): mark it on the server.
        await client.messageFlagsAdd(String(uid), [mark], { uid: true });
        if (outcome.status === "IMPORTED") result.imported++;
        else if (outcome.status === "IGNORED") result.ignored++;
        else if (outcome.status === "QUARANTINED") result.quarantined++;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return result;
}

/** Polls every active mailbox once, recording each one's state; one mailbox failing stops no other. */
export async function pollAllMailboxes(options: PollOptions = {}): Promise<Map<string, PollResult | Error>> {
  const mailboxes = await db().inboundMailbox.findMany({
    where: { active: true },
    select: { id: true, host: true, port: true, tls: true, username: true, secretSealed: true, folder: true },
  });
  const results = new Map<string, PollResult | Error>();
  for (const mailbox of mailboxes) {
    if (options.signal?.aborted) break;
    const startedAt = options.now?.() ?? new Date();
    try {
      const result = await pollMailbox(mailbox, options);
      results.set(mailbox.id, result);
      await db().inboundMailbox.update({
        where: { id: mailbox.id },
        data: {
          lastPollAt: startedAt,
          lastSuccessAt: startedAt,
          lastError: result.lastFailure ? `${result.failed} message(s) not imported yet: ${result.lastFailure}`.slice(0, 1000) : null,
        },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.set(mailbox.id, error instanceof Error ? error : new Error(message));
      await db()
        .inboundMailbox.update({ where: { id: mailbox.id }, data: { lastPollAt: startedAt, lastError: message.slice(0, 1000) } })
        .catch(() => {});
    }
  }
  return results;
}

/** Polls at once, then every `intervalMs` until `signal` aborts. Never rejects: failures are logged. */
export async function runInboundPoller(options: { signal: AbortSignal; intervalMs: number }): Promise<void> {
  const log = consoleLogger("inbound");
  // A mailbox that stays unreachable is said once, not every pass: its state (lastError) is on the admin page.
  const failing = new Map<string, string>();
  while (!options.signal.aborted) {
    try {
      const results = await pollAllMailboxes({ signal: options.signal });
      for (const [id, result] of results) {
        if (result instanceof Error) {
          if (failing.get(id) !== result.message) log.warn(`[inbound] mailbox ${id} could not be read: ${result.message}`);
          failing.set(id, result.message);
          continue;
        }
        if (failing.delete(id)) log.info(`[inbound] mailbox ${id} can be read again`);
        if (result.imported + result.quarantined > 0) {
          log.info(`[inbound] mailbox ${id}: ${result.imported} imported, ${result.quarantined} quarantined, ${result.ignored} ignored`);
        }
      }
    } catch (error) {
      log.error(`[inbound] pass failed, will try again in ${options.intervalMs} ms:`, error instanceof Error ? error.message : error);
    }
    try {
      await sleep(options.intervalMs, undefined, { signal: options.signal, ref: false });
    } catch {
      // Aborted: the loop condition ends it.
    }
  }
}
