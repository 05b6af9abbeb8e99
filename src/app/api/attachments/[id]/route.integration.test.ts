import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetDatabase, testDb } from "../../../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { storeAttachments } from "@/features/attachments/store";
import { TEST_BYTES, testFile } from "@/features/attachments/test-files";
import type { StaffUser } from "@/server/auth/session";
import { createTrackingToken } from "@/server/tracking-token";
import { GET } from "./route";

// The session comes from Auth.js's cookie in a real request; here it is whatever the test says.
const session = vi.hoisted(() => ({ staff: null as StaffUser | null }));
vi.mock("@/server/auth/session", () => ({ currentStaff: async () => session.staff }));

const input = (email: string) =>
  complaintSchema().parse({
    name: "Rina Wijaya",
    email,
    category: "PRODUCT_RETURN",
    narrative: "The kettle I bought leaks from the bottom after one use.",
    desiredOutcome: "A replacement",
  });

async function download(id: string, token?: string | null) {
  const url = new URL(`http://localhost/api/attachments/${encodeURIComponent(id)}`);
  if (token !== undefined && token !== null) url.searchParams.set("token", token);
  return GET(new Request(url), { params: Promise.resolve({ id }) });
}

async function expectBare404(response: Response) {
  expect(response.status).toBe(404);
  expect(await response.text()).toBe("");
  expect(response.headers.get("content-type")).toBeNull();
  expect(response.headers.get("content-disposition")).toBeNull();
}

describe("GET /api/attachments/[id]", () => {
  let mine: { token: string; photoId: string; pdfId: string };
  let theirs: { token: string; fileId: string };

  beforeEach(async () => {
    await resetDatabase();
    session.staff = null;
    const a = await fileComplaint(input("rina@example.com"), "en", new Date(), [
      testFile(TEST_BYTES.png, "bocor.png", "image/png"),
      testFile(TEST_BYTES.pdf, "Kwitansi Café 收据.pdf", "application/pdf"),
    ]);
    const b = await fileComplaint(input("other@example.com"), "en", new Date(), [testFile(TEST_BYTES.jpeg, "other.jpg", "image/jpeg")]);
    const files = await testDb().attachment.findMany({ select: { id: true, fileName: true } });
    const id = (name: string) => files.find((f) => f.fileName === name)!.id;
    mine = { token: a.trackingToken, photoId: id("bocor.png"), pdfId: id("Kwitansi Café 收据.pdf") };
    theirs = { token: b.trackingToken, fileId: id("other.jpg") };
  });

  it("serves the file to the holder of its ticket's tracking link, as a sandboxed download", async () => {
    const response = await download(mine.pdfId, mine.token);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(TEST_BYTES.pdf))).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(TEST_BYTES.pdf.length),
      "content-disposition": `attachment; filename="Kwitansi Cafe __.pdf"; filename*=UTF-8''Kwitansi%20Caf%C3%A9%20%E6%94%B6%E6%8D%AE.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; sandbox",
      "referrer-policy": "no-referrer",
    });
    const photo = await download(mine.photoId, mine.token);
    expect(photo.headers.get("content-type")).toBe("image/png");
  });

  it("serves any file to signed-in staff without a token", async () => {
    session.staff = { id: "00000000-0000-4000-8000-000000000001", name: "Agent", email: "agent@tanggap.test", role: "AGENT", teamId: null };
    const response = await download(theirs.fileId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="other.jpg"; filename*=UTF-8''other.jpg`);
  });

  it("answers the same bare 404 to everyone else", async () => {
    const cases: [string, string, string | null][] = [
      ["no token, not signed in", mine.pdfId, null],
      ["an empty token", mine.pdfId, ""],
      ["a malformed token", mine.pdfId, "' OR 1=1 --"],
      ["a well-formed token of no ticket", mine.pdfId, createTrackingToken().token],
      ["a truncated token", mine.pdfId, mine.token.slice(0, -1)],
      ["another ticket's token", mine.pdfId, theirs.token],
      ["another ticket's token for a file of its own ticket, swapped", theirs.fileId, mine.token],
      ["an unknown id", "7d1f4a0e-9c1b-4c55-8e0f-1f2a3b4c5d6e", mine.token],
      ["a malformed id", "../../etc/passwd", mine.token],
      ["a malformed id without a token", "not-a-uuid", null],
      ["a ticket's id in place of a file's", "00000000-0000-0000-0000-000000000000", mine.token],
    ];
    for (const [, id, token] of cases) await expectBare404(await download(id, token));
  });

  it("refuses staff who name a token that does not fit: a token, when given, decides", async () => {
    session.staff = { id: "00000000-0000-4000-8000-000000000001", name: "Agent", email: "agent@tanggap.test", role: "AGENT", teamId: null };
    await expectBare404(await download(mine.pdfId, theirs.token));
    await expectBare404(await download("not-a-uuid"));
  });

  it("does not give the holder of the link a file on an internal note", async () => {
    const ticket = await testDb().ticket.findFirstOrThrow({ where: { attachments: { some: { id: mine.pdfId } } }, select: { id: true } });
    const [note] = await testDb().$transaction(async (tx) => {
      const message = await tx.message.create({
        data: { ticketId: ticket.id, authorType: "STAFF", visibility: "INTERNAL", body: "Supplier invoice" },
        select: { id: true },
      });
      return storeAttachments(tx, { ticketId: ticket.id, messageId: message.id, files: [testFile(TEST_BYTES.gif, "internal.gif")] });
    });
    await expectBare404(await download(note!.id, mine.token));
  });
});
