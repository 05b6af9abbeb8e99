import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { countUnread, listNotifications, markRead } from "./inbox";
import { noticeColumns } from "./notice-message";
import { slaNoticeMessage } from "./staff-notices";

async function supervisor(email: string) {
  return testDb().user.create({ data: { email, name: email, passwordHash: "x", role: "SUPERVISOR" }, select: { id: true } });
}

async function notice(userId: string, title: string, createdAt: Date, ticketId: string | null = null) {
  return testDb().notification.create({
    data: { userId, kind: "sla.at_risk", title, body: `${title} body`, ticketId, dedupeKey: `${userId}:${title}`, createdAt },
    select: { id: true },
  });
}

describe("the notifications inbox", () => {
  beforeEach(resetDatabase);

  it("lists one person's notices newest first, with the ticket's reference", async () => {
    const [ana, budi] = await Promise.all([supervisor("ana@tanggap.test"), supervisor("budi@tanggap.test")]);
    const input = complaintSchema().parse({
      name: "Daniel Hartono",
      email: "daniel@example.com",
      category: "PAYMENT_PROBLEM",
      narrative: "I was charged twice for the same order last week.",
      desiredOutcome: "Refund the duplicate charge",
    });
    const receipt = await fileComplaint(input, "en");
    const ticket = await testDb().ticket.findFirstOrThrow({ select: { id: true } });
    await notice(ana.id, "older", new Date("2026-11-02T01:00:00Z"));
    await notice(ana.id, "newer", new Date("2026-11-03T01:00:00Z"), ticket.id);
    await notice(budi.id, "someone else's", new Date("2026-11-04T01:00:00Z"));

    const listed = await listNotifications(ana.id, "en");
    expect(listed.map((n) => n.title)).toEqual(["newer", "older"]);
    expect(listed[0]).toMatchObject({ reference: receipt.reference, read: false });
    expect(listed[1]?.reference).toBeNull();
  });

  it("marks only the owner's notices read, one or all", async () => {
    const [ana, budi] = await Promise.all([supervisor("ana@tanggap.test"), supervisor("budi@tanggap.test")]);
    const a1 = await notice(ana.id, "a1", new Date("2026-11-02T01:00:00Z"));
    await notice(ana.id, "a2", new Date("2026-11-02T02:00:00Z"));
    const b1 = await notice(budi.id, "b1", new Date("2026-11-02T03:00:00Z"));

    // Someone else's id changes nothing.
    expect(await markRead(ana.id, [b1.id])).toBe(0);
    expect(await countUnread(budi.id)).toBe(1);

    expect(await markRead(ana.id, [a1.id])).toBe(1);
    expect(await countUnread(ana.id)).toBe(1);
    expect(await markRead(ana.id, "all")).toBe(1);
    expect(await countUnread(ana.id)).toBe(0);
    expect(await countUnread(budi.id)).toBe(1);
  });

  it("words a notice in the language its reader reads in now, not the one it was written in", async () => {
    const ana = await supervisor("ana@tanggap.test");
    const message = slaNoticeMessage({
      kind: "sla.breached",
      timerId: "timer-1",
      ticketId: "ticket-1",
      reference: "TGP-000042",
      stage: "UNDERSTAND",
      occurredAt: new Date("2026-11-23T06:00:00Z"),
      dueAt: new Date("2026-11-23T06:00:00Z"),
      detectedAt: new Date("2026-11-23T06:00:30Z"),
      url: "http://localhost/agent/tickets/TGP-000042",
      priorityRaised: { from: "NORMAL", to: "HIGH" },
      timeZone: "Asia/Jakarta",
    });
    // Written while Ana read English.
    await testDb().notification.create({
      data: { userId: ana.id, kind: "sla.breached", dedupeKey: "k1", ...noticeColumns(message, "en") },
    });

    const [english] = await listNotifications(ana.id, "en");
    expect(english).toMatchObject({ title: "TGP-000042 missed its Understand deadline" });
    expect(english?.body).toContain("raised from Normal to High");

    const [indonesian] = await listNotifications(ana.id, "id");
    expect(indonesian?.title).toBe("TGP-000042 melewati tenggat tahap Memahami");
    expect(indonesian?.body).toContain("dinaikkan dari Normal menjadi Tinggi");
    expect(indonesian?.body).not.toMatch(/deadline|raised|Understand/);
  });

  it("shows a notice written before keys were stored as it was written", async () => {
    const ana = await supervisor("ana@tanggap.test");
    await notice(ana.id, "Written once", new Date("2026-11-02T01:00:00Z"));
    // A key this version no longer knows falls back to the stored text too.
    await testDb().notification.create({
      data: {
        userId: ana.id,
        kind: "retired",
        dedupeKey: "retired",
        messageKey: "retiredNotice",
        messageParams: { values: {}, lines: [] },
        title: "Kept title",
        body: "Kept body",
        createdAt: new Date("2026-11-01T01:00:00Z"),
      },
    });
    const listed = await listNotifications(ana.id, "id");
    expect(listed.map((n) => [n.title, n.body])).toEqual([
      ["Written once", "Written once body"],
      ["Kept title", "Kept body"],
    ]);
  });
});
