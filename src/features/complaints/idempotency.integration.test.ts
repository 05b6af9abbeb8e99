import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "./file-complaint";
import { complaintSchema, submissionIdSchema } from "./schemas";

const input = complaintSchema().parse({
  name: "Made Wirawan",
  email: "made@example.com",
  category: "PRODUCT_RETURN",
  narrative: "The shoes I bought came apart at the sole within a week.",
  desiredOutcome: "A refund",
});

describe("filing a complaint once per submission", () => {
  beforeEach(resetDatabase);

  it("returns the same receipt for a resubmitted form and files one ticket, even when the copies race", async () => {
    const key = `form:${submissionIdSchema.parse(randomUUID())}`;
    const receipts = await Promise.all(Array.from({ length: 10 }, () => fileComplaint(input, "en", new Date(), [], key)));
    expect(new Set(receipts.map((r) => r.reference))).toEqual(new Set(["TGP-000001"]));
    expect(new Set(receipts.map((r) => r.trackingToken)).size).toBe(1);
    expect(receipts.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await testDb().ticket.count()).toBe(1);
    expect(await testDb().ticketEvent.count({ where: { type: "ticket.filed" } })).toBe(1);
    expect(await testDb().outboxMessage.count({ where: { kind: "receipt" } })).toBe(1);

    const later = await fileComplaint(input, "en", new Date(), [], key);
    expect(later).toMatchObject({ reference: "TGP-000001", replayed: true, trackingToken: receipts[0]!.trackingToken });
  });

  it("files a new ticket for a new form, and for every submission without an id", async () => {
    await fileComplaint(input, "en", new Date(), [], `form:${randomUUID()}`);
    await fileComplaint(input, "en", new Date(), [], `form:${randomUUID()}`);
    await fileComplaint(input, "en");
    await fileComplaint(input, "en");
    expect(await testDb().ticket.count()).toBe(4);
  });

  it("accepts only a UUID as a submission id", () => {
    expect(submissionIdSchema.safeParse("x' OR 1=1 --").success).toBe(false);
    expect(submissionIdSchema.safeParse(randomUUID()).success).toBe(true);
  });
});
