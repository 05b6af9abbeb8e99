import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import type { Actor } from "./change-ticket";
import { acknowledge, recordListening } from "./hearing-commands";

const at = (local: string) => new Date(`2026-11-${local}+07:00`);

const record = {
  factsWhat: "Blender never started",
  factsWhen: "The day it arrived",
  factsWhere: "At home",
  desiredOutcome: "Refund",
  restatement: "You want your money back for a blender that never worked.",
};

describe("recording what was heard", () => {
  beforeEach(resetDatabase);

  // The facts of when, where and how it was paid are part of the ticket the change loads, so the
  // event says what each was before without reading the ticket a second time.
  it("records in its event what each fact was before and what it became", async () => {
    const user = await testDb().user.create({ data: { email: "a@tanggap.test", name: "A", role: "AGENT" as const, passwordHash: "x" } });
    const agent: Actor = { id: user.id, role: "AGENT" };
    const input = complaintSchema(() => "2026-11-23").parse({
      name: "Siti Rahayu",
      email: "siti@example.co.id",
      category: "PRODUCT_RETURN",
      narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
      desiredOutcome: "Uang kembali",
    });
    await fileComplaint(input, "id", at("23T09:00:00"));
    const { id } = await testDb().ticket.findFirstOrThrow({ select: { id: true } });
    const version = async () => (await testDb().ticket.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

    await acknowledge({ ticketId: id, version: await version(), body: "We hear you." }, agent, at("23T09:10:00"));
    await recordListening({ ticketId: id, version: await version(), record, advance: false }, agent, at("23T09:20:00"));
    await recordListening(
      {
        ticketId: id,
        version: await version(),
        record: { ...record, factsWhen: "Two days after it arrived", factsPayment: "Card" },
        advance: false,
      },
      agent,
      at("23T09:30:00"),
    );

    const events = await testDb().ticketEvent.findMany({
      where: { ticketId: id, type: "listen.recorded" },
      orderBy: { id: "asc" },
      select: { before: true, after: true },
    });
    expect(events[1]).toEqual({
      before: { factsWhen: "The day it arrived", factsPayment: null },
      after: { factsWhen: "Two days after it arrived", factsPayment: "Card" },
    });
  });
});
