import "server-only";
import { timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { env } from "@/env";
import { keyedTag } from "@/server/crypto/seal";
import { logger } from "@/server/ops/logger";
import { createPrismaClient, type Db } from "./create-client";
import { db } from "./prisma";

// Reads that may be a few seconds stale — the reports, the supervisor board, the agent queue — go
// to a streaming replica (DATABASE_REPLICA_URL) through readOnReplica; everything else reads the
// primary. Prisma's @prisma/extension-read-replicas (0.5, Prisma 7: replicas given as clients)
// sends every read of the extended client to a replica and leaves the fallback to us; an explicit
// read client keeps the choice at the few readers that can take staleness, and lets one place
// handle a replica that is down.
//
// Read-your-writes: a staff member who changed something in the last REPLICA_READ_YOUR_WRITES_SECONDS
// carries a signed cookie (set by the action pipeline) and reads the primary. A cookie, not process
// memory: the next request may reach another instance.
//
// A replica that fails a read is skipped for RETRY_AFTER_MS and the read runs on the primary.

export const READ_YOUR_WRITES_COOKIE = "tanggap-rw";
const RETRY_AFTER_MS = 30_000;

interface Replica {
  url: string;
  client: Db;
  downUntil: number;
}

const KEY = Symbol.for("tanggap.replicas");
const store = globalThis as { [KEY]?: { replicas: Replica[]; next: number } };

function replicas(): { replicas: Replica[]; next: number } {
  store[KEY] ??= {
    replicas: (env().DATABASE_REPLICA_URL ?? []).map((url) => ({
      url,
      client: createPrismaClient(url, env().DATABASE_POOL_SIZE, Math.min(env().DATABASE_WAIT_MS, 5_000)),
      downUntil: 0,
    })),
    next: 0,
  };
  return store[KEY];
}

/** The next healthy replica, round robin; undefined when none is configured or all are resting. */
function pickReplica(now = Date.now()): Replica | undefined {
  const state = replicas();
  for (let i = 0; i < state.replicas.length; i++) {
    const replica = state.replicas[(state.next + i) % state.replicas.length]!;
    if (replica.downUntil <= now) {
      state.next = (state.next + i + 1) % state.replicas.length;
      return replica;
    }
  }
  return undefined;
}

/**
 * Runs a read on a replica, or on the primary when there is none, when the caller wrote a moment ago,
 * or when the replica fails (it is then skipped for a while). Only for reads that may lag the
 * primary by a few seconds; `read` must not write.
 */
export async function readOnReplica<T>(read: (client: Db) => Promise<T>): Promise<T> {
  if (replicas().replicas.length === 0 || (await wroteRecently())) return read(db());
  const replica = pickReplica();
  if (!replica) return read(db());
  try {
    return await read(replica.client);
  } catch (error) {
    // Answered by the primary instead; if the primary fails too, that error is the caller's.
    const answer = await read(db());
    replica.downUntil = Date.now() + RETRY_AFTER_MS;
    logger().warn(
      { component: "replicas", replica: redact(replica.url), error: error instanceof Error ? error.message : String(error) },
      `replica failed a read; reading the primary for ${RETRY_AFTER_MS / 1000} s`,
    );
    return answer;
  }
}

export interface ReplicaLag {
  replica: string;
  /** null: the replica could not be asked. */
  seconds: number | null;
}

/**
 * How far each replica is behind: the age of the last transaction it replayed, or 0 when it has
 * replayed everything it received (an idle primary sends nothing, which is not lag).
 */
export async function replicaLag(): Promise<ReplicaLag[]> {
  return Promise.all(
    replicas().replicas.map(async (replica) => {
      try {
        const [row] = await replica.client.$queryRaw<{ seconds: number | null }[]>`
          SELECT CASE
            WHEN NOT pg_is_in_recovery() THEN NULL
            WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8
          END AS seconds`;
        return { replica: redact(replica.url), seconds: row?.seconds ?? null };
      } catch {
        return { replica: redact(replica.url), seconds: null };
      }
    }),
  );
}

/** host:port/database, never the credentials. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return "replica";
  }
}

function tagFor(until: number): string {
  return keyedTag("read-your-writes/v1", String(until), 32);
}

/** The cookie's value for a write made now: until when the writer reads the primary, signed. */
export function readYourWritesCookie(now = Date.now()): { name: string; value: string; maxAge: number } {
  const seconds = env().REPLICA_READ_YOUR_WRITES_SECONDS;
  const until = now + seconds * 1000;
  return { name: READ_YOUR_WRITES_COOKIE, value: `${until}.${tagFor(until)}`, maxAge: seconds };
}

/** Whether a cookie value is one we signed and still in force. */
export function readYourWritesInForce(value: string | undefined, now = Date.now()): boolean {
  const [untilText, tag] = (value ?? "").split(".");
  const until = Number(untilText);
  if (!Number.isSafeInteger(until) || !tag || until < now) return false;
  const expected = Buffer.from(tagFor(until));
  const given = Buffer.from(tag);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function wroteRecently(): Promise<boolean> {
  try {
    return readYourWritesInForce((await cookies()).get(READ_YOUR_WRITES_COOKIE)?.value);
  } catch {
    // Outside a request (a script, a job): nobody to read their own writes.
    return false;
  }
}

/** Marks the current request's staff member as having just written (from the action pipeline). */
export async function markWrote(): Promise<void> {
  if (replicas().replicas.length === 0) return;
  const cookie = readYourWritesCookie();
  (await cookies()).set(cookie.name, cookie.value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: cookie.maxAge,
    secure: env().PUBLIC_BASE_URL?.startsWith("https:") ?? false,
  });
}
