import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { claimTicket } from "./claim";

async function staff(email: string) {
  return testDb().user.create({ data: { email, name: email, passwordHash: "x", role: "AGENT" }, select: { id: true } });
}

describe("claimTicket", () => {
  beforeEach(resetDatabase);

  async function oneTicket() {
    const input = complaintSchema().parse({
      name: "Daniel Hartono",
      email: "daniel@example.com",
      category: "PAYMENT_PROBLEM",
      narrative: "I was charged twice for the same order last week.",
      desiredOutcome: "Refund the duplicate charge",
    });
    await fileComplaint(input, "en");
    return testDb().ticket.findFirstOrThrow({ select: { id: true } });
  }

  it("gives the ticket to exactly one of two agents claiming at once, and records it", async () => {
    const ticket = await oneTicket();
    const [a, b] = await Promise.all([staff("a@tanggap.test"), staff("b@tanggap.test")]);
    const outcomes = await Promise.all([claimTicket(ticket.id, a.id), claimTicket(ticket.id, b.id)]);
    expect(outcomes.sort()).toEqual(["alreadyAssigned", "claimed"]);
    const stored = await testDb().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { assigneeId: true, version: true } });
    const winner = outcomes[0] === "claimed" ? a.id : b.id;
    expect([a.id, b.id]).toContain(stored.assigneeId);
    expect(stored.version).toBe(2);
    const events = await testDb().ticketEvent.findMany({ where: { ticketId: ticket.id, type: "ticket.assigned" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.actorId).toBe(stored.assigneeId);
    expect(winner).toBeDefined();
  });

  it("says when the ticket does not exist", async () => {
    const a = await staff("a@tanggap.test");
    expect(await claimTicket("00000000-0000-4000-8000-000000000000", a.id)).toBe("notFound");
  });
});
