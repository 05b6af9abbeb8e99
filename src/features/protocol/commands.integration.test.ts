import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import { findAttachmentForDownload, listAttachmentsByTrackingToken } from "@/features/attachments/queries";
import { TEST_BYTES, testFile } from "@/features/attachments/test-files";
import type { Actor } from "./change-ticket";
import { reopen, reply, setPriority, setWaitingOnCustomer } from "./commands";
import { escalate } from "./escalation-commands";
import { acknowledge, recordListening, recordUnderstanding, sendClarification } from "./hearing-commands";
import { chooseResolution, decideApproval, sendApology } from "./resolution-commands";

// Monday 23 November 2026 in Jakarta (UTC+7), business hours 08:00–17:00.
const at = (local: string) => new Date(`2026-11-${local}+07:00`);

let agent: Actor;
let supervisor: Actor;

async function staff(email: string, role: Actor["role"]): Promise<Actor> {
  const user = await testDb().user.create({ data: { email, name: email, role, passwordHash: "x" }, select: { id: true } });
  return { id: user.id, role };
}

async function newTicket(category = "PRODUCT_RETURN") {
  const input = complaintSchema(() => "2026-11-23").parse({
    name: "Siti Rahayu",
    email: "siti@example.co.id",
    category,
    narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
    desiredOutcome: "Uang kembali",
    amount: "450000",
  });
  await fileComplaint(input, "id", at("23T09:00:00"));
  return testDb().ticket.findFirstOrThrow({ orderBy: { number: "desc" }, select: { id: true, version: true } });
}

const version = async (ticketId: string) =>
  (await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } })).version;
const ticketRow = (ticketId: string) =>
  testDb().ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: {
      stage: true,
      waitingOnCustomer: true,
      stageDueAt: true,
      assigneeId: true,
      closedAt: true,
      priority: true,
      resolutionOptionId: true,
    },
  });

// Apologies that pass the apology check for the refund of 450 000 and for the exchange.
const GOOD_APOLOGY =
  "Siti, kami mohon maaf: blender yang Anda terima rusak karena kesalahan kami saat memeriksa batch dari pemasok. Uang Rp 450.000 sudah kami kembalikan ke rekening Anda.";
const GOOD_EXCHANGE_APOLOGY =
  "Siti, kami mohon maaf: blender itu rusak karena kesalahan kami saat memeriksa batch. Unit pengganti sudah kami kirim sebagai penukaran hari ini.";

const listen = {
  factsWhat: "Blender never started",
  desiredOutcome: "Refund",
  restatement: "You want your money back for a blender that never worked.",
  severity: "MEDIUM" as const,
  safetyRisk: false,
};

async function optionId(kind: string, category = "PRODUCT_RETURN") {
  return (
    await testDb().resolutionOption.findFirstOrThrow({ where: { kind: kind as never, category: { code: category } }, select: { id: true } })
  ).id;
}

describe("the complaint protocol on a real database", () => {
  beforeEach(async () => {
    await resetDatabase();
    agent = await staff("agent@tanggap.test", "AGENT");
    supervisor = await staff("supervisor@tanggap.test", "SUPERVISOR");
  });

  it("walks a ticket from NEW to CLOSED through every gate, with a timer and an event per step", async () => {
    const { id } = await newTicket();
    const ref = async () => ({ ticketId: id, version: await version(id) });

    expect(await acknowledge({ ...(await ref()), body: "Halo Siti, keluhan Anda sudah kami terima." }, agent, at("23T09:30:00"))).toEqual({
      moved: true,
    });
    expect(await ticketRow(id)).toMatchObject({ stage: "LISTEN", assigneeId: agent.id, stageDueAt: at("24T09:30:00") });

    const refused = await recordListening(
      { ...(await ref()), record: { ...listen, restatement: "" }, advance: true },
      agent,
      at("23T10:00:00"),
    );
    expect(refused).toEqual({ moved: false, refusal: { reason: "gatesUnmet", gates: ["restatement"] } });
    expect((await ticketRow(id)).stage).toBe("LISTEN");
    expect(await recordListening({ ...(await ref()), record: listen, advance: true }, agent, at("23T10:05:00"))).toEqual({ moved: true });

    expect(
      await recordUnderstanding(
        { ...(await ref()), rootCause: "OUR_ERROR", finding: "Faulty batch from the supplier.", disputed: false, advance: true },
        agent,
        at("23T11:00:00"),
      ),
    ).toEqual({ moved: true });

    const refund = await optionId("REFUND");
    expect(
      await chooseResolution({ ...(await ref()), choice: { optionId: refund, amount: "450000" }, advance: true }, agent, at("23T12:00:00")),
    ).toEqual({ moved: true, approval: "NOT_NEEDED" });
    await sendApology(
      {
        ...(await ref()),
        body: GOOD_APOLOGY,
        preventiveAction: "Check the batch before shelving.",
      },
      agent,
      at("23T13:00:00"),
    );

    const closed = await ticketRow(id);
    expect(closed).toMatchObject({ stage: "CLOSED", stageDueAt: null, closedAt: at("23T13:00:00") });
    const timers = await testDb().slaTimer.findMany({
      where: { ticketId: id },
      orderBy: { startedAt: "asc" },
      select: { stage: true, fulfilledAt: true },
    });
    expect(timers.map((t) => t.stage)).toEqual(["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE"]);
    expect(timers.every((t) => t.fulfilledAt)).toBe(true);
    const events = await testDb().ticketEvent.findMany({
      where: { ticketId: id },
      orderBy: { id: "asc" },
      select: { type: true, actorId: true },
    });
    expect(events.filter((e) => e.type === "stage.changed")).toHaveLength(5);
    expect(events.filter((e) => e.type !== "ticket.filed").every((e) => e.actorId === agent.id)).toBe(true);
  });

  it("moves a stage's deadline by the wait when it is finished while waiting on the customer", async () => {
    const { id } = await newTicket();
    const ref = async () => ({ ticketId: id, version: await version(id) });
    await acknowledge({ ...(await ref()), body: "Halo" }, agent, at("23T09:00:00"));
    await recordListening({ ...(await ref()), record: listen, advance: true }, agent, at("23T09:10:00"));
    await recordUnderstanding(
      { ...(await ref()), rootCause: "OUR_ERROR", finding: "Faulty batch.", disputed: false, advance: true },
      agent,
      at("23T09:20:00"),
    );
    await chooseResolution(
      { ...(await ref()), choice: { optionId: await optionId("REFUND"), amount: "450000" }, advance: true },
      agent,
      at("23T09:30:00"),
    );
    // APOLOGISE has four business hours from 09:30: due 13:30. The wait 10:00–16:00 does not count.
    await setWaitingOnCustomer({ ...(await ref()), waiting: true }, agent, at("23T10:00:00"));
    await sendApology({ ...(await ref()), body: GOOD_APOLOGY }, agent, at("23T16:00:00"));

    const timer = await testDb().slaTimer.findFirstOrThrow({
      where: { ticketId: id, stage: "APOLOGISE" },
      select: { dueAt: true, atRiskAt: true, pausedAt: true, pausedMinutes: true, fulfilledAt: true, businessSeconds: true },
    });
    expect(timer).toEqual({
      dueAt: at("24T10:30:00"),
      atRiskAt: at("24T09:30:00"),
      pausedAt: null,
      pausedMinutes: 360,
      fulfilledAt: at("23T16:00:00"),
      // The time-per-stage report's business time, stored as the clock is fulfilled: 09:30–16:00 is
      // 390 business minutes, less the 360 waiting on the customer: 30 minutes.
      businessSeconds: 1800,
    });
    expect(timer.fulfilledAt! <= timer.dueAt).toBe(true);
  });

  it("gives the second of two truly concurrent changes a conflict and overwrites nothing", async () => {
    const { id, version: v } = await newTicket();
    const results = await Promise.allSettled([
      setPriority({ ticketId: id, version: v, priority: "URGENT" }, agent),
      setPriority({ ticketId: id, version: v, priority: "LOW" }, supervisor),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict" });
    const winner = results[0]!.status === "fulfilled" ? "URGENT" : "LOW";
    expect((await ticketRow(id)).priority).toBe(winner);
    expect(await version(id)).toBe(v + 1);
    expect(await testDb().ticketEvent.count({ where: { ticketId: id, type: "priority.changed" } })).toBe(1);
  });

  it("refuses a change made against a version that is no longer current", async () => {
    const { id, version: v } = await newTicket();
    await setPriority({ ticketId: id, version: v, priority: "HIGH" }, agent);
    await expect(setPriority({ ticketId: id, version: v, priority: "LOW" }, agent)).rejects.toMatchObject({ code: "conflict" });
    expect((await ticketRow(id)).priority).toBe("HIGH");
  });

  it("makes an urgent ticket's first-response deadline one business hour", async () => {
    const { id, version: v } = await newTicket();
    await setPriority({ ticketId: id, version: v, priority: "URGENT" }, agent);
    expect((await ticketRow(id)).stageDueAt).toEqual(at("23T10:00:00"));
  });

  it("pauses the clock while waiting on the customer and pushes the deadline back by the business time waited", async () => {
    const { id } = await newTicket();
    await acknowledge({ ticketId: id, version: await version(id), body: "Halo" }, agent, at("23T09:00:00"));
    expect((await ticketRow(id)).stageDueAt).toEqual(at("24T09:00:00"));
    await reply(
      { ticketId: id, version: await version(id), body: "Kapan Anda membelinya?", visibility: "PUBLIC", waitForCustomer: true },
      agent,
      at("23T10:00:00"),
    );
    expect((await ticketRow(id)).waitingOnCustomer).toBe(true);
    await expect(
      recordListening({ ticketId: id, version: await version(id), record: listen, advance: true }, agent, at("23T10:30:00")),
    ).resolves.toEqual({
      moved: false,
      refusal: { reason: "waitingOnCustomer" },
    });
    await setWaitingOnCustomer({ ticketId: id, version: await version(id), waiting: false }, agent, at("23T15:00:00"));
    const resumed = await ticketRow(id);
    expect(resumed.waitingOnCustomer).toBe(false);
    // Paused 10:00–15:00 (five business hours): due five business hours later, Tuesday 14:00.
    expect(resumed.stageDueAt).toEqual(at("24T14:00:00"));
  });

  it("holds a resolution above the agent's authority until a supervisor approves it", async () => {
    const { id } = await newTicket();
    const step = async <T>(fn: (v: number) => Promise<T>) => fn(await version(id));
    await step((v) => acknowledge({ ticketId: id, version: v, body: "Halo" }, agent));
    await step((v) => recordListening({ ticketId: id, version: v, record: listen, advance: true }, agent));
    await step((v) =>
      recordUnderstanding({ ticketId: id, version: v, rootCause: "OUR_ERROR", finding: "Faulty", disputed: false, advance: true }, agent),
    );
    const refund = await optionId("REFUND");

    const held = await step((v) =>
      chooseResolution({ ticketId: id, version: v, choice: { optionId: refund, amount: "2000000" }, advance: true }, agent),
    );
    expect(held).toEqual({ moved: false, refusal: { reason: "gatesUnmet", gates: ["approvalPending"] }, approval: "PENDING" });
    // The supervisor is told in their inbox; the agent who asked is not.
    const asked = await testDb().notification.findMany({
      where: { kind: "approval.requested" },
      select: { userId: true, ticketId: true, body: true },
    });
    expect(asked).toEqual([{ userId: supervisor.id, ticketId: id, body: expect.stringMatching(/IDR\s2,000,000/) }]);

    await expect(step((v) => decideApproval({ ticketId: id, version: v, approve: true, reason: "ok" }, agent))).rejects.toMatchObject({
      code: "invalidChange",
    });
    await step((v) =>
      decideApproval({ ticketId: id, version: v, approve: true, reason: "Loyal customer; faulty batch confirmed." }, supervisor),
    );
    const approval = await testDb().approvalRequest.findFirstOrThrow({
      where: { ticketId: id },
      select: { status: true, decidedById: true, reason: true },
    });
    expect(approval).toEqual({ status: "APPROVED", decidedById: supervisor.id, reason: "Loyal customer; faulty batch confirmed." });
    const told = await testDb().notification.findMany({ where: { kind: "approval.approved" }, select: { userId: true, body: true } });
    expect(told).toEqual([{ userId: agent.id, body: expect.stringContaining("Loyal customer; faulty batch confirmed.") }]);

    expect(
      await step((v) =>
        chooseResolution({ ticketId: id, version: v, choice: { optionId: refund, amount: "2000000" }, advance: true }, agent),
      ),
    ).toMatchObject({ moved: true });
    expect((await ticketRow(id)).stage).toBe("APOLOGISE");
  });

  it("asks for a clarification when the customer misunderstood, and escalates a disputed case on its own", async () => {
    const { id } = await newTicket("SERVICE_PROBLEM");
    const step = async <T>(fn: (v: number) => Promise<T>) => fn(await version(id));
    await step((v) => acknowledge({ ticketId: id, version: v, body: "Halo" }, agent));
    await step((v) => recordListening({ ticketId: id, version: v, record: listen, advance: true }, agent));
    expect(
      await step((v) =>
        recordUnderstanding(
          { ticketId: id, version: v, rootCause: "CUSTOMER_MISUNDERSTANDING", finding: "Promo ended", disputed: true, advance: true },
          agent,
        ),
      ),
    ).toEqual({
      moved: false,
      refusal: { reason: "gatesUnmet", gates: ["clarification"] },
    });
    expect(await testDb().ticket.findUniqueOrThrow({ where: { id }, select: { escalationSource: true } })).toEqual({
      escalationSource: "DISPUTE",
    });
    await step((v) => sendClarification({ ticketId: id, version: v, body: "Promo berakhir tanggal 1.", waitForCustomer: false }, agent));
    await expect(step((v) => escalate({ ticketId: id, version: v, reason: "Customer and cashier disagree" }, agent))).rejects.toMatchObject(
      {
        code: "protocolRefused",
        details: { refusal: { reason: "alreadyEscalated" } },
      },
    );
    expect(
      await step((v) =>
        recordUnderstanding(
          { ticketId: id, version: v, rootCause: "CUSTOMER_MISUNDERSTANDING", finding: "Promo ended", disputed: true, advance: true },
          agent,
        ),
      ),
    ).toEqual({ moved: true });
  });

  it("reopens a closed ticket into UNDERSTAND with a fresh clock and its old resolution cleared", async () => {
    const { id } = await newTicket();
    const step = async <T>(fn: (v: number) => Promise<T>) => fn(await version(id));
    await step((v) => acknowledge({ ticketId: id, version: v, body: "Halo" }, agent));
    await step((v) => recordListening({ ticketId: id, version: v, record: listen, advance: true }, agent));
    await step((v) =>
      recordUnderstanding({ ticketId: id, version: v, rootCause: "OUR_ERROR", finding: "Faulty", disputed: false, advance: true }, agent),
    );
    await step(async (v) =>
      chooseResolution({ ticketId: id, version: v, choice: { optionId: await optionId("EXCHANGE") }, advance: true }, agent),
    );
    await step((v) => sendApology({ ticketId: id, version: v, body: GOOD_EXCHANGE_APOLOGY }, agent));
    await expect(step((v) => acknowledge({ ticketId: id, version: v, body: "again" }, agent))).rejects.toMatchObject({
      code: "invalidChange",
    });
    await step((v) => reopen({ ticketId: id, version: v, reason: "Replacement also broken" }, agent));
    expect(await ticketRow(id)).toMatchObject({ stage: "UNDERSTAND", closedAt: null, resolutionOptionId: null });
    expect(await testDb().slaTimer.count({ where: { ticketId: id, stage: "UNDERSTAND" } })).toBe(2);
    await expect(step((v) => reopen({ ticketId: id, version: v, reason: "twice" }, agent))).rejects.toMatchObject({
      code: "protocolRefused",
    });
  });

  describe("the apology gate", () => {
    async function atApologise() {
      const { id } = await newTicket();
      const step = async <T>(fn: (v: number) => Promise<T>) => fn(await version(id));
      await step((v) => acknowledge({ ticketId: id, version: v, body: "Halo" }, agent));
      await step((v) => recordListening({ ticketId: id, version: v, record: listen, advance: true }, agent));
      await step((v) =>
        recordUnderstanding({ ticketId: id, version: v, rootCause: "OUR_ERROR", finding: "Faulty", disputed: false, advance: true }, agent),
      );
      await step(async (v) =>
        chooseResolution(
          { ticketId: id, version: v, choice: { optionId: await optionId("REFUND"), amount: "450000" }, advance: true },
          agent,
        ),
      );
      return { id, step };
    }
    const blaming =
      "Mohon maaf, Bu Siti. Blender itu rusak karena kesalahan Ibu sendiri yang tidak membaca petunjuk. Uang Rp 450.000 tetap sudah kami kembalikan.";
    const written = async (id: string) => ({
      messages: await testDb().message.count({ where: { ticketId: id } }),
      mails: await testDb().outboxMessage.count(),
      events: await testDb().ticketEvent.count({ where: { ticketId: id } }),
    });

    it("refuses a blaming apology with its findings: nothing is sent, the stage stays APOLOGISE", async () => {
      const { id, step } = await atApologise();
      const before = { ...(await written(id)), version: await version(id) };
      await expect(step((v) => sendApology({ ticketId: id, version: v, body: blaming }, agent))).rejects.toMatchObject({
        code: "apologyRefused",
        details: { findings: [expect.objectContaining({ code: "blame", severity: "block", match: "kesalahan ibu" })] },
      });
      expect({ ...(await written(id)), version: await version(id) }).toEqual(before);
      expect((await ticketRow(id)).stage).toBe("APOLOGISE");
    });

    it("refuses an apology that does not name the refund chosen", async () => {
      const { id, step } = await atApologise();
      await expect(step((v) => sendApology({ ticketId: id, version: v, body: GOOD_EXCHANGE_APOLOGY }, agent))).rejects.toMatchObject({
        code: "apologyRefused",
        details: { findings: [expect.objectContaining({ code: "resolutionNotNamed", expected: "Refund" })] },
      });
    });

    it("lets a supervisor send it over the check with a reason, recorded with the findings in the same change", async () => {
      const { id, step } = await atApologise();
      await expect(
        step((v) =>
          sendApology({ ticketId: id, version: v, body: blaming, override: { reason: "Agreed wording with the customer" } }, agent),
        ),
      ).rejects.toMatchObject({ code: "forbidden" });
      expect((await ticketRow(id)).stage).toBe("APOLOGISE");

      await step((v) =>
        sendApology({ ticketId: id, version: v, body: blaming, override: { reason: "Agreed wording with the customer" } }, supervisor),
      );
      expect((await ticketRow(id)).stage).toBe("CLOSED");
      const event = await testDb().ticketEvent.findFirstOrThrow({
        where: { ticketId: id, type: "apology.checkOverridden" },
        select: { actorId: true, after: true },
      });
      expect(event).toMatchObject({
        actorId: supervisor.id,
        after: { reason: "Agreed wording with the customer", findings: [expect.objectContaining({ code: "blame" })] },
      });
      expect(await testDb().outboxMessage.count({ where: { kind: "apology" } })).toBe(1);
    });
  });

  it("rolls the whole change back when a step is refused: no message, no event, same version", async () => {
    const { id, version: v } = await newTicket();
    const before = { messages: await testDb().message.count(), events: await testDb().ticketEvent.count() };
    await expect(sendApology({ ticketId: id, version: v, body: "Maaf" }, agent)).rejects.toMatchObject({ code: "invalidChange" });
    expect({ messages: await testDb().message.count(), events: await testDb().ticketEvent.count() }).toEqual(before);
    expect(await version(id)).toBe(v);
  });

  it("stores an agent's files with the reply; the customer sees those of a public reply and never those of a note", async () => {
    const input = complaintSchema(() => "2026-11-23").parse({
      name: "Siti Rahayu",
      email: "siti@example.co.id",
      category: "PRODUCT_RETURN",
      narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
      desiredOutcome: "Uang kembali",
    });
    const { trackingToken } = await fileComplaint(input, "id", at("23T09:00:00"));
    const { id } = await testDb().ticket.findFirstOrThrow({ orderBy: { number: "desc" }, select: { id: true } });
    await acknowledge({ ticketId: id, version: await version(id), body: "Halo Siti" }, agent, at("23T09:30:00"));
    await reply(
      {
        ticketId: id,
        version: await version(id),
        body: "Label retur terlampir.",
        visibility: "PUBLIC",
        waitForCustomer: false,
        files: [testFile(TEST_BYTES.pdf, "label-retur.pdf")],
      },
      agent,
      at("23T10:00:00"),
    );
    await reply(
      {
        ticketId: id,
        version: await version(id),
        body: "Foto gudang.",
        visibility: "INTERNAL",
        waitForCustomer: false,
        files: [testFile(TEST_BYTES.jpeg, "gudang.jpg")],
      },
      agent,
      at("23T10:05:00"),
    );

    const stored = await testDb().attachment.findMany({
      where: { ticketId: id },
      select: { id: true, fileName: true, message: { select: { body: true, visibility: true } } },
      orderBy: { fileName: "asc" },
    });
    expect(stored.map((a) => [a.fileName, a.message?.visibility, a.message?.body])).toEqual([
      ["gudang.jpg", "INTERNAL", "Foto gudang."],
      ["label-retur.pdf", "PUBLIC", "Label retur terlampir."],
    ]);
    expect((await listAttachmentsByTrackingToken(trackingToken)).map((a) => a.fileName)).toEqual(["label-retur.pdf"]);
    expect(await findAttachmentForDownload(stored[0]!.id, { kind: "token", token: trackingToken })).toBeNull();
    expect(await findAttachmentForDownload(stored[0]!.id, { kind: "staff" })).toMatchObject({ fileName: "gudang.jpg" });

    // A refused file keeps the whole reply back.
    const before = { messages: await testDb().message.count(), version: await version(id) };
    await expect(
      reply(
        {
          ticketId: id,
          version: before.version,
          body: "Ini skripnya",
          visibility: "PUBLIC",
          waitForCustomer: false,
          files: [testFile(TEST_BYTES.svg, "skrip.png")],
        },
        agent,
      ),
    ).rejects.toMatchObject({ code: "attachmentsRefused" });
    expect({ messages: await testDb().message.count(), version: await version(id) }).toEqual(before);
  });

  it("never lets an event be changed or deleted", async () => {
    const { id } = await newTicket();
    const event = await testDb().ticketEvent.findFirstOrThrow({ where: { ticketId: id } });
    await expect(testDb().ticketEvent.update({ where: { id: event.id }, data: { type: "forged" } })).rejects.toThrow(/append-only/);
    await expect(testDb().ticketEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect((await testDb().ticketEvent.findUniqueOrThrow({ where: { id: event.id } })).type).toBe("ticket.filed");
  });
});
