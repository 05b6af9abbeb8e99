import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { createTrackingToken } from "@/server/tracking-token";
import { getTicketByTrackingToken } from "./queries";

describe("getTicketByTrackingToken", () => {
  beforeEach(resetDatabase);

  async function filed() {
    const input = complaintSchema().parse({
      name: "Maria Gomez",
      email: "maria@example.com",
      category: "PRODUCT_RETURN",
      narrative: "The running shoes arrived in the wrong size.",
      desiredOutcome: "Exchange",
    });
    return fileComplaint(input, "en");
  }

  it("finds the ticket by its token and shows only public messages", async () => {
    const receipt = await filed();
    const ticket = await testDb().ticket.findFirstOrThrow({ select: { id: true } });
    await testDb().message.createMany({
      data: [
        { ticketId: ticket.id, authorType: "STAFF", visibility: "PUBLIC", body: "We are sorry; a new pair is on its way." },
        { ticketId: ticket.id, authorType: "STAFF", visibility: "INTERNAL", body: "Warehouse mislabelled the box." },
      ],
    });
    const tracked = await getTicketByTrackingToken(receipt.trackingToken);
    expect(tracked?.reference).toBe(receipt.reference);
    expect(tracked?.nextReplyBy).toEqual(receipt.acknowledgeBy);
    expect(tracked?.messages.map((m) => m.body)).toEqual(["We are sorry; a new pair is on its way."]);
  });

  it("finds nothing for an unknown, malformed or truncated token", async () => {
    const receipt = await filed();
    expect(await getTicketByTrackingToken(createTrackingToken().token)).toBeNull();
    expect(await getTicketByTrackingToken(receipt.trackingToken.slice(0, -1))).toBeNull();
    expect(await getTicketByTrackingToken("' OR 1=1 --")).toBeNull();
    expect(await getTicketByTrackingToken(receipt.reference)).toBeNull();
  });
});
