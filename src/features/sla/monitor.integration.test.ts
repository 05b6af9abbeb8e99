import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { failingFirst } from "../../../tests/support/flaky-db";
import { fileComplaint } from "@/features/complaints/file-complaint";
import { complaintSchema } from "@/features/complaints/schemas";
import type { Actor } from "@/features/protocol/change-ticket";
import { reply, setPriority, setWaitingOnCustomer } from "@/features/protocol/commands";
import { acknowledge, recordListening, recordUnderstanding } from "@/features/protocol/hearing-commands";
import { chooseResolution, sendApology } from "@/features/protocol/resolution-commands";
import { createPrismaClient, type Db } from "@/server/db/create-client";
import { runSlaMonitor, sweepSla, timersPerBatch, type SweepResult } from "./monitor";

// Monday 23 November 2026 in Jakarta (UTC+7), business hours 08:00–17:00. A complaint's first
// stage (NEW, normal priority) is due 4 business hours after filing and at risk after 3.
const at = (local: string) => new Date(`2026-11-${local}+07:00`);
const minutes = (n: number) => n * 60_000;
const quiet = { info() {}, warn() {}, error() {} };

let agent: Actor;

async function staff(email: string, role: Actor["role"], locale: "en" | "id" = "en", active = true) {
  const user = await testDb().user.create({ data: { email, name: email, role, locale, active, passwordHash: "x" }, select: { id: true } });
  return { id: user.id, role, email, locale };
}

async function newTicket(filedAt: Date, category = "PRODUCT_RETURN") {
  const input = complaintSchema(() => "2026-11-23").parse({
    name: "Siti Rahayu",
    email: "siti@example.co.id",
    category,
    narrative: "Blender yang saya beli tidak menyala sama sekali sejak hari pertama.",
    desiredOutcome: "Uang kembali",
    amount: "450000",
  });
  await fileComplaint(input, "id", filedAt);
  const ticket = await testDb().ticket.findFirstOrThrow({ orderBy: { number: "desc" }, select: { id: true, number: true, version: true } });
  const timer = await testDb().slaTimer.findFirstOrThrow({ where: { ticketId: ticket.id, fulfilledAt: null }, select: { id: true } });
  return { ...ticket, timerId: timer.id };
}

/** A ticket whose running clock has exactly these moments. */
async function ticketDue(atRiskAt: Date, dueAt: Date) {
  const ticket = await newTicket(at("23T08:00:00"));
  await testDb().slaTimer.update({ where: { id: ticket.timerId }, data: { atRiskAt, dueAt } });
  await testDb().ticket.update({ where: { id: ticket.id }, data: { stageAtRiskAt: atRiskAt, stageDueAt: dueAt } });
  return ticket;
}

const version = async (ticketId: string) =>
  (await testDb().ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true } })).version;

interface SlaEventAfter {
  timerId: string;
  stage: string;
  occurredAt: string;
  atRiskAt: string;
  dueAt: string;
  detectedAt: string;
  minutesLate: number;
}

async function slaEvents() {
  const rows = await testDb().ticketEvent.findMany({
    where: { type: { in: ["sla.at_risk", "sla.breached"] } },
    orderBy: { id: "asc" },
    select: { id: true, ticketId: true, type: true, actorType: true, actorId: true, after: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, after: r.after as unknown as SlaEventAfter }));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function total(results: readonly SweepResult[]) {
  return results.reduce((sum, r) => ({ atRisk: sum.atRisk + r.atRisk, breached: sum.breached + r.breached }), { atRisk: 0, breached: 0 });
}

// The embedded database is one session: there a transaction held open by the test would block the sweep itself.
const embedded = (await testDb().$queryRaw<{ v: string }[]>`SELECT version() AS v`)[0]!.v.includes("PGlite");

beforeEach(async () => {
  await resetDatabase();
  agent = await staff("agent@tanggap.test", "AGENT");
});

describe("sweepSla with several instances on one database", () => {
  it("records each at-risk and breach exactly once per timer when two instances with their own connections sweep together, round after round", async () => {
    const supervisors = [await staff("sam@tanggap.test", "SUPERVISOR", "en"), await staff("dewi@tanggap.test", "SUPERVISOR", "id")];
    // Filed five minutes apart from 08:00: at risk from 11:00, due from 12:00, every five minutes.
    const tickets = [];
    for (let i = 0; i < 24; i++) tickets.push(await newTicket(new Date(at("23T08:00:00").getTime() + minutes(5 * i))));

    const url = inject("databaseUrl");
    const instances: Db[] = [createPrismaClient(url, 2), createPrismaClient(url, 2)];
    const results: SweepResult[] = [];
    try {
      // Every four minutes from 10:58 to 14:10, both at the same `now`, in small batches so the
      // instances interleave inside a sweep too.
      for (let now = at("23T10:58:00").getTime(); now <= at("23T14:10:00").getTime(); now += minutes(4)) {
        results.push(...(await Promise.all(instances.map((db) => sweepSla(new Date(now), { db, batchSize: 5 })))));
      }
    } finally {
      await Promise.all(instances.map((db) => db.$disconnect()));
    }

    expect(total(results)).toEqual({ atRisk: 24, breached: 24 });
    const events = await slaEvents();
    const perTimer = countBy(events, (e) => `${e.type}:${e.after.timerId}`);
    for (const t of tickets) {
      expect(perTimer.get(`sla.at_risk:${t.timerId}`)).toBe(1);
      expect(perTimer.get(`sla.breached:${t.timerId}`)).toBe(1);
    }
    expect(events).toHaveLength(48);
    expect(events.every((e) => e.actorType === "SYSTEM" && e.actorId === null)).toBe(true);

    const notifications = await testDb().notification.findMany({ select: { userId: true, kind: true, dedupeKey: true } });
    expect(notifications).toHaveLength(24 * 2 * supervisors.length);
    expect(new Set(notifications.map((n) => n.dedupeKey)).size).toBe(notifications.length);
    for (const s of supervisors) expect(notifications.filter((n) => n.userId === s.id)).toHaveLength(48);

    const mails = await testDb().outboxMessage.findMany({ where: { kind: "notice" }, select: { recipient: true, dedupeKey: true } });
    expect(mails).toHaveLength(24 * 2 * supervisors.length);
    expect(countBy(mails, (m) => m.recipient)).toEqual(
      new Map([
        ["sam@tanggap.test", 48],
        ["dewi@tanggap.test", 48],
      ]),
    );

    // The breach policy ran once per ticket: one step up, one escalation, one version bump.
    const rows = await testDb().ticket.findMany({ select: { id: true, priority: true, version: true, escalationReason: true } });
    expect(rows.every((r) => r.priority === "HIGH" && r.version === 2 && r.escalationReason === "SLA breached in NEW")).toBe(true);
    expect(await testDb().ticketEvent.count({ where: { type: "priority.changed" } })).toBe(24);
    expect(await testDb().ticketEvent.count({ where: { type: "ticket.escalated" } })).toBe(24);
  });

  it("records each once when separate processes sweep one database at the same moment", async () => {
    const supervisor = await staff("sam@tanggap.test", "SUPERVISOR", "en");
    const tickets = [];
    for (let i = 0; i < 12; i++) tickets.push(await newTicket(new Date(at("23T08:00:00").getTime() + minutes(10 * i))));
    // Every moment that matters twice, then a sweep well after the last deadline.
    const nows = [at("23T11:30:00"), at("23T12:30:00"), at("23T12:30:00"), at("23T13:40:00"), at("23T13:40:00"), at("23T16:00:00")].map(
      (d) => d.toISOString(),
    );

    const results = await Promise.all([1, 2, 3].map(() => runSweeperProcess(inject("databaseUrl"), Date.now() + 4_000, 3, nows)));

    expect(total(results.flat())).toEqual({ atRisk: 12, breached: 12 });
    const events = await slaEvents();
    const perTimer = countBy(events, (e) => `${e.type}:${e.after.timerId}`);
    expect([...perTimer.values()].every((n) => n === 1)).toBe(true);
    expect(perTimer.size).toBe(24);
    expect(await testDb().notification.count({ where: { userId: supervisor.id } })).toBe(24);
    expect(await testDb().outboxMessage.count({ where: { kind: "notice", recipient: supervisor.email } })).toBe(24);
    expect(tickets).toHaveLength(12);
    expect(await testDb().ticket.count({ where: { priority: "HIGH", version: 2 } })).toBe(12);
  });

  it.skipIf(embedded)("does not wait for a ticket an agent holds: it records the others and that one on the next pass", async () => {
    const held = await newTicket(at("23T08:00:00"));
    const free = await newTicket(at("23T08:00:00"));
    const other = createPrismaClient(inject("databaseUrl"), 2);
    try {
      let during: SweepResult | undefined;
      await testDb().$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Ticket" WHERE id = ${held.id}::uuid FOR UPDATE`;
        during = await sweepSla(at("23T12:01:00"), { db: other });
      });
      expect(during).toMatchObject({ atRisk: 1, breached: 1, deferred: 1 });
      const after = await sweepSla(at("23T12:02:00"), { db: other });
      expect(after).toMatchObject({ atRisk: 1, breached: 1, deferred: 0 });
    } finally {
      await other.$disconnect();
    }
    const perTicket = countBy(await slaEvents(), (e) => `${e.type}:${e.ticketId}`);
    expect(perTicket).toEqual(
      new Map([
        [`sla.at_risk:${free.id}`, 1],
        [`sla.breached:${free.id}`, 1],
        [`sla.at_risk:${held.id}`, 1],
        [`sla.breached:${held.id}`, 1],
      ]),
    );
  });
});

const fixture = fileURLToPath(new URL("./sweeper.process-fixture.ts", import.meta.url));
const root = fileURLToPath(new URL("../../../", import.meta.url));
// The fixture runs the app's modules under tsx; `server-only` throws outside Next's server bundle,
// so the child resolves it to an empty module, as the vitest config does here.
const serverOnlyHook = `export async function resolve(s, c, n) { return s === "server-only" ? { url: "data:text/javascript,export {}", shortCircuit: true } : n(s, c); }`;
const registerHook = `import { register } from "node:module";
 register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(serverOnlyHook)}`)});`;

async function runSweeperProcess(url: string, startAt: number, batchSize: number, nows: string[]): Promise<SweepResult[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      `data:text/javascript,${encodeURIComponent(registerHook)}`,
      fixture,
      url,
      String(startAt),
      String(batchSize),
      ...nows,
    ],
    { cwd: root, env: { ...process.env }, timeout: 60_000 },
  );
  return JSON.parse(stdout) as SweepResult[];
}

describe("sweepSla after downtime", () => {
  it("catches up on everything that fell due while it was stopped, each once, in the order it happened", async () => {
    await staff("sam@tanggap.test", "SUPERVISOR", "en");
    const a = await ticketDue(at("23T10:30:00"), at("23T11:30:00")); // at risk before the stop, breached during it
    const b = await ticketDue(at("23T11:10:00"), at("23T11:40:00")); // both during it
    const c = await ticketDue(at("23T11:20:00"), at("23T12:20:00")); // at risk during it
    const d = await ticketDue(at("23T12:30:00"), at("23T13:30:00")); // after it
    const extra = [];
    // A backlog bigger than a batch: at risk and breached during the stop.
    for (let i = 0; i < 9; i++)
      extra.push(await ticketDue(new Date(at("23T11:05:00").getTime() + minutes(i)), new Date(at("23T11:45:00").getTime() + minutes(i))));

    const before = await sweepSla(at("23T11:00:00"), { batchSize: 4 });
    expect(before).toMatchObject({ atRisk: 1, breached: 0 });
    const lastBefore = (await slaEvents()).at(-1)!.id;

    // Stopped for an hour.
    const catchUp = await sweepSla(at("23T12:00:00"), { batchSize: 4 });
    expect(catchUp).toMatchObject({ atRisk: 11, breached: 11, deferred: 0 });
    expect(catchUp.batches).toBeGreaterThan(2);

    const caught = (await slaEvents()).filter((e) => e.id > lastBefore);
    expect(caught).toHaveLength(22);
    expect(
      caught.every((e) => e.createdAt.getTime() === at("23T12:00:00").getTime() && e.after.detectedAt === at("23T12:00:00").toISOString()),
    ).toBe(true);
    // Each timer's at-risk before its breach, whichever batch they fell in.
    for (const t of [b, ...extra]) {
      const atRisk = caught.findIndex((e) => e.type === "sla.at_risk" && e.ticketId === t.id);
      const breach = caught.findIndex((e) => e.type === "sla.breached" && e.ticketId === t.id);
      expect(atRisk).toBeGreaterThanOrEqual(0);
      expect(atRisk).toBeLessThan(breach);
    }
    // The real moments, and how late they were noticed.
    const of = (type: string, ticketId: string) => caught.find((e) => e.type === type && e.ticketId === ticketId)!.after;
    expect(of("sla.breached", a.id)).toMatchObject({
      stage: "NEW",
      occurredAt: at("23T11:30:00").toISOString(),
      dueAt: at("23T11:30:00").toISOString(),
      minutesLate: 30,
    });
    expect(of("sla.at_risk", b.id)).toMatchObject({
      occurredAt: at("23T11:10:00").toISOString(),
      dueAt: at("23T11:40:00").toISOString(),
      minutesLate: 50,
    });
    expect(of("sla.breached", b.id)).toMatchObject({ occurredAt: at("23T11:40:00").toISOString(), minutesLate: 20 });
    expect(of("sla.at_risk", c.id)).toMatchObject({ occurredAt: at("23T11:20:00").toISOString(), minutesLate: 40 });
    expect(caught.some((e) => e.type === "sla.breached" && e.ticketId === c.id)).toBe(false);
    expect(caught.some((e) => e.ticketId === d.id)).toBe(false);
    // a's at-risk was recorded before the stop and not again.
    expect((await slaEvents()).filter((e) => e.ticketId === a.id).map((e) => e.type)).toEqual(["sla.at_risk", "sla.breached"]);

    // The first batch holds the earliest of them, in the order they happened.
    expect(caught.slice(0, 3).map((e) => `${e.type}@${e.after.occurredAt}`)).toEqual([
      `sla.at_risk@${at("23T11:05:00").toISOString()}`,
      `sla.at_risk@${at("23T11:06:00").toISOString()}`,
      `sla.at_risk@${at("23T11:07:00").toISOString()}`,
    ]);

    // Nothing more until the next moment comes.
    expect(await sweepSla(at("23T12:01:00"))).toMatchObject({ atRisk: 0, breached: 0 });
    expect(await sweepSla(at("23T12:30:00"))).toMatchObject({ atRisk: 1, breached: 1 }); // d at risk, c breached
    expect(await testDb().notification.count()).toBe(1 + 22 + 2);
  });

  it("gives up nothing when the monitor keeps retrying while the database is away", async () => {
    await staff("sam@tanggap.test", "SUPERVISOR", "en");
    const t = await newTicket(at("23T08:00:00"));
    const flaky = failingFirst(testDb(), "$transaction", 2);
    const errors: unknown[][] = [];
    const controller = new AbortController();
    const running = runSlaMonitor({
      db: flaky,
      signal: controller.signal,
      intervalMs: 20,
      clock: () => at("23T12:05:00"),
      logger: { ...quiet, error: (...args: unknown[]) => errors.push(args) },
    });
    await vi.waitFor(async () => expect(await testDb().slaTimer.count({ where: { id: t.timerId, breachedAt: { not: null } } })).toBe(1), {
      timeout: 15_000,
      interval: 50,
    });
    controller.abort();
    await expect(running).resolves.toBeUndefined();
    expect(errors).toHaveLength(2);
    expect(String(errors[0]![1])).toContain("ECONNREFUSED");
    expect(countBy(await slaEvents(), (e) => e.type)).toEqual(
      new Map([
        ["sla.at_risk", 1],
        ["sla.breached", 1],
      ]),
    );
  });
});

describe("what the monitor leaves alone", () => {
  it("ignores a clock paused while waiting on the customer and the timers of finished stages and closed tickets, and sweeps a resumed clock", async () => {
    const supervisor = await staff("sam@tanggap.test", "SUPERVISOR", "en");
    // Waiting on the customer: acknowledged (NEW fulfilled), then a question that waits for the answer.
    const waiting = await newTicket(at("23T08:00:00"));
    await acknowledge(
      { ticketId: waiting.id, version: await version(waiting.id), body: "Halo Siti, keluhan Anda sudah kami terima." },
      agent,
      at("23T09:00:00"),
    );
    await reply(
      {
        ticketId: waiting.id,
        version: await version(waiting.id),
        body: "Boleh kirim foto struknya?",
        visibility: "PUBLIC",
        waitForCustomer: true,
      },
      agent,
      at("23T09:30:00"),
    );
    // Closed the same morning, through every gate.
    const closed = await newTicket(at("23T08:00:00"));
    const ref = async () => ({ ticketId: closed.id, version: await version(closed.id) });
    await acknowledge({ ...(await ref()), body: "Halo Siti, keluhan Anda sudah kami terima." }, agent, at("23T08:30:00"));
    await recordListening(
      {
        ...(await ref()),
        record: {
          factsWhat: "Blender never started",
          desiredOutcome: "Refund",
          restatement: "You want your money back.",
          severity: "MEDIUM",
          safetyRisk: false,
        },
        advance: true,
      },
      agent,
      at("23T09:00:00"),
    );
    await recordUnderstanding(
      { ...(await ref()), rootCause: "OUR_ERROR", finding: "Faulty batch.", disputed: false, advance: true },
      agent,
      at("23T09:30:00"),
    );
    const refund = await testDb().resolutionOption.findFirstOrThrow({
      where: { kind: "REFUND", category: { code: "PRODUCT_RETURN" } },
      select: { id: true },
    });
    await chooseResolution(
      { ...(await ref()), choice: { optionId: refund.id, amount: "450000" }, advance: true },
      agent,
      at("23T10:00:00"),
    );
    await sendApology(
      {
        ...(await ref()),
        body: "Siti, kami mohon maaf: blender yang Anda terima rusak karena kesalahan kami saat memeriksa batch dari pemasok. Uang Rp 450.000 sudah kami kembalikan ke rekening Anda.",
      },
      agent,
      at("23T10:30:00"),
    );
    expect((await testDb().ticket.findUniqueOrThrow({ where: { id: closed.id }, select: { stage: true } })).stage).toBe("CLOSED");

    const timersBefore = await testDb().slaTimer.findMany({ orderBy: { id: "asc" } });
    // Days later: every one of those deadlines would have passed, were its clock running.
    expect(await sweepSla(at("25T10:00:00"))).toEqual({
      atRisk: 0,
      breached: 0,
      regulatoryWarned: 0,
      regulatoryBreached: 0,
      batches: 0,
      deferred: 0,
    });
    expect(await testDb().slaTimer.findMany({ orderBy: { id: "asc" } })).toEqual(timersBefore);
    expect(await slaEvents()).toEqual([]);
    expect(await testDb().notification.count()).toBe(0);
    expect(await testDb().outboxMessage.count({ where: { kind: "notice" } })).toBe(0);

    // The customer's answer resumes the clock (pushed back by the time spent waiting); then it is swept.
    await setWaitingOnCustomer({ ticketId: waiting.id, version: await version(waiting.id), waiting: false }, agent, at("25T10:00:00"));
    const listen = await testDb().slaTimer.findFirstOrThrow({
      where: { ticketId: waiting.id, stage: "LISTEN" },
      select: { id: true, dueAt: true },
    });
    expect(listen.dueAt.getTime()).toBeGreaterThan(at("25T10:00:00").getTime());
    expect(await sweepSla(new Date(listen.dueAt.getTime() - 1))).toMatchObject({ breached: 0 });
    expect(await sweepSla(listen.dueAt)).toMatchObject({ breached: 1 });
    const events = await slaEvents();
    expect(events.map((e) => [e.type, e.after.timerId])).toEqual([
      ["sla.at_risk", listen.id],
      ["sla.breached", listen.id],
    ]);
    expect(await testDb().notification.count({ where: { userId: supervisor.id } })).toBe(2);
  });
});

describe("the breach policy", () => {
  it("raises the priority one step, escalates to the supervisors' queue and bumps the version, so a stale agent change conflicts", async () => {
    await staff("sam@tanggap.test", "SUPERVISOR", "en");
    const t = await newTicket(at("23T08:00:00"));
    const seen = await version(t.id); // what the agent's open workspace holds

    await sweepSla(at("23T12:01:00"));

    const row = await testDb().ticket.findUniqueOrThrow({
      where: { id: t.id },
      select: { priority: true, escalatedAt: true, escalationReason: true, version: true, stageDueAt: true, stageAtRiskAt: true },
    });
    expect(row).toEqual({
      priority: "HIGH",
      escalatedAt: at("23T12:01:00"),
      escalationReason: "SLA breached in NEW",
      version: seen + 1,
      // Not recomputed for the new priority: the deadline is already past.
      stageDueAt: at("23T12:00:00"),
      stageAtRiskAt: at("23T11:00:00"),
    });
    const timer = await testDb().slaTimer.findUniqueOrThrow({ where: { id: t.timerId } });
    expect(timer).toMatchObject({ dueAt: at("23T12:00:00"), atRiskRecordedAt: at("23T12:01:00"), breachedAt: at("23T12:01:00") });

    const history = await testDb().ticketEvent.findMany({
      where: { ticketId: t.id, type: { not: "ticket.filed" } },
      orderBy: { id: "asc" },
      select: { type: true, actorType: true, actorId: true, before: true, after: true },
    });
    expect(history.map((e) => e.type)).toEqual(["sla.at_risk", "sla.breached", "priority.changed", "ticket.escalated"]);
    expect(history.every((e) => e.actorType === "SYSTEM" && e.actorId === null)).toBe(true);
    expect(history[2]).toMatchObject({ before: { priority: "NORMAL" }, after: { priority: "HIGH" } });
    expect(history[3]).toMatchObject({ after: { reason: "SLA breached in NEW" } });

    await expect(setPriority({ ticketId: t.id, version: seen, priority: "LOW" }, agent, at("23T12:02:00"))).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await testDb().ticket.findUniqueOrThrow({ where: { id: t.id }, select: { priority: true } })).priority).toBe("HIGH");
  });

  it("raises again at the next stage's breach, keeps the first escalation, and stops at URGENT", async () => {
    const t = await newTicket(at("23T08:00:00"));
    await sweepSla(at("23T12:01:00")); // NEW breached: NORMAL → HIGH
    await acknowledge({ ticketId: t.id, version: await version(t.id), body: "Halo Siti, maaf kami terlambat." }, agent, at("23T12:30:00"));
    await sweepSla(at("24T12:31:00")); // LISTEN (due 24 Nov 12:30) breached: HIGH → URGENT
    // A short UNDERSTAND stage whose at-risk is already recorded, written directly.
    await testDb().slaTimer.updateMany({ where: { ticketId: t.id, fulfilledAt: null }, data: { fulfilledAt: at("24T12:40:00") } });
    await testDb().slaTimer.create({
      data: {
        ticketId: t.id,
        stage: "UNDERSTAND",
        startedAt: at("24T12:40:00"),
        atRiskAt: at("24T12:45:00"),
        dueAt: at("24T13:00:00"),
        businessMinutes: 20,
        atRiskRecordedAt: at("24T12:45:00"),
      },
    });
    const v = await version(t.id);
    await sweepSla(at("24T13:01:00")); // breached again: URGENT stays, nothing on the ticket changes

    const row = await testDb().ticket.findUniqueOrThrow({
      where: { id: t.id },
      select: { priority: true, escalationReason: true, version: true },
    });
    expect(row).toEqual({ priority: "URGENT", escalationReason: "SLA breached in NEW", version: v });
    const types = (
      await testDb().ticketEvent.findMany({
        where: { ticketId: t.id, actorType: "SYSTEM" },
        orderBy: { id: "asc" },
        select: { type: true },
      })
    ).map((e) => e.type);
    expect(types).toEqual([
      "sla.at_risk",
      "sla.breached",
      "priority.changed",
      "ticket.escalated",
      "sla.at_risk",
      "sla.breached",
      "priority.changed",
      "sla.breached",
    ]);
  });
});

describe("supervisors' notices", () => {
  it("tells every active supervisor, each in their own language, with the reference and a link to the ticket", async () => {
    const sam = await staff("sam@tanggap.test", "SUPERVISOR", "en");
    const dewi = await staff("dewi@tanggap.test", "SUPERVISOR", "id");
    await staff("gone@tanggap.test", "SUPERVISOR", "en", false);
    await staff("admin@tanggap.test", "ADMIN", "en");
    const t = await newTicket(at("23T08:00:00"));
    const reference = `TGP-${String(t.number).padStart(6, "0")}`;

    await sweepSla(at("23T12:01:00"));

    const notifications = await testDb().notification.findMany({
      orderBy: [{ userId: "asc" }, { kind: "asc" }],
      select: { userId: true, kind: true, ticketId: true, title: true, body: true, dedupeKey: true },
    });
    expect(new Set(notifications.map((n) => n.userId))).toEqual(new Set([sam.id, dewi.id]));
    const toSam = notifications.filter((n) => n.userId === sam.id);
    const toDewi = notifications.filter((n) => n.userId === dewi.id);
    expect(toSam.map((n) => n.title).sort()).toEqual([`${reference} is at risk in New`, `${reference} missed its New deadline`]);
    expect(toDewi.map((n) => n.title).sort()).toEqual([
      `${reference} berisiko terlambat di tahap Baru`,
      `${reference} melewati tenggat tahap Baru`,
    ]);
    expect(toSam.find((n) => n.kind === "sla.breached")!.body).toContain("raised from Normal to High");
    expect(toDewi.find((n) => n.kind === "sla.breached")!.body).toContain("dinaikkan dari Normal menjadi Tinggi");
    expect(notifications.every((n) => n.ticketId === t.id && n.dedupeKey === `${n.kind}:${t.timerId}:${n.userId}`)).toBe(true);

    const mails = await testDb().outboxMessage.findMany({
      where: { kind: "notice" },
      orderBy: { subject: "asc" },
      select: { recipient: true, subject: true, body: true, ticketId: true, status: true },
    });
    expect(mails).toHaveLength(4);
    const subjects = (to: string) =>
      mails
        .filter((m) => m.recipient === to)
        .map((m) => m.subject)
        .sort();
    expect(subjects("sam@tanggap.test")).toEqual([
      expect.stringMatching(new RegExp(`^At risk: ${reference} \\(New\\) is due at`)),
      `Overdue: ${reference} missed its New deadline`,
    ]);
    expect(subjects("dewi@tanggap.test")).toEqual([
      expect.stringMatching(new RegExp(`^Berisiko: ${reference} \\(Baru\\) jatuh tempo`)),
      `Terlambat: ${reference} melewati tenggat tahap Baru`,
    ]);
    for (const mail of mails) {
      expect(mail).toMatchObject({ ticketId: t.id, status: "PENDING" });
      expect(mail.body).toMatch(new RegExp(`https?://[^\\s]+/agent/tickets/${reference}`));
    }
    expect(mails.find((m) => m.recipient === "dewi@tanggap.test" && m.subject.startsWith("Terlambat"))!.body).toContain("Buka tiket:");
  });
});

describe("startSlaMonitor", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("starts one monitor per process however often it is called, at the interval from the environment", async () => {
    vi.stubEnv("SLA_MONITOR_INTERVAL_MS", "250");
    // Settings are read once per process (src/env.ts): a fresh module graph sees the one above.
    vi.resetModules();
    const { startSlaMonitor } = await import("./start-monitor");
    // The process's one JSON logger (src/server/ops/logger.ts), called as (fields, message).
    const { logger } = await import("@/server/ops/logger");
    const info = vi.spyOn(logger(), "info").mockImplementation(() => {});
    const started = () => info.mock.calls.map((c) => String(c[1])).filter((m) => m.startsWith("[sla] monitor started"));
    const stop = startSlaMonitor();
    const again = startSlaMonitor();
    expect(started()).toEqual(["[sla] monitor started: every 250 ms"]);
    await again();
    await stop();
    // Stopped, it can be started afresh.
    const restarted = startSlaMonitor();
    await restarted();
    expect(started()).toHaveLength(2);
  });
});

describe("timersPerBatch", () => {
  it("takes fewer timers per transaction the more supervisors each one must mail, within bounds", () => {
    expect(timersPerBatch(500, 0)).toBe(300);
    expect(timersPerBatch(500, 3)).toBe(100);
    expect(timersPerBatch(500, 1_000)).toBe(10);
    expect(timersPerBatch(4, 3)).toBe(4);
  });
});
