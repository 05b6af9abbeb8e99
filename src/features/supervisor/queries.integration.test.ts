import { beforeAll, describe, expect, inject, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { formatReference } from "@/domain/reference";
import type { Stage } from "@/domain/stages";
import { Prisma } from "@/generated/prisma/client";
import { listRegulatoryAttention, regulatoryAttentionStatement } from "@/features/regulation/queries";
import {
  agentLoad,
  agentLoadStatement,
  attentionStatement,
  GROUP_SHOWN,
  listAttentionGroups,
  type AttentionGroup,
  type Grouping,
} from "./queries";

const NOW = new Date("2026-11-24T03:00:00.000Z");
const MINUTE = 60_000;
const STAGES: Stage[] = ["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE", "CLOSED"];

// A small deterministic generator, so a failure names a history that can be replayed.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const GROUPINGS: Grouping[] = ["stage", "agent", "team"];

interface BoardTicket {
  id: string;
  number: number;
  stage: Stage;
  assigneeId: string | null;
  teamId: string | null;
  waitingOnCustomer: boolean;
  safetyRisk: boolean | null;
  severity: string | null;
  stageDueAt: Date | null;
  stageAtRiskAt: Date | null;
}

/** The board's groups worked out ticket by ticket, as a supervisor would count them by hand. */
function expectedBoard(tickets: BoardTicket[], grouping: Grouping, now: Date) {
  const unsafe = (t: BoardTicket) => t.safetyRisk === true || t.severity === "CRITICAL";
  const late = (t: BoardTicket) => !t.waitingOnCustomer && t.stageAtRiskAt !== null && t.stageAtRiskAt <= now;
  const onBoard = tickets
    .filter((t) => t.stage !== "CLOSED" && (unsafe(t) || late(t)))
    .sort(
      (a, b) =>
        Number(unsafe(b)) - Number(unsafe(a)) ||
        (a.stageDueAt?.getTime() ?? Infinity) - (b.stageDueAt?.getTime() ?? Infinity) ||
        a.number - b.number,
    );
  const keyOf = (t: BoardTicket) => (grouping === "stage" ? t.stage : grouping === "agent" ? t.assigneeId : t.teamId);
  const groups = new Map<string | null, { key: string | null; total: number; ids: string[] }>();
  for (const t of onBoard) {
    const group = groups.get(keyOf(t)) ?? { key: keyOf(t), total: 0, ids: [] };
    groups.set(keyOf(t), group);
    group.total += 1;
    if (group.ids.length < GROUP_SHOWN) group.ids.push(t.id);
  }
  return [...groups.values()];
}

const shape = (groups: AttentionGroup[]) => groups.map((g) => ({ key: g.key, total: g.total, ids: g.rows.map((r) => r.id) }));

const BOARD_SELECT = {
  id: true,
  number: true,
  stage: true,
  assigneeId: true,
  teamId: true,
  waitingOnCustomer: true,
  safetyRisk: true,
  severity: true,
  stageDueAt: true,
  stageAtRiskAt: true,
} as const;

async function people() {
  const db = testDb();
  const users = await Promise.all(
    ["ana", "budi", "citra", "dewi"].map((name, i) =>
      db.user.create({
        data: { email: `${name}@tanggap.test`, name, passwordHash: "x", role: i === 3 ? "SUPERVISOR" : "AGENT" },
        select: { id: true, name: true, role: true },
      }),
    ),
  );
  const gone = await db.user.create({
    data: { email: "gone@tanggap.test", name: "gone", passwordHash: "x", active: false },
    select: { id: true },
  });
  const customer = await db.customer.create({ data: { email: "siti@contoh.id", name: "Siti Rahayu" }, select: { id: true } });
  const category = (await db.category.findFirstOrThrow({ select: { id: true } })).id;
  return { users, gone: gone.id, customer: customer.id, category };
}

describe("agentLoad", () => {
  it("equals the count taken ticket by ticket, over random histories", async () => {
    for (const seed of [1, 2, 3]) {
      await resetDatabase();
      const p = await people();
      const next = random(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
      const assignees = [...p.users.map((u) => u.id), p.gone, null];
      const tickets = Array.from({ length: 300 }, (_, i) => {
        const stage = pick(STAGES);
        const open = stage !== "CLOSED";
        const due = Math.round(next() * 600 - 300);
        const atRisk = due - Math.round(next() * 240);
        return {
          trackingTokenHash: `load-${seed}-${i}`,
          customerId: p.customer,
          categoryId: p.category,
          stage,
          assigneeId: pick(assignees),
          subject: `Ticket ${i}`,
          narrative: "Something happened.",
          waitingOnCustomer: open && next() < 0.2,
          // Now and then an open ticket without a clock: it is open, neither at risk nor overdue.
          stageDueAt: open && next() > 0.05 ? new Date(NOW.getTime() + due * MINUTE) : null,
          stageAtRiskAt: open ? new Date(NOW.getTime() + atRisk * MINUTE) : null,
          acknowledgeBy: NOW,
          closedAt: open ? null : NOW,
        };
      });
      await testDb().ticket.createMany({ data: tickets });

      const expected = p.users
        .map((u) => {
          const mine = tickets.filter((t) => t.assigneeId === u.id && t.stage !== "CLOSED");
          const running = mine.filter((t) => !t.waitingOnCustomer && t.stageDueAt !== null);
          return {
            id: u.id,
            name: u.name,
            role: u.role,
            open: mine.length,
            atRisk: running.filter((t) => t.stageAtRiskAt! <= NOW && t.stageDueAt! > NOW).length,
            overdue: running.filter((t) => t.stageDueAt! <= NOW).length,
          };
        })
        .sort((a, b) => b.overdue - a.overdue || b.open - a.open || (a.name < b.name ? -1 : 1));
      expect(await agentLoad(NOW), `seed ${seed}`).toEqual(expected);
    }
  });
});

describe("listAttentionGroups", () => {
  it("counts every group's tickets and shows its most urgent few, over random histories", async () => {
    for (const seed of [4, 5]) {
      await resetDatabase();
      const p = await people();
      const teams = await Promise.all(
        ["Billing", "Delivery"].map((nameEn) => testDb().team.create({ data: { nameEn, nameId: nameEn }, select: { id: true } })),
      );
      const next = random(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
      const assignees = [...p.users.map((u) => u.id), null];
      await testDb().ticket.createMany({
        data: Array.from({ length: 300 }, (_, i) => {
          const stage = pick(STAGES);
          const open = stage !== "CLOSED";
          const due = Math.round(next() * 600 - 300);
          return {
            trackingTokenHash: `board-${seed}-${i}`,
            customerId: p.customer,
            categoryId: p.category,
            stage,
            assigneeId: pick(assignees),
            teamId: pick([...teams.map((t) => t.id), null]),
            subject: `Ticket ${i}`,
            narrative: "Something happened.",
            waitingOnCustomer: open && next() < 0.2,
            safetyRisk: pick([true, false, false, false, false, false, null]),
            severity: pick(["LOW", "LOW", null, "CRITICAL"] as const),
            stageDueAt: open ? new Date(NOW.getTime() + due * MINUTE) : null,
            stageAtRiskAt: open ? new Date(NOW.getTime() + (due - Math.round(next() * 240)) * MINUTE) : null,
            acknowledgeBy: NOW,
            closedAt: open ? null : NOW,
          };
        }),
      });
      const tickets = await testDb().ticket.findMany({ select: BOARD_SELECT });
      for (const grouping of GROUPINGS) {
        const board = await listAttentionGroups(NOW, "en", grouping);
        expect(shape(board), `seed ${seed}, by ${grouping}`).toEqual(expectedBoard(tickets, grouping, NOW));
        // Some groups are larger than what is shown, or the totals would prove nothing.
        expect(board.some((g) => g.total > g.rows.length)).toBe(true);
      }
    }
  });
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Heap Fetches"?: number;
  "Actual Rows"?: number;
  Plans?: PlanNode[];
}
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

describe.runIf(inject("databaseServerUrl"))(
  "the board's plans, on a real PostgreSQL server only: open work is read from its partial indexes",
  () => {
    beforeAll(async () => {
      await resetDatabase();
      const p = await people();
      const a = p.users[0]!.id;
      const b = p.users[1]!.id;
      // 40,000 tickets, one in five open (a few with a safety risk or a critical severity), the rest closed.
      await testDb().$executeRaw`
      INSERT INTO "Ticket" ("id", "trackingTokenHash", "customerId", "categoryId", "stage", "assigneeId", "subject", "narrative",
        "waitingOnCustomer", "safetyRisk", "severity", "stageDueAt", "stageAtRiskAt", "acknowledgeBy", "updatedAt", "closedAt")
      SELECT gen_random_uuid(), 'bulk-' || i, ${p.customer}::uuid, ${p.category}::uuid,
        (CASE WHEN i % 5 <> 0 THEN 'CLOSED' ELSE (ARRAY['NEW', 'LISTEN', 'UNDERSTAND', 'RESOLVE', 'APOLOGISE'])[1 + (i / 5) % 5] END)::"Stage",
        (CASE WHEN i % 7 = 0 THEN NULL WHEN i % 2 = 0 THEN ${a}::uuid ELSE ${b}::uuid END),
        'Complaint ' || i, 'Narrative ' || i, i % 5 = 0 AND i % 35 = 10,
        i % 5 = 0 AND i % 400 = 0, (CASE WHEN i % 5 = 0 AND i % 555 = 0 THEN 'CRITICAL' ELSE 'LOW' END)::"Severity",
        CASE WHEN i % 5 = 0 THEN ${NOW}::timestamptz + ((i * 7919) % 3180 - 300) * interval '1 minute' END,
        CASE WHEN i % 5 = 0 THEN ${NOW}::timestamptz + ((i * 7919) % 3180 - 420) * interval '1 minute' END,
        ${NOW}::timestamptz, now(), CASE WHEN i % 5 <> 0 THEN now() END
      FROM generate_series(1, 40000) AS i`;
      // One ticket in 47 under OJK, open or closed, with a regulatory clock whose warning point is
      // spread around now; one in six of them paused, some past their deadline and recorded breached.
      await testDb().$executeRaw`
      UPDATE "Ticket" SET "regime" = 'OJK', "regulatoryDueAt" = ${NOW}::timestamptz + (number % 97 - 40) * interval '1 hour',
        "regulatoryWarnAt" = ${NOW}::timestamptz + (number % 97 - 64) * interval '1 hour',
        "regulatoryPausedAt" = CASE WHEN number % 6 = 0 THEN ${NOW}::timestamptz END,
        "regulatoryBreachedAt" = CASE WHEN number % 97 < 40 THEN ${NOW}::timestamptz END
      WHERE number % 47 = 0`;
      await testDb().$executeRawUnsafe(`VACUUM ANALYZE "Ticket"`);
    }, 300_000);

    async function ticketScans(sql: Prisma.Sql): Promise<PlanNode[]> {
      const [row] = await testDb().$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
      return nodes(row!["QUERY PLAN"][0].Plan).filter((n) => n["Relation Name"] === "Ticket" || /^Ticket_/.test(n["Index Name"] ?? ""));
    }

    it("counts each person's load from the open tickets' index alone, never a ticket's row", async () => {
      const scans = await ticketScans(agentLoadStatement(NOW));
      expect(scans.map((n) => `${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"]}`)).toEqual([
        "Index Only Scan Ticket_open_load_idx",
      ]);
    });

    it("finds the regulatory clocks near or past their deadline through their own index, nearest first", async () => {
      const scans = await ticketScans(regulatoryAttentionStatement(NOW, 100));
      expect(scans.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
      expect(scans.flatMap((n) => n["Index Name"] ?? [])).toEqual(["Ticket_regulatory_board_idx"]);
      const expected = await testDb().ticket.findMany({
        where: { stage: { not: "CLOSED" }, regime: { not: "NONE" }, regulatoryPausedAt: null, regulatoryWarnAt: { lte: NOW } },
        orderBy: [{ regulatoryDueAt: "asc" }, { regulatoryWarnAt: "asc" }],
        select: { number: true },
      });
      const listed = await listRegulatoryAttention(NOW, 1000);
      expect(listed.map((r) => r.reference)).toEqual(expected.map((t) => formatReference(t.number)));
      // Both kinds the section is for: near the deadline, and past it.
      expect(new Set(listed.map((r) => r.clock.breached))).toEqual(new Set([true, false]));
    });

    it.each(GROUPINGS)(
      "counts the board's groups by %s from the open work's partial indexes, the late part index-only, each group's true total",
      async (grouping) => {
        const scans = await ticketScans(attentionStatement(NOW, grouping, GROUP_SHOWN));
        expect(scans.filter((n) => n["Node Type"] === "Seq Scan")).toEqual([]);
        expect(new Set(scans.flatMap((n) => n["Index Name"] ?? []))).toEqual(new Set(["Ticket_open_late_idx", "Ticket_open_safety_idx"]));
        // The late part, every ticket a total counts, is read from the index alone.
        expect(scans.filter((n) => n["Index Name"] === "Ticket_open_late_idx").map((n) => n["Node Type"])).toEqual(["Index Only Scan"]);
        const [analysed] = await testDb().$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(
          Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${attentionStatement(NOW, grouping, GROUP_SHOWN)}`,
        );
        const late = nodes(analysed!["QUERY PLAN"][0].Plan).find((n) => n["Index Name"] === "Ticket_open_late_idx");
        // After the VACUUM above every page is all-visible: not one ticket's row is read to count.
        expect(late?.["Heap Fetches"]).toBe(0);
        expect(late?.["Actual Rows"]).toBeGreaterThan(100);
        const tickets = await testDb().ticket.findMany({ where: { stage: { not: "CLOSED" } }, select: BOARD_SELECT });
        const board = await listAttentionGroups(NOW, "en", grouping);
        expect(shape(board)).toEqual(expectedBoard(tickets, grouping, NOW));
        expect(Math.max(...board.map((g) => g.total))).toBeGreaterThan(100);
        // The unsafe ones come first in their groups.
        const unsafe = board.flatMap((g) => g.rows).filter((r) => r.safety);
        expect(unsafe.length).toBeGreaterThan(0);
        expect(board.map((g) => g.rows[0]!.safety)).toContain(true);
      },
    );
  },
);
