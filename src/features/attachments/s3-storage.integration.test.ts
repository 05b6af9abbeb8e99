import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTranslator } from "use-intl/core";
import { inject } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { startS3Server, type S3TestServer } from "../../../tests/support/s3-server";
import en from "../../../messages/en.json";
import id from "../../../messages/id.json";
import { GET } from "@/app/api/attachments/[id]/route";
import { DomainError } from "@/domain/errors";
import { checkEnv, env } from "@/env";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { errorState } from "@/lib/forms/error-state";
import type { Translate } from "@/lib/forms/form-state";
import type { StaffUser } from "@/server/auth/session";
import { db } from "@/server/db/prisma";
import { sha256Hex, type BlobStore } from "@/server/storage/blob-store";
import { s3Store } from "@/server/storage/stores";
import { moveAttachments } from "./move";
import { storeAttachments } from "./store";
import { sweepPendingObjects } from "./sweep";
import { TEST_BYTES, testFile } from "./test-files";

// Attachments in an S3-compatible bucket: a real S3-protocol server (s3rver) on a free local port,
// reached through the AWS SDK exactly as a production bucket is. Nothing about S3 is mocked.

const session = vi.hoisted(() => ({ staff: null as StaffUser | null }));
vi.mock("@/server/auth/session", () => ({ currentStaff: async () => session.staff }));
const AGENT = { id: "00000000-0000-4000-8000-000000000001", role: "AGENT" } as unknown as StaffUser;

const input = (email: string) =>
  complaintSchema().parse({
    name: "Rina Wijaya",
    email,
    category: "PRODUCT_RETURN",
    narrative: "Ketel yang saya beli bocor dari bawah setelah sekali pakai.",
    desiredOutcome: "Ganti dengan yang baru",
  });

let s3: S3TestServer;

function withBucket(on: boolean) {
  if (on) process.env.S3_URL = s3.url;
  else delete process.env.S3_URL;
  checkEnv();
}

async function download(attachmentId: string, token?: string) {
  const url = new URL(`http://localhost/api/attachments/${attachmentId}`);
  if (token) url.searchParams.set("token", token);
  return GET(new Request(url), { params: Promise.resolve({ id: attachmentId }) });
}

async function state() {
  const [attachments, blobs, pending, tickets] = await Promise.all([
    testDb().attachment.findMany({ select: { id: true, storage: true, storageKey: true }, orderBy: { storageKey: "asc" } }),
    testDb().attachmentBlob.findMany({ select: { key: true }, orderBy: { key: "asc" } }),
    testDb().pendingObject.findMany({ select: { key: true }, orderBy: { key: "asc" } }),
    testDb().ticket.count(),
  ]);
  return { attachments, blobs: blobs.map((b) => b.key), pending: pending.map((p) => p.key), objects: await s3.keys(), tickets };
}

const translator = (locale: "en" | "id", messages: typeof en) =>
  createTranslator({
    locale,
    messages,
    onError: (e) => {
      throw e;
    },
  }) as unknown as Translate;

beforeAll(async () => {
  s3 = await startS3Server();
});

afterAll(async () => {
  s3Store().close();
  withBucket(false);
  await s3.dispose();
});

beforeEach(async () => {
  await resetDatabase();
  await s3.start();
  for (const key of await s3.keys()) await s3Store().delete(key);
  session.staff = null;
  withBucket(true);
});

describe("attachments with S3_URL set", () => {
  it("go to the bucket, not PostgreSQL, and are served only through the authorised route", async () => {
    const mine = await fileComplaint(input("rina@example.com"), "id", new Date(), [
      testFile(TEST_BYTES.png, "bocor.png", "image/png"),
      testFile(TEST_BYTES.pdf, "kwitansi.pdf", "application/pdf"),
    ]);
    const theirs = await fileComplaint(input("other@example.com"), "id", new Date(), []);
    const after = await state();
    expect(after.attachments.map((a) => a.storage)).toEqual(["S3", "S3"]);
    expect(after.objects).toEqual(after.attachments.map((a) => a.storageKey));
    expect(after.blobs).toEqual([]);
    expect(after.pending).toEqual([]);

    const pdf = await testDb().attachment.findFirstOrThrow({ where: { fileName: "kwitansi.pdf" }, select: { id: true } });
    const mineResponse = await download(pdf.id, mine.trackingToken);
    expect(mineResponse.status).toBe(200);
    expect(mineResponse.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await mineResponse.arrayBuffer()).equals(Buffer.from(TEST_BYTES.pdf))).toBe(true);

    // Another customer's link, and nobody signed in: the same bare 404 as an id that does not exist.
    for (const response of [await download(pdf.id, theirs.trackingToken), await download(pdf.id)]) {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("");
    }
    session.staff = AGENT;
    const staffResponse = await download(pdf.id);
    expect(staffResponse.status).toBe(200);
    expect(sha256Hex(new Uint8Array(await staffResponse.arrayBuffer()))).toBe(sha256Hex(TEST_BYTES.pdf));
  });

  it("refuse the upload while the bucket is down, in English and Indonesian, and keep nothing of the complaint", async () => {
    const before = await state();
    await s3.stop();
    const refused = fileComplaint(input("rina@example.com"), "en", new Date(), [testFile(TEST_BYTES.jpeg, "struk.jpg", "image/jpeg")]);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    const error = (await refused.catch((e: unknown) => e)) as DomainError<"storageUnavailable">;
    expect(error.code).toBe("storageUnavailable");
    for (const [locale, messages] of [
      ["en", en],
      ["id", id as typeof en],
    ] as const) {
      const answer = errorState(error, translator(locale, messages), { fileCount: 1 });
      expect(answer).toMatchObject({ status: "error", code: "storageUnavailable", message: messages.errors.storageUnavailable });
    }
    expect(en.errors.storageUnavailable).toMatch(/storage is not answering.*nothing was sent or saved/);
    expect(id.errors.storageUnavailable).toMatch(/tidak merespons.*belum ada yang terkirim atau tersimpan/);

    // No ticket and no row; the key it meant to use is named for the sweeper, which clears it once
    // the bucket is back.
    await s3.start();
    const during = await state();
    expect({ ...during, pending: [] }).toEqual(before);
    expect(during.objects).toEqual([]);
    expect(await sweepPendingObjects({ graceMs: 0 })).toEqual({ deleted: during.pending.length, kept: 0 });
    expect(await state()).toEqual(before);

    // Back up: the same complaint goes through.
    await fileComplaint(input("rina@example.com"), "en", new Date(), [testFile(TEST_BYTES.jpeg, "struk.jpg", "image/jpeg")]);
    expect((await state()).objects).toHaveLength(1);
  });

  it("are taken from more customers at once than the database pool has connections", async () => {
    const many = env().DATABASE_POOL_SIZE + 2;
    await Promise.all(
      Array.from({ length: many }, (_, i) =>
        fileComplaint(input(`pelanggan${i}@example.com`), "id", new Date(), [testFile(TEST_BYTES.png, `foto${i}.png`, "image/png")]),
      ),
    );
    const after = await state();
    expect(after.tickets).toBe(many);
    expect(after.objects).toEqual(after.attachments.map((a) => a.storageKey));
    expect(after.objects).toHaveLength(many);
    expect(after.pending).toEqual([]);
  });

  it("leave no object behind when the transaction that stored them fails, once the sweeper has run", async () => {
    const { ticketId } = await fileComplaint(input("rina@example.com"), "id", new Date(), []);
    const rolledBack = db().$transaction(async (tx) => {
      await storeAttachments(tx, { ticketId, files: [testFile(TEST_BYTES.gif, "foto.gif")] });
      throw new Error("the reply's own write failed");
    });
    await expect(rolledBack).rejects.toThrow("the reply's own write failed");
    const left = await state();
    expect(left.attachments).toEqual([]);
    expect(left.objects).toHaveLength(1);
    expect(left.pending).toEqual(left.objects);

    // Within the grace period nothing is touched (an upload may still be on its way to its row).
    expect(await sweepPendingObjects()).toEqual({ deleted: 0, kept: 0 });
    expect(await sweepPendingObjects({ graceMs: 0 })).toEqual({ deleted: 1, kept: 0 });
    expect(await state()).toMatchObject({ attachments: [], objects: [], pending: [] });
  });

  it("a sweeper never deletes an object that a committed attachment points at", async () => {
    await fileComplaint(input("rina@example.com"), "id", new Date(), [testFile(TEST_BYTES.webp, "a.webp")]);
    const [row] = (await state()).attachments;
    await testDb().pendingObject.create({ data: { key: row!.storageKey } });
    expect(await sweepPendingObjects({ graceMs: 0 })).toEqual({ deleted: 0, kept: 1 });
    expect(await state()).toMatchObject({ objects: [row!.storageKey], pending: [] });
  });
});

describe("moving stored files between PostgreSQL and S3", () => {
  async function filedInPostgres() {
    withBucket(false);
    const receipt = await fileComplaint(input("rina@example.com"), "id", new Date(), [
      testFile(TEST_BYTES.png, "a.png", "image/png"),
      testFile(TEST_BYTES.pdf, "b.pdf", "application/pdf"),
      testFile(TEST_BYTES.gif, "c.gif", "image/gif"),
    ]);
    withBucket(true);
    return receipt;
  }

  async function bytesOf(token: string) {
    const rows = await testDb().attachment.findMany({ select: { id: true, fileName: true }, orderBy: { fileName: "asc" } });
    return Promise.all(
      rows.map(async (r) => {
        const response = await download(r.id, token);
        return `${r.fileName} ${response.status} ${sha256Hex(new Uint8Array(await response.arrayBuffer()))}`;
      }),
    );
  }

  it("moves every file to S3 and back, each verified by its SHA-256, and does nothing the second time", async () => {
    const { trackingToken } = await filedInPostgres();
    const served = await bytesOf(trackingToken);
    expect(served).toEqual([
      `a.png 200 ${sha256Hex(TEST_BYTES.png)}`,
      `b.pdf 200 ${sha256Hex(TEST_BYTES.pdf)}`,
      `c.gif 200 ${sha256Hex(TEST_BYTES.gif)}`,
    ]);
    const keys = (await state()).attachments.map((a) => a.storageKey);

    expect(await moveAttachments({ to: "S3", s3: s3Store() })).toEqual({ moved: 3, skipped: 0, failed: [] });
    let now = await state();
    expect(now).toMatchObject({ blobs: [], pending: [], objects: keys });
    expect(now.attachments.every((a) => a.storage === "S3")).toBe(true);
    expect(await bytesOf(trackingToken)).toEqual(served);
    expect(await moveAttachments({ to: "S3", s3: s3Store() })).toEqual({ moved: 0, skipped: 0, failed: [] });

    expect(await moveAttachments({ to: "POSTGRES", s3: s3Store() })).toEqual({ moved: 3, skipped: 0, failed: [] });
    now = await state();
    expect(now).toMatchObject({ blobs: keys, pending: [], objects: [] });
    expect(now.attachments.every((a) => a.storage === "POSTGRES")).toBe(true);
    expect(await bytesOf(trackingToken)).toEqual(served);
    expect(await moveAttachments({ to: "POSTGRES", s3: s3Store() })).toEqual({ moved: 0, skipped: 0, failed: [] });
  });

  it("leaves a file whose bytes do not match its SHA-256 where it is, in either store", async () => {
    await filedInPostgres();
    const rows = await testDb().attachment.findMany({ select: { id: true, storageKey: true }, orderBy: { fileName: "asc" } });
    // a.png's stored bytes damaged in PostgreSQL: not copied, not switched.
    await testDb().attachmentBlob.update({ where: { key: rows[0]!.storageKey }, data: { data: new Uint8Array(TEST_BYTES.gif) } });
    // b.pdf reaches the bucket damaged (a store that flips a bit on the way): the read-back catches it.
    const real = s3Store();
    const flipping: BlobStore = {
      ...real,
      backend: "S3",
      get: (key) => real.get(key),
      delete: (key) => real.delete(key),
      put: (key, data, sha256) => {
        if (key !== rows[1]!.storageKey) return real.put(key, data, sha256);
        const damaged = Uint8Array.from(data);
        damaged[10]! ^= 1;
        return real.put(key, damaged, sha256);
      },
    };
    const result = await moveAttachments({ to: "S3", s3: flipping });
    expect(result).toEqual({
      moved: 1,
      skipped: 0,
      failed: [
        { id: rows[0]!.id, reason: "sourceMismatch" },
        { id: rows[1]!.id, reason: "targetMismatch" },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    });
    const storages = await testDb().attachment.findMany({ select: { storage: true }, orderBy: { fileName: "asc" } });
    expect(storages.map((s) => s.storage)).toEqual(["POSTGRES", "POSTGRES", "S3"]);
    // The damaged copy in the bucket belongs to no row: the sweeper deletes it.
    expect(await sweepPendingObjects({ graceMs: 0 })).toEqual({ deleted: 1, kept: 0 });
    expect((await state()).objects).toEqual([rows[2]!.storageKey]);
  });

  it("stops on a bucket that goes down, and a second run finishes the job", async () => {
    const { trackingToken } = await filedInPostgres();
    const served = await bytesOf(trackingToken);
    const real = s3Store();
    let puts = 0;
    const failingAfterOne: BlobStore = {
      ...real,
      backend: "S3",
      get: (key) => real.get(key),
      delete: (key) => real.delete(key),
      put: async (key, data, sha256) => {
        if (++puts > 1) await s3.stop();
        return real.put(key, data, sha256);
      },
    };
    const first = await moveAttachments({ to: "S3", s3: failingAfterOne });
    expect(first.moved).toBe(1);
    expect(first.failed.map((f) => f.reason)).toEqual(["unavailable", "unavailable"]);
    await s3.start();
    expect(await moveAttachments({ to: "S3", s3: s3Store() })).toEqual({ moved: 2, skipped: 0, failed: [] });
    const now = await state();
    expect(now.attachments.every((a) => a.storage === "S3")).toBe(true);
    expect(now.blobs).toEqual([]);
    expect(await bytesOf(trackingToken)).toEqual(served);
  });

  it("runs as npm run attachments:move", async () => {
    await filedInPostgres();
    const run = (to: string) =>
      promisify(execFile)("npm", ["run", "--silent", "attachments:move", "--", "--to", to], {
        env: { ...process.env, DATABASE_URL: inject("databaseUrl"), S3_URL: s3.url, LOG_LEVEL: "warn" },
      });
    expect((await run("s3")).stdout).toContain("Moved 3 file(s) to bucket tanggap-test");
    expect((await state()).objects).toHaveLength(3);
    expect((await run("postgres")).stdout).toContain("Moved 3 file(s) to PostgreSQL");
    expect(await state()).toMatchObject({ objects: [], pending: [] });
    await expect(run("ftp")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("--to s3|postgres") });
    // Three starts of a TypeScript process on a busy two-core machine.
  }, 300_000);
});
