import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { getTicketForApi } from "@/api/tickets";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { parseReference } from "@/domain/reference";
import { getTicketByTrackingToken } from "@/features/tracking/queries";
import { getTicketWorkspace } from "./queries";

const NOTE = "Internal: the warehouse mislabelled the box again.";
// Values only staff may read; none may reach the holder of the tracking link.
const STAFF_ONLY = {
  restatement: "Staff restatement of the case",
  finding: "Staff finding: courier damage",
  escalationReason: "Staff escalation reason",
  resolutionNote: "Staff resolution note",
  preventiveAction: "Staff preventive action",
  ratingComment: "Rating comment kept for staff",
  factsWhat: "Staff record of the facts",
};

describe("the views of one ticket", () => {
  beforeEach(resetDatabase);

  async function ticketWithStaffWork() {
    const input = complaintSchema().parse({
      name: "Maria Gomez",
      email: "maria@example.com",
      phone: "+62 812 0000 1111",
      category: "PRODUCT_RETURN",
      narrative: "The running shoes arrived in the wrong size.",
      desiredOutcome: "Exchange",
      location: "Sportswear outlet, Kemang branch",
    });
    const receipt = await fileComplaint(input, "en");
    const agent = await testDb().user.create({
      data: { email: "agent.secret@tanggap.test", name: "Agent Secretname", role: "AGENT", passwordHash: "x" },
      select: { id: true },
    });
    const ticket = await testDb().ticket.update({
      where: { number: parseReference(receipt.reference)! },
      data: { ...STAFF_ONLY, assigneeId: agent.id, rootCause: "THIRD_PARTY", escalatedAt: new Date(), disputed: true },
      select: { id: true },
    });
    await testDb().message.createMany({
      data: [
        { ticketId: ticket.id, authorType: "STAFF", authorId: agent.id, visibility: "PUBLIC", body: "A new pair is on its way." },
        { ticketId: ticket.id, authorType: "STAFF", authorId: agent.id, visibility: "INTERNAL", body: NOTE },
      ],
    });
    return receipt;
  }

  it("never gives the customer's tracking page an internal note or a staff-only field", async () => {
    const receipt = await ticketWithStaffWork();
    const tracked = await getTicketByTrackingToken(receipt.trackingToken);

    expect(Object.keys(tracked!).sort()).toEqual(
      [
        "amount",
        "apology",
        "categoryEn",
        "categoryId",
        "closedAt",
        // The customer-facing custom-field answers only (internal ones: custom-fields.integration.test.ts).
        "customFields",
        // What they asked for, their own answer.
        "customerAsk",
        "desiredOutcome",
        "filedAt",
        "location",
        "messages",
        "narrative",
        "nextReplyBy",
        "orderNumber",
        "rating",
        "reference",
        "regulatory",
        "resolution",
        "stage",
        "waitingOnCustomer",
        "wouldTrustAgain",
      ].sort(),
    );
    // Where it happened is the customer's own answer: theirs to see again.
    expect(tracked!.location).toBe("Sportswear outlet, Kemang branch");
    expect(tracked!.messages.map((m) => m.body)).toEqual(["A new pair is on its way."]);
    for (const m of tracked!.messages) expect(Object.keys(m).sort()).toEqual(["at", "body", "fromCustomer", "id"]);
    const shown = JSON.stringify(tracked);
    for (const secret of [NOTE, ...Object.values(STAFF_ONLY), "THIRD_PARTY", "Agent Secretname", "agent.secret@tanggap.test"]) {
      expect(shown).not.toContain(secret);
    }
    // Nor the customer's own contact details, or anything of the link itself.
    for (const own of ["maria@example.com", "+62 812 0000 1111", receipt.trackingToken]) expect(shown).not.toContain(own);
  });

  it("shows the closed complaint's outcome: the option chosen, its amount and the apology, never the resolution note", async () => {
    const receipt = await ticketWithStaffWork();
    const number = parseReference(receipt.reference)!;
    const { id, categoryId } = await testDb().ticket.findUniqueOrThrow({ where: { number }, select: { id: true, categoryId: true } });
    const option =
      (await testDb().resolutionOption.findFirst({ where: { categoryId, kind: "REFUND" } })) ??
      (await testDb().resolutionOption.create({ data: { categoryId, kind: "REFUND", labelEn: "Refund", labelId: "Pengembalian dana" } }));
    const sent = new Date(Date.now() + 60_000);
    await testDb().message.createMany({
      data: [
        { ticketId: id, authorType: "STAFF", visibility: "PUBLIC", body: "We are sorry: your money is on its way.", createdAt: sent },
        { ticketId: id, authorType: "STAFF", visibility: "PUBLIC", body: "A later word.", createdAt: new Date(sent.getTime() + 60_000) },
      ],
    });
    await testDb().ticket.update({
      where: { id },
      data: { stage: "CLOSED", closedAt: sent, apologySentAt: sent, resolutionOptionId: option.id, resolutionAmount: "250000" },
    });

    const tracked = await getTicketByTrackingToken(receipt.trackingToken);

    expect(tracked).toMatchObject({
      closedAt: sent,
      resolution: { labelEn: option.labelEn, labelId: option.labelId, amount: { value: 250000, currency: "IDR" } },
      apology: { body: "We are sorry: your money is on its way.", at: sent },
    });
    expect(JSON.stringify(tracked)).not.toContain(STAFF_ONLY.resolutionNote);
  });

  it("gives staff, in the workspace and the API, the internal note the customer does not see", async () => {
    const receipt = await ticketWithStaffWork();
    const workspace = await getTicketWorkspace(receipt.reference);
    const api = await getTicketForApi(receipt.reference);

    expect(workspace!.messages.map((m) => m.body)).toContain(NOTE);
    expect(workspace).toMatchObject({ finding: STAFF_ONLY.finding, escalationReason: STAFF_ONLY.escalationReason });
    expect(api!.messages.map((m) => m.body)).toContain(NOTE);
    expect([workspace!.location, api!.location]).toEqual(["Sportswear outlet, Kemang branch", "Sportswear outlet, Kemang branch"]);
    // The workspace is rendered by client components: the protocol's bookkeeping stays on the server.
    expect(workspace).not.toHaveProperty("trackingTokenSealed");
    expect(workspace).not.toHaveProperty("timers");
  });
});
