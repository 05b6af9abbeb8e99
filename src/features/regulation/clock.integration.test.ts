import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import type { RegimeCode } from "@/domain/regulation/regimes";
import { fileComplaint, type ComplaintOrigin } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import type { Actor } from "@/features/protocol/change-ticket";
import { changeCategory, reply } from "@/features/protocol/commands";
import { acknowledge } from "@/features/protocol/hearing-commands";
import { sweepSla } from "@/features/sla/monitor";
import { customerReply } from "@/features/tracking/commands";
import { extendRegulatoryDeadline } from "./extend";

// Filed Monday 23 November 2026, 09:00 in Jakarta (UTC+7). On the Indonesian calendar (no holiday
// until Christmas) 10 working days run to Monday 7 December; 5 (spoken) to Monday 30 November.
const wib = (local: string) => new Date(`${local}+07:00`);
const endOfWib = (date: string) => wib(`${date}T23:59:59.999`);
const filedAt = wib("2026-11-23T09:00:00");

let agent: Actor & { name: string };
let supervisor: Actor;

async function staff(email: string, role: Actor["role"]): Promise<Actor & { name: string }> {
  const user = await testDb().user.create({ data: { email, name: "Dewi Lestari", role, passwordHash: "x" }, select: { id: true } });
  return { id: user.id, role, name: "Dewi Lestari" };
}

async function regimeOf(category: string, regime: RegimeCode) {
  await testDb().category.update({ where: { code: category }, data: { regime } });
}

async function file(category = "PAYMENT_PROBLEM", origin: ComplaintOrigin = {}) {
  const input = complaintSchema(() => "2026-11-23").parse({
    name: "Siti Rahayu",
    email: "siti@example.co.id",
    category,
    narrative: "Saldo saya terpotong dua kali untuk satu transaksi transfer.",
    desiredOutcome: "Dana dikembalikan",
  });
  const receipt = await fileComplaint(input, "id", filedAt, [], undefined, origin);
  return { id: receipt.ticketId, token: receipt.trackingToken };
}

const clock = (id: string) =>
  testDb().ticket.findUniqueOrThrow({
    where: { id },
    select: {
      version: true,
      regime: true,
      channel: true,
      regulatoryDueAt: true,
      regulatoryWarnAt: true,
      regulatoryPausedAt: true,
      regulatoryWarnedAt: true,
      regulatoryBreachedAt: true,
      regulatoryExtensions: true,
    },
  });
const events = (id: string, type: string) => testDb().ticketEvent.findMany({ where: { ticketId: id, type }, select: { after: true } });

describe("the regulatory clock", () => {
  beforeEach(async () => {
    await resetDatabase();
    agent = await staff("agent@tanggap.test", "AGENT");
    supervisor = await staff("supervisor@tanggap.test", "SUPERVISOR");
    await regimeOf("PAYMENT_PROBLEM", "OJK");
  });

  it("starts at filing from the category's regime, written or spoken", async () => {
    const web = await file();
    expect(await clock(web.id)).toMatchObject({
      regime: "OJK",
      channel: "WEB",
      regulatoryDueAt: endOfWib("2026-12-07"),
      regulatoryWarnAt: wib("2026-12-04T00:00:00"),
    });
    expect((await events(web.id, "ticket.filed"))[0]!.after).toMatchObject({
      regime: "OJK",
      regulatoryDueAt: endOfWib("2026-12-07").toISOString(),
    });
    const phone = await file("PAYMENT_PROBLEM", { channel: "PHONE" });
    expect(await clock(phone.id)).toMatchObject({ channel: "PHONE", regulatoryDueAt: endOfWib("2026-11-30") });
    const unregulated = await file("PRODUCT_RETURN");
    expect(await clock(unregulated.id)).toMatchObject({ regime: "NONE", regulatoryDueAt: null });
  });

  it("is not reset by a stage change", async () => {
    const t = await file();
    await acknowledge(
      { ticketId: t.id, version: (await clock(t.id)).version, body: "Halo Siti, pengaduan Anda kami terima." },
      agent,
      wib("2026-11-23T10:00:00"),
    );
    expect((await clock(t.id)).regulatoryDueAt).toEqual(endOfWib("2026-12-07"));
  });

  it("pauses while waiting on the customer and moves by the days they held it, under OJK only", async () => {
    await regimeOf("SERVICE_PROBLEM", "FCA");
    const ojk = await file();
    const fca = await file("SERVICE_PROBLEM");
    for (const t of [ojk, fca]) {
      await acknowledge(
        { ticketId: t.id, version: (await clock(t.id)).version, body: "Halo, pengaduan Anda kami terima." },
        agent,
        wib("2026-11-23T10:00:00"),
      );
      await reply(
        {
          ticketId: t.id,
          version: (await clock(t.id)).version,
          body: "Mohon kirim bukti transfer.",
          visibility: "PUBLIC",
          waitForCustomer: true,
        },
        agent,
        wib("2026-11-24T14:00:00"),
      );
    }
    expect((await clock(ojk.id)).regulatoryPausedAt).toEqual(wib("2026-11-24T14:00:00"));
    expect((await clock(fca.id)).regulatoryPausedAt).toBeNull();
    // The customer answers on Thursday: 25 and 26 November were theirs.
    await customerReply(ojk.token, "Bukti transfer terlampir.", wib("2026-11-26T09:00:00"));
    await customerReply(fca.token, "Bukti transfer terlampir.", wib("2026-11-26T09:00:00"));
    expect(await clock(ojk.id)).toMatchObject({
      regulatoryPausedAt: null,
      regulatoryDueAt: endOfWib("2026-12-09"),
      regulatoryWarnAt: wib("2026-12-08T00:00:00"),
    });
    // FCA: eight weeks from 23 November, in London, untouched by the wait.
    expect((await clock(fca.id)).regulatoryDueAt).toEqual(new Date("2027-01-18T23:59:59.999Z"));
  });

  it("is counted again from receipt when the complaint moves to another regime's category", async () => {
    await regimeOf("SERVICE_PROBLEM", "FCA");
    const t = await file();
    const category = await testDb().category.findUniqueOrThrow({ where: { code: "SERVICE_PROBLEM" }, select: { id: true } });
    await changeCategory(
      { ticketId: t.id, version: (await clock(t.id)).version, categoryId: category.id, reason: "A UK account" },
      agent,
      wib("2026-11-25T09:00:00"),
    );
    expect(await clock(t.id)).toMatchObject({ regime: "FCA", regulatoryDueAt: new Date("2027-01-18T23:59:59.999Z") });
    expect((await events(t.id, "regulatory.recomputed"))[0]!.after).toEqual({
      regime: "FCA",
      paymentServices: false,
      dueAt: "2027-01-18T23:59:59.999Z",
    });
  });

  it("is warned and breached by the SLA monitor exactly once, however many sweeps run", async () => {
    const t = await file();
    // Warning point Friday 4 December 00:00; three sweeps at once, then another.
    const warnSweeps = await Promise.all([1, 2, 3].map(() => sweepSla(wib("2026-12-04T08:00:00"))));
    expect(warnSweeps.reduce((n, r) => n + r.regulatoryWarned, 0)).toBe(1);
    expect((await sweepSla(wib("2026-12-04T09:00:00"))).regulatoryWarned).toBe(0);
    expect((await clock(t.id)).regulatoryWarnedAt).toEqual(wib("2026-12-04T08:00:00"));

    const breachSweeps = await Promise.all([1, 2, 3].map(() => sweepSla(wib("2026-12-08T00:01:00"))));
    expect(breachSweeps.reduce((n, r) => n + r.regulatoryBreached, 0)).toBe(1);
    expect((await sweepSla(wib("2026-12-08T10:00:00"))).regulatoryBreached).toBe(0);
    expect((await clock(t.id)).regulatoryBreachedAt).toEqual(wib("2026-12-08T00:01:00"));

    expect(await events(t.id, "regulatory.warned")).toHaveLength(1);
    expect(await events(t.id, "regulatory.breached")).toHaveLength(1);
    const notices = await testDb().notification.findMany({
      where: { ticketId: t.id, kind: { startsWith: "regulatory." } },
      select: { kind: true, userId: true, messageKey: true },
      orderBy: { kind: "asc" },
    });
    expect(notices).toEqual([
      { kind: "regulatory.breached", userId: supervisor.id, messageKey: "regulatoryBreached" },
      { kind: "regulatory.warned", userId: supervisor.id, messageKey: "regulatoryWarning" },
    ]);
  });

  it("is not swept while paused", async () => {
    const t = await file();
    await testDb().ticket.update({ where: { id: t.id }, data: { regulatoryPausedAt: wib("2026-11-24T09:00:00") } });
    expect(await sweepSla(wib("2026-12-08T10:00:00"))).toMatchObject({ regulatoryWarned: 0, regulatoryBreached: 0 });
  });

  it("is extended once, before the deadline, with the customer told in the same transaction", async () => {
    const t = await file();
    const extended = await extendRegulatoryDeadline(
      { ticketId: t.id, version: (await clock(t.id)).version, reason: "Kami menunggu data dari jaringan kartu" },
      agent,
      wib("2026-12-07T15:00:00"),
    );
    // 8, 9, 10, 11, 14, 15, 16, 17, 18, 21 December.
    expect(extended).toMatchObject({ ticketId: t.id, previousDueAt: endOfWib("2026-12-07"), dueAt: endOfWib("2026-12-21") });
    expect(await clock(t.id)).toMatchObject({ regulatoryDueAt: endOfWib("2026-12-21"), regulatoryExtensions: 1 });
    expect((await events(t.id, "regulatory.extended"))[0]!.after).toMatchObject({ dueAt: endOfWib("2026-12-21").toISOString() });
    // The customer is told by the extension letter, stored as sent and mailed as its text.
    const letter = await testDb().letter.findUniqueOrThrow({ where: { id: extended.letterId } });
    expect(letter).toMatchObject({ kind: "EXTENSION", statedDueAt: endOfWib("2026-12-21") });
    expect(letter.content).toContain("Kami menunggu data dari jaringan kartu");
    const mail = await testDb().outboxMessage.findFirstOrThrow({ where: { dedupeKey: `letter:${letter.id}` }, select: { body: true } });
    expect(mail.body).toContain("Kami menunggu data dari jaringan kartu");

    await expect(
      extendRegulatoryDeadline({ ticketId: t.id, version: (await clock(t.id)).version, reason: "Lagi" }, agent, wib("2026-12-08T09:00:00")),
    ).rejects.toMatchObject({ code: "invalidChange", details: { code: "regulatoryExtensionUsed" } });
  });

  it("refuses an extension after the first deadline has passed, and changes nothing", async () => {
    const t = await file();
    const before = await clock(t.id);
    await expect(
      extendRegulatoryDeadline({ ticketId: t.id, version: before.version, reason: "Terlambat" }, agent, wib("2026-12-08T00:00:00")),
    ).rejects.toMatchObject({ code: "invalidChange", details: { code: "regulatoryDeadlinePassed" } });
    expect(await clock(t.id)).toEqual(before);
  });
});
