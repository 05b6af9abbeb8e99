import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { withStatementLog } from "../../../tests/support/statement-log";
import { parseReference } from "@/domain/reference";
import { hashTrackingToken } from "@/server/tracking-token";
import { fileComplaint } from "./file-complaint";
import { complaintSchema } from "./schemas";

const input = complaintSchema(() => "2026-11-23").parse({
  name: "Siti Rahayu",
  email: "Siti@Example.co.id",
  category: "PRODUCT_RETURN",
  narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
  desiredOutcome: "Uang kembali",
  location: "Toko Elektronik Jaya, cabang Kemang",
  amount: "450000",
  purchaseDate: "2026-11-20",
});

// Monday 23 November 2026, 09:00 in Jakarta.
const monday9 = new Date("2026-11-23T09:00:00+07:00");

describe("fileComplaint", () => {
  beforeEach(resetDatabase);

  it("stores the customer, the ticket, its first clock and its first event together", async () => {
    const receipt = await fileComplaint(input, "id", monday9);
    const ticket = await testDb().ticket.findUniqueOrThrow({
      where: { number: parseReference(receipt.reference)! },
      include: { customer: true, timers: true, events: true, category: true },
    });
    expect(ticket.customer.email).toBe("siti@example.co.id");
    expect(ticket.category.code).toBe("PRODUCT_RETURN");
    expect(ticket.stage).toBe("NEW");
    expect(ticket.amount?.toString()).toBe("450000");
    expect(ticket.location).toBe("Toko Elektronik Jaya, cabang Kemang");
    expect(ticket.subject).toBe("Blender yang saya beli tidak menyala sama sekali sejak hari pertama.");
    expect(ticket.trackingTokenHash).toBe(hashTrackingToken(receipt.trackingToken));
    expect(ticket.timers).toHaveLength(1);
    expect(ticket.events.map((e) => e.type)).toEqual(["ticket.filed"]);
  });

  it("promises the first reply four business hours later, in the business calendar", async () => {
    const receipt = await fileComplaint(input, "id", monday9);
    expect(receipt.acknowledgeBy).toEqual(new Date("2026-11-23T13:00:00+07:00"));
    // Filed on Friday evening: the clock runs from Monday's opening.
    const friday = await fileComplaint(input, "id", new Date("2026-11-27T19:00:00+07:00"));
    expect(friday.acknowledgeBy).toEqual(new Date("2026-11-30T12:00:00+07:00"));
  });

  it("files in one round trip per row written, beside one read each of the category, the custom fields and the SLA policy", async () => {
    // Under a category without a regulatory regime, whose settings then have nothing to say.
    const { statements } = await withStatementLog(() => fileComplaint(input, "id", monday9));
    const reads = statements.filter((s) => s.startsWith("SELECT"));
    const writes = statements.filter((s) => s.startsWith("INSERT"));
    expect(reads, statements.join("\n")).toHaveLength(3);
    // The customer, the ticket, its clock, its event, the receipt's outbox row; then COMMIT.
    expect(writes, statements.join("\n")).toHaveLength(5);
    expect(statements).toHaveLength(9);
  });

  it("follows an admin's change to the SLA target", async () => {
    await testDb().slaTarget.updateMany({ where: { stage: "NEW", priority: null }, data: { businessMinutes: 60 } });
    const receipt = await fileComplaint(input, "id", monday9);
    expect(receipt.acknowledgeBy).toEqual(new Date("2026-11-23T10:00:00+07:00"));
  });

  it("gives every complaint its own reference and token, and one customer per address", async () => {
    const receipts = await Promise.all(Array.from({ length: 10 }, () => fileComplaint(input, "id", monday9)));
    expect(new Set(receipts.map((r) => r.reference)).size).toBe(10);
    expect(new Set(receipts.map((r) => r.trackingToken)).size).toBe(10);
    expect(await testDb().customer.count()).toBe(1);
  });

  it("never lets a stranger rename, re-number or re-language an existing customer: what they typed stays on their complaint", async () => {
    const first = await fileComplaint(input, "id", monday9);
    const stranger = { ...input, name: "Call +62 811 000 at evil.example", phone: "+62 811 000 000" };
    const second = await fileComplaint(stranger, "en", monday9);
    const customer = await testDb().customer.findUniqueOrThrow({ where: { email: "siti@example.co.id" } });
    expect({ name: customer.name, phone: customer.phone, locale: customer.locale }).toEqual({
      name: "Siti Rahayu",
      phone: null,
      locale: "id",
    });
    const ticket = (reference: string) =>
      testDb().ticket.findUniqueOrThrow({
        where: { number: parseReference(reference)! },
        select: { contactName: true, contactPhone: true, locale: true, customer: { select: { name: true } } },
      });
    expect(await ticket(first.reference)).toEqual({
      contactName: "Siti Rahayu",
      contactPhone: null,
      locale: "id",
      customer: { name: "Siti Rahayu" },
    });
    expect(await ticket(second.reference)).toEqual({
      contactName: "Call +62 811 000 at evil.example",
      contactPhone: "+62 811 000 000",
      locale: "en",
      customer: { name: "Siti Rahayu" },
    });
  });

  it("mails a receipt that carries none of the words typed on the form and no link but the tracking link", async () => {
    const typed = { ...input, name: "Visit https://evil.example/win now", email: "new-address@example.co.id" };
    const receipt = await fileComplaint(typed, "en", monday9);
    const mail = await testDb().outboxMessage.findFirstOrThrow({
      where: { kind: "receipt" },
      select: { recipient: true, subject: true, body: true },
    });
    expect(mail.recipient).toBe("new-address@example.co.id");
    for (const words of [typed.name, "evil.example", typed.narrative, typed.desiredOutcome]) {
      expect(mail.body).not.toContain(words);
      expect(mail.subject).not.toContain(words);
    }
    const links = mail.body.match(/https?:\/\/\S+/g) ?? [];
    expect(links).toEqual([expect.stringContaining(`/track/${receipt.trackingToken}`)]);
  });

  it("stores nothing when the category does not exist", async () => {
    await testDb().category.updateMany({ where: { code: "PRODUCT_RETURN" }, data: { active: false } });
    await expect(fileComplaint(input, "id", monday9)).rejects.toMatchObject({ code: "unknownCategory" });
    expect(await testDb().ticket.count()).toBe(0);
    expect(await testDb().customer.count()).toBe(0);
  });
});
