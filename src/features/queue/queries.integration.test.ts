import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { formatReference } from "@/domain/reference";
import type { Priority, Stage } from "@/domain/stages";
import { Prisma } from "@/generated/prisma/client";
import { decodeCursor } from "./cursor";
import { listQueue, type QueuePage } from "./queries";
import { queueStatements } from "./queue-sql";
import { parseQueueParams, type QueueFilter } from "./schemas";

const NOW = new Date("2026-11-24T03:00:00.000Z");
const MINUTE = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);

interface Fixture {
  me: string;
  other: string;
  customer: string;
  categories: Record<string, string>;
}

async function fixture(): Promise<Fixture> {
  const db = testDb();
  const [me, other] = await Promise.all(
    ["me@tanggap.test", "other@tanggap.test"].map((email) =>
      db.user.create({ data: { email, name: email.split("@")[0]!, passwordHash: "x" }, select: { id: true } }),
    ),
  );
  const customer = await db.customer.create({ data: { email: "siti@contoh.id", name: "Siti Rahayu" }, select: { id: true } });
  const categories = Object.fromEntries((await db.category.findMany({ select: { code: true, id: true } })).map((c) => [c.code, c.id]));
  return { me: me!.id, other: other!.id, customer: customer.id, categories };
}

interface TicketSpec {
  subject?: string;
  narrative?: string;
  stage?: Stage;
  priority?: Priority;
  category?: string;
  assigneeId?: string | null;
  waitingOnCustomer?: boolean;
  needsTriage?: boolean;
  /** Minutes from NOW; null for no deadline. */
  due?: number | null;
  atRisk?: number | null;
}

let seq = 0;
async function ticket(f: Fixture, spec: TicketSpec = {}): Promise<string> {
  seq += 1;
  const due = spec.due === undefined ? 600 : spec.due;
  const atRisk = spec.atRisk === undefined ? (due === null ? null : due - 60) : spec.atRisk;
  const stage = spec.stage ?? "LISTEN";
  const created = await testDb().ticket.create({
    data: {
      trackingTokenHash: `hash-${seq}-${Math.random()}`,
      customerId: f.customer,
      categoryId: f.categories[spec.category ?? "PRODUCT_RETURN"]!,
      priority: spec.priority ?? "NORMAL",
      stage,
      assigneeId: spec.assigneeId ?? null,
      subject: spec.subject ?? `Ticket ${seq}`,
      narrative: spec.narrative ?? "Nothing in particular happened here.",
      desiredOutcome: "Something",
      waitingOnCustomer: spec.waitingOnCustomer ?? false,
      needsTriage: spec.needsTriage ?? false,
      stageDueAt: stage === "CLOSED" ? null : due === null ? null : at(due),
      stageAtRiskAt: stage === "CLOSED" || atRisk === null ? null : at(atRisk),
      acknowledgeBy: at(60),
      closedAt: stage === "CLOSED" ? at(-600) : null,
    },
    select: { number: true },
  });
  return formatReference(created.number);
}

const refs = (page: QueuePage) => page.rows.map((r) => r.reference);

describe("listQueue", () => {
  let f: Fixture;
  beforeEach(async () => {
    await resetDatabase();
    f = await fixture();
  });

  const list = (filter: QueueFilter = {}, viewer = () => f.me) => listQueue(viewer(), filter, { now: NOW });

  it("lists open tickets only, nearest deadline first, those without a deadline last", async () => {
    const later = await ticket(f, { due: 300 });
    const undated = await ticket(f, { due: null });
    await ticket(f, { stage: "CLOSED" });
    const sooner = await ticket(f, { due: 30 });
    const overdue = await ticket(f, { due: -30 });
    expect(refs(await list())).toEqual([overdue, sooner, later, undated]);
  });

  it("keeps tickets sharing a deadline in number order", async () => {
    const a = await ticket(f, { due: 100 });
    const b = await ticket(f, { due: 100 });
    const c = await ticket(f, { due: 100 });
    expect(refs(await list())).toEqual([a, b, c]);
  });

  it("filters to my tickets, or to unassigned ones", async () => {
    const mine = await ticket(f, { assigneeId: f.me });
    const mineUndated = await ticket(f, { assigneeId: f.me, due: null });
    const theirs = await ticket(f, { assigneeId: f.other });
    const nobodys = await ticket(f, { assigneeId: null });
    await ticket(f, { assigneeId: f.me, stage: "CLOSED" });
    await ticket(f, { assigneeId: null, stage: "CLOSED" });
    expect(refs(await list({ assignee: "me" }))).toEqual([mine, mineUndated]);
    expect(refs(await list({ assignee: "unassigned" }))).toEqual([nobodys]);
    expect(refs(await list({ assignee: "me" }, () => f.other))).toEqual([theirs]);
    const row = (await list({ assignee: "me" })).rows[0]!;
    expect(row).toMatchObject({
      assignedToMe: true,
      assigneeName: "me",
      customerName: "Siti Rahayu",
      categoryEn: "Product return",
      categoryId: "Pengembalian produk",
    });
  });

  it("filters to complaints waiting on triage (they came by mail without a category)", async () => {
    const mailed = await ticket(f, { category: "OTHER", needsTriage: true });
    await ticket(f, { category: "OTHER" });
    await ticket(f, { stage: "CLOSED", needsTriage: true });
    expect(refs(await list({ triage: true }))).toEqual([mailed]);
  });

  it("filters by stage, category and priority", async () => {
    const understand = await ticket(f, { stage: "UNDERSTAND" });
    const payment = await ticket(f, { category: "PAYMENT_PROBLEM" });
    const urgent = await ticket(f, { priority: "URGENT" });
    const urgentPayment = await ticket(f, { priority: "URGENT", category: "PAYMENT_PROBLEM", stage: "UNDERSTAND" });
    await ticket(f, { stage: "CLOSED", category: "PAYMENT_PROBLEM", priority: "URGENT" });
    expect(refs(await list({ stage: "UNDERSTAND" }))).toEqual([understand, urgentPayment]);
    expect(refs(await list({ category: "PAYMENT_PROBLEM" }))).toEqual([payment, urgentPayment]);
    expect(refs(await list({ priority: "URGENT" }))).toEqual([urgent, urgentPayment]);
    expect(refs(await list({ priority: "URGENT", category: "PAYMENT_PROBLEM", stage: "UNDERSTAND" }))).toEqual([urgentPayment]);
  });

  it("filters to at-risk, overdue or either, leaving out clocks paused while waiting on the customer", async () => {
    const overdue = await ticket(f, { due: -10, atRisk: -70 });
    const atRisk = await ticket(f, { due: 20, atRisk: -40 });
    await ticket(f, { due: 200, atRisk: 140 }); // on time
    await ticket(f, { due: null }); // no deadline
    const waitingOverdue = await ticket(f, { due: -5, atRisk: -65, waitingOnCustomer: true });
    const waiting = await ticket(f, { due: 400, waitingOnCustomer: true });
    expect(refs(await list({ overdue: true }))).toEqual([overdue]);
    expect(refs(await list({ atRisk: true }))).toEqual([atRisk]);
    expect(refs(await list({ atRisk: true, overdue: true }))).toEqual([overdue, atRisk]);
    expect(refs(await list({ waiting: true }))).toEqual([waitingOverdue, waiting]);
    expect(refs(await list({ waiting: true, overdue: true }))).toEqual([]);
  });

  it("combines filters: mine, in LISTEN, overdue", async () => {
    const hit = await ticket(f, { assigneeId: f.me, stage: "LISTEN", due: -1 });
    await ticket(f, { assigneeId: f.me, stage: "LISTEN", due: 100 });
    await ticket(f, { assigneeId: f.me, stage: "RESOLVE", due: -1 });
    await ticket(f, { assigneeId: f.other, stage: "LISTEN", due: -1 });
    expect(refs(await list({ assignee: "me", stage: "LISTEN", overdue: true }))).toEqual([hit]);
  });

  describe("search", () => {
    it("finds Indonesian words across their affixed forms", async () => {
      const kembalikan = await ticket(f, { narrative: "Tolong kembalikan uang saya, barangnya rusak." });
      const dikembalikan = await ticket(f, { narrative: "Troli tidak dikembalikan ke tempatnya." });
      const pengembalian = await ticket(f, { narrative: "Saya minta pengembalian dana secepatnya." });
      const ditolak = await ticket(f, { narrative: "Kartu debit saya ditolak tiga kali di mesin EDC." });
      await ticket(f, { narrative: "Blender yang saya beli tidak mau menyala." });
      const family = [kembalikan, dikembalikan, pengembalian].sort();
      for (const q of ["pengembalian", "dikembalikan", "kembalikan", "kembali", "mengembalikan"])
        expect(refs(await list({ q })).sort(), q).toEqual(family);
      for (const q of ["menolak", "penolakan", "tolak"]) expect(refs(await list({ q })), q).toEqual([ditolak]);
      expect(refs(await list({ q: "pengembalian dana" }))).toEqual([pengembalian]);
    });

    it("finds English words by their stem", async () => {
      const charge = await ticket(f, { subject: "Double charge", narrative: "There is a duplicate charge on my card." });
      const refunds = await ticket(f, { narrative: "I asked for refunds twice." });
      await ticket(f, { narrative: "The shoes arrived in the wrong size." });
      expect(refs(await list({ q: "charged" }))).toEqual([charge]);
      expect(refs(await list({ q: "Charging" }))).toEqual([charge]);
      expect(refs(await list({ q: "refund" }))).toEqual([refunds]);
      expect(refs(await list({ q: "duplicate card charges" }))).toEqual([charge]);
      expect(refs(await list({ q: "charge -duplicate" }))).toEqual([]);
      expect(refs(await list({ q: '"wrong size"' }))).toHaveLength(1);
    });

    it("finds a word that only a message on the ticket contains", async () => {
      const reference = await ticket(f, { narrative: "The parcel never arrived." });
      await ticket(f, { narrative: "The parcel was damaged." });
      expect(refs(await list({ q: "warehouse" }))).toEqual([]);
      const { id } = await testDb().ticket.findUniqueOrThrow({ where: { number: Number(reference.slice(4)) }, select: { id: true } });
      await testDb().message.create({
        data: { ticketId: id, authorType: "STAFF", visibility: "INTERNAL", body: "The warehouse mislabelled the box." },
      });
      expect(refs(await list({ q: "warehouse" }))).toEqual([reference]);
      expect(refs(await list({ q: "mislabelled parcel" }))).toEqual([reference]);
    });

    it("finds a ticket by its reference, even a closed one", async () => {
      await ticket(f);
      const closed = await ticket(f, { stage: "CLOSED" });
      expect(refs(await list({ q: closed }))).toEqual([closed]);
      expect(refs(await list({ q: closed.toLowerCase(), assignee: "me" }))).toEqual([closed]);
      expect(refs(await list({ q: "TGP-999999" }))).toEqual([]);
    });

    it("combines with the other filters, and takes any text without failing", async () => {
      const mine = await ticket(f, { assigneeId: f.me, narrative: "The kettle smells of plastic." });
      await ticket(f, { assigneeId: f.other, narrative: "The kettle leaks." });
      expect(refs(await list({ q: "kettle", assignee: "me" }))).toEqual([mine]);
      for (const q of ['\'); DROP TABLE "Ticket"; --', "a & b | !c", ":*", '"unclosed', "or", "-", "the", "🙂", "x".repeat(200)]) {
        await expect(list({ q }), q).resolves.toBeDefined();
      }
      expect(await testDb().ticket.count()).toBe(2);
    });
  });

  describe("pagination", () => {
    async function walk(filter: QueueFilter, pageSize: number) {
      const pages: string[][] = [];
      let page = await listQueue(f.me, filter, { now: NOW, pageSize });
      expect(page.prev).toBeNull();
      pages.push(refs(page));
      while (page.next) {
        page = await listQueue(f.me, filter, { now: NOW, pageSize, cursor: decodeCursor(page.next) });
        pages.push(refs(page));
        expect(page.prev).not.toBeNull();
      }
      return { pages, last: page };
    }

    it("visits every open ticket exactly once, in order, forward and back", async () => {
      const expected: string[] = [];
      // Shared deadlines straddle page boundaries; two tickets have no deadline at all.
      for (let i = 0; i < 21; i++) expected.push(await ticket(f, { due: Math.floor(i / 3) * 10 - 25 }));
      for (let i = 0; i < 2; i++) expected.push(await ticket(f, { due: null }));
      await ticket(f, { stage: "CLOSED" });
      const { pages, last } = await walk({}, 5);
      expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
      expect(pages.flat()).toEqual(expected);

      const back: string[][] = [];
      let page = last;
      while (page.prev) {
        page = await listQueue(f.me, {}, { now: NOW, pageSize: 5, cursor: decodeCursor(page.prev) });
        back.unshift(refs(page));
        expect(page.next).not.toBeNull();
      }
      expect(back).toEqual(pages.slice(0, -1));
    });

    it("paginates a filtered queue the same way", async () => {
      const expected: string[] = [];
      for (let i = 0; i < 7; i++) {
        expected.push(await ticket(f, { assigneeId: f.me, due: i % 2 ? 50 : null }));
        await ticket(f, { assigneeId: f.other, due: 50 });
      }
      const order = [...expected.filter((_, i) => i % 2), ...expected.filter((_, i) => !(i % 2))];
      const { pages } = await walk({ assignee: "me" }, 2);
      expect(pages.flat()).toEqual(order);
    });

    it("stays stable when tickets are filed between pages", async () => {
      const expected: string[] = [];
      for (let i = 0; i < 6; i++) expected.push(await ticket(f, { due: i * 10 }));
      const first = await listQueue(f.me, {}, { now: NOW, pageSize: 3 });
      await ticket(f, { due: -100 }); // before the first page: not seen going forward
      const late = await ticket(f, { due: 45 }); // on the next page, in its place
      const second = await listQueue(f.me, {}, { now: NOW, pageSize: 3, cursor: decodeCursor(first.next!) });
      expect([...refs(first), ...refs(second)]).toEqual([...expected.slice(0, 3), expected[3], expected[4], late]);
    });

    it("going back from the second page lands on a full first page", async () => {
      for (let i = 0; i < 5; i++) await ticket(f, { due: i });
      const first = await listQueue(f.me, {}, { now: NOW, pageSize: 2 });
      const second = await listQueue(f.me, {}, { now: NOW, pageSize: 2, cursor: decodeCursor(first.next!) });
      await testDb().ticket.updateMany({
        where: { number: { in: first.rows.map((r) => Number(r.reference.slice(4))) } },
        data: { stage: "CLOSED", stageDueAt: null },
      });
      const back = await listQueue(f.me, {}, { now: NOW, pageSize: 2, cursor: decodeCursor(second.prev!) });
      expect(refs(back)).toEqual(refs(second));
      expect(back.prev).toBeNull();
    });
  });

  it("ignores search params it does not understand, and still lists", async () => {
    await ticket(f);
    const { filter, cursor } = parseQueueParams(
      {
        stage: "CLOSED",
        priority: "SOMETIMES",
        assignee: ["me", "unassigned"],
        category: "NOPE",
        atRisk: "maybe",
        cursor: "not-a-cursor",
        q: "\u0000",
      },
      Object.keys(f.categories),
    );
    expect(filter).toEqual({ assignee: "me" });
    expect(cursor).toBeNull();
    expect((await listQueue(f.me, {}, { now: NOW, cursor })).rows).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Every filter is served by an index. The planner only prefers indexes on a table of realistic size,
// so this fills one (most tickets closed, as in a helpdesk that has run for a while) with one
// INSERT ... SELECT and ANALYZEs it. PGlite plans differently and has no realistic planner costs for
// WebAssembly; the plans are checked against a real PostgreSQL server only.

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

const INDEX_NODES = new Set(["Index Scan", "Index Only Scan", "Bitmap Index Scan"]);
const TICKET_INDEXES = /^Ticket_/;

describe.runIf(inject("databaseServerUrl"))(
  "queue plans, on a real PostgreSQL server only (skipped on embedded PGlite): every filter is served by an index",
  () => {
    const ROWS = 40_000;
    let viewerId: string;

    beforeAll(async () => {
      await resetDatabase();
      const f = await fixture();
      viewerId = f.me;
      const db = testDb();
      // i % 5 = 0 is open (20 %), the rest closed with no deadline. Open tickets spread over stages,
      // categories, priorities, three assignees and none, with deadlines from 5 hours ago to 2 days ahead.
      await db.$executeRaw`
      INSERT INTO "Ticket" ("id", "trackingTokenHash", "customerId", "categoryId", "priority", "stage", "locale", "assigneeId",
        "subject", "narrative", "desiredOutcome", "waitingOnCustomer", "stageDueAt", "stageAtRiskAt", "acknowledgeBy", "createdAt", "updatedAt", "closedAt")
      SELECT gen_random_uuid(), 'bulk-' || i, ${f.customer}::uuid,
        (ARRAY[${f.categories.PRODUCT_RETURN}, ${f.categories.SERVICE_PROBLEM}, ${f.categories.PAYMENT_PROBLEM}, ${f.categories.OTHER}]::uuid[])[1 + i % 4],
        (CASE WHEN i % 50 = 1 THEN 'URGENT' WHEN i % 10 = 3 THEN 'HIGH' WHEN i % 33 = 2 THEN 'LOW' ELSE 'NORMAL' END)::"Priority",
        (CASE WHEN i % 5 <> 0 THEN 'CLOSED' ELSE (ARRAY['NEW', 'LISTEN', 'UNDERSTAND', 'RESOLVE', 'APOLOGISE'])[1 + (i / 5) % 5] END)::"Stage",
        (CASE WHEN i % 2 = 0 THEN 'id' ELSE 'en' END)::"Locale",
        (CASE WHEN i % 7 = 0 THEN NULL WHEN i % 40 = 5 THEN ${f.me}::uuid ELSE ${f.other}::uuid END),
        'Complaint ' || i || CASE WHEN i % 173 = 0 THEN ' blender rusak' ELSE '' END,
        'Narrative of complaint number ' || i || CASE WHEN i % 211 = 0 THEN ', dana tidak dikembalikan' ELSE '' END,
        'A fair outcome',
        i % 5 = 0 AND i % 35 = 10,
        CASE WHEN i % 5 = 0 THEN ${NOW}::timestamptz + ((i * 7919) % 3180 - 300) * interval '1 minute' END,
        CASE WHEN i % 5 = 0 THEN ${NOW}::timestamptz + ((i * 7919) % 3180 - 420) * interval '1 minute' END,
        ${NOW}::timestamptz, ${NOW}::timestamptz - interval '30 days' + i * interval '1 minute', now(), CASE WHEN i % 5 <> 0 THEN now() END
      FROM generate_series(1, ${ROWS}) AS i`;
      // VACUUM also moves the GIN index's pending entries into the index proper, as autovacuum would.
      await db.$executeRawUnsafe(`VACUUM ANALYZE "Ticket"`);
    }, 120_000);

    // The index each filter's dated phase is expected to use (the undated phase always probes
    // (stage, stageDueAt)). Where two are listed, both are index-bounded and the planner picks by cost:
    // "unassigned" has its own partial index (the open_work_indexes migration), holding exactly the
    // unassigned tickets with a deadline in the queue's order: PostgreSQL derives no order from IS NULL
    // on (assigneeId, stageDueAt), and it read and sorted them all. The first page always takes it (see
    // below); past a cursor the planner may pick any of the three index ranges by cost. "At risk" reads
    // (waitingOnCustomer, stageDueAt, number, stageAtRiskAt) from now on and checks the at-risk time
    // in the index.
    const FILTERS: [string, QueueFilter, RegExp][] = [
      ["no filter", {}, /^Ticket_stageDueAt_number_assigneeId_idx$/],
      ["mine", { assignee: "me" }, /^Ticket_assigneeId_stageDueAt_idx$/],
      ["unassigned", { assignee: "unassigned" }, /^Ticket_(unassigned_due|assigneeId_stageDueAt|stageDueAt_number_assigneeId)_idx$/],
      ["stage", { stage: "RESOLVE" }, /^Ticket_stage_stageDueAt_idx$/],
      ["category", { category: "PAYMENT_PROBLEM" }, /^Ticket_categoryId_stageDueAt_idx$/],
      ["priority", { priority: "URGENT" }, /^Ticket_priority_stageDueAt_idx$/],
      ["at risk", { atRisk: true }, /^Ticket_(waitingOnCustomer_stageDueAt_number_stageAtRiskAt|stageDueAt_number_assigneeId)_idx$/],
      ["overdue", { overdue: true }, /^Ticket_(waitingOnCustomer_stageDueAt_number_stageAtRiskAt|stageDueAt_number_assigneeId)_idx$/],
      [
        "at risk or overdue",
        { atRisk: true, overdue: true },
        /^Ticket_(waitingOnCustomer_stageDueAt_number_stageAtRiskAt|stageDueAt_number_assigneeId)_idx$/,
      ],
      ["waiting on customer", { waiting: true }, /^Ticket_waitingOnCustomer_stageDueAt_number_stageAtRiskAt_idx$/],
      ["search", { q: "blender" }, /^Ticket_open_searchVector_idx$/],
      ["search, Indonesian word family", { q: "pengembalian" }, /^Ticket_open_searchVector_idx$/],
      ["search, two words", { q: "blender rusak" }, /^Ticket_open_searchVector_idx$/],
      ["reference", { q: "TGP-000123" }, /^Ticket_number_key$/],
      ["mine, in a stage, overdue", { assignee: "me", stage: "LISTEN", overdue: true }, TICKET_INDEXES],
      ["unassigned, urgent, searched", { assignee: "unassigned", priority: "URGENT", q: "blender" }, TICKET_INDEXES],
    ];

    async function explain(sql: Prisma.Sql): Promise<PlanNode> {
      const [row] = await testDb().$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
      return row!["QUERY PLAN"][0].Plan;
    }

    it("unassigned: the first page reads the unassigned tickets' own index in order, no sort", async () => {
      const [dated] = queueStatements({ assignee: "unassigned" }, { viewerId, now: NOW, cursor: null, limit: 51 });
      const plan = nodes(await explain(dated!.sql));
      expect(
        plan.filter((n) => n["Node Type"] === "Sort" && n.Plans?.some((c) => c["Index Name"] === "Ticket_unassigned_due_idx")),
      ).toEqual([]);
      expect(plan.filter((n) => INDEX_NODES.has(n["Node Type"])).map((n) => n["Index Name"])).toContain("Ticket_unassigned_due_idx");
    });

    it.each(FILTERS)("%s: every statement reads Ticket through an index, never a sequential scan", async (_name, filter, expected) => {
      const cursors = [
        null,
        { dueAt: NOW, number: 20_000, direction: "next" as const },
        { dueAt: null, number: 100, direction: "next" as const },
        { dueAt: NOW, number: 20_000, direction: "prev" as const },
      ];
      let statements = 0;
      for (const cursor of cursors) {
        for (const { phase, sql } of queueStatements(filter, { viewerId, now: NOW, cursor, limit: 51 })) {
          statements += 1;
          const plan = nodes(await explain(sql));
          const ticketScans = plan.filter((n) => n["Relation Name"] === "Ticket" || TICKET_INDEXES.test(n["Index Name"] ?? ""));
          const summary = `${phase}, cursor ${JSON.stringify(cursor)}: ${ticketScans.map((n) => `${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"]}`).join("; ")}`;
          if (process.env.QUEUE_PLANS) console.log(`PLAN ${_name} — ${summary}`);
          expect(
            ticketScans.filter((n) => n["Node Type"] === "Seq Scan"),
            summary,
          ).toEqual([]);
          const indexes = ticketScans.filter((n) => INDEX_NODES.has(n["Node Type"])).map((n) => n["Index Name"] ?? "");
          // The undated phase always probes (open stage, NULL) in (stage, stageDueAt); see queue-sql.ts.
          const wanted = phase === "undated" ? /^Ticket_stage_stageDueAt_idx$/ : expected;
          expect(
            indexes.some((name) => wanted.test(name)),
            summary,
          ).toBe(true);
        }
      }
      expect(statements).toBeGreaterThan(0);
    });
  },
);
