import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { countUnread, listNotifications, markRead } from "./inbox";

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

    const listed = await listNotifications(ana.id);
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
});
