import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { formatReference } from "@/domain/reference";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { applyToTickets } from "./bulk";
import type { Actor } from "./change-ticket";
import { setPriority } from "./commands";

// Monday 23 November 2026 in Jakarta (UTC+7), business hours 08:00–17:00.
const at = (local: string) => new Date(`2026-11-${local}+07:00`);

let agent: Actor;
let other: Actor;

async function staff(email: string, role: Actor["role"]): Promise<Actor> {
  const user = await testDb().user.create({ data: { email, name: email, role, passwordHash: "x" }, select: { id: true } });
  return { id: user.id, role };
}

async function newTicket() {
  const input = complaintSchema(() => "2026-11-23").parse({
    name: "Siti Rahayu",
    email: "siti@example.co.id",
    category: "PRODUCT_RETURN",
    narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
    desiredOutcome: "Uang kembali",
    amount: "450000",
  });
  await fileComplaint(input, "id", at("23T09:00:00"));
  const ticket = await testDb().ticket.findFirstOrThrow({ orderBy: { number: "desc" }, select: { id: true, version: true, number: true } });
  return { ticketId: ticket.id, version: ticket.version, reference: formatReference(ticket.number) };
}

const events = (ticketId: string, type: string) =>
  testDb().ticketEvent.findMany({ where: { ticketId, type }, select: { actorId: true, after: true } });

describe("one change to several tickets", () => {
  beforeEach(async () => {
    await resetDatabase();
    agent = await staff("agent@tanggap.test", "AGENT");
    other = await staff("other@tanggap.test", "AGENT");
  });

  it("changes each ticket at the version seen, with its own event, and names the one changed meanwhile", async () => {
    const [a, b, c] = [await newTicket(), await newTicket(), await newTicket()];
    // Someone else raises b after the agent's list was drawn.
    await setPriority({ ticketId: b.ticketId, version: b.version, priority: "HIGH" }, other, at("23T10:00:00"));

    const outcome = await applyToTickets([a, b, c], { kind: "priority", priority: "URGENT" }, agent, at("23T10:05:00"));

    expect(outcome).toEqual({ done: [a.reference, c.reference], skipped: [{ reference: b.reference, reason: "changed" }] });
    for (const changed of [a, c]) {
      expect(
        await testDb().ticket.findUniqueOrThrow({ where: { id: changed.ticketId }, select: { priority: true, version: true } }),
      ).toEqual({
        priority: "URGENT",
        version: changed.version + 1,
      });
      expect(await events(changed.ticketId, "priority.changed")).toEqual([{ actorId: agent.id, after: { priority: "URGENT" } }]);
    }
    // b keeps the other agent's change and has no event of this one.
    expect((await testDb().ticket.findUniqueOrThrow({ where: { id: b.ticketId }, select: { priority: true } })).priority).toBe("HIGH");
    expect(await events(b.ticketId, "priority.changed")).toEqual([{ actorId: other.id, after: { priority: "HIGH" } }]);
  });

  it("refuses a closed ticket and still assigns the others", async () => {
    const [open, closed] = [await newTicket(), await newTicket()];
    await testDb().ticket.update({ where: { id: closed.ticketId }, data: { stage: "CLOSED", closedAt: at("23T11:00:00") } });

    const outcome = await applyToTickets([open, closed], { kind: "assign", assigneeId: other.id }, agent, at("23T11:05:00"));

    expect(outcome).toEqual({ done: [open.reference], skipped: [{ reference: closed.reference, reason: "closed" }] });
    expect((await testDb().ticket.findUniqueOrThrow({ where: { id: open.ticketId }, select: { assigneeId: true } })).assigneeId).toBe(
      other.id,
    );
    expect(
      (await testDb().ticket.findUniqueOrThrow({ where: { id: closed.ticketId }, select: { assigneeId: true } })).assigneeId,
    ).toBeNull();
    expect(await events(closed.ticketId, "ticket.assigned")).toEqual([]);
  });

  it("names a ticket the protocol does not let wait yet, and writes nothing to it", async () => {
    // A NEW complaint has not been acknowledged: it cannot wait on the customer.
    const ticket = await newTicket();
    const outcome = await applyToTickets([ticket], { kind: "wait" }, agent, at("23T10:00:00"));
    expect(outcome).toEqual({ done: [], skipped: [{ reference: ticket.reference, reason: "refused" }] });
    expect(
      await testDb().ticket.findUniqueOrThrow({ where: { id: ticket.ticketId }, select: { waitingOnCustomer: true, version: true } }),
    ).toEqual({
      waitingOnCustomer: false,
      version: ticket.version,
    });
  });
});
