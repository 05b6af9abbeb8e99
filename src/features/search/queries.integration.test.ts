import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { formatReference } from "@/domain/reference";
import type { Stage } from "@/domain/stages";
import { Prisma } from "@/generated/prisma/client";
import { searchTickets } from "./queries";
import type { SearchScope } from "./schemas";
import { searchStatement } from "./search-sql";

const NOW = new Date("2026-11-24T03:00:00.000Z");

interface CustomerSpec {
  email: string;
  name: string;
  phone?: string | null;
}

async function customer(spec: CustomerSpec): Promise<string> {
  const created = await testDb().customer.create({ data: { ...spec, phone: spec.phone ?? null }, select: { id: true } });
  return created.id;
}

interface TicketSpec {
  customerId: string;
  subject?: string;
  narrative?: string;
  stage?: Stage;
  orderNumber?: string | null;
  contactPhone?: string | null;
  contactName?: string | null;
  updatedAt?: Date;
  closedAt?: Date;
}

let seq = 0;
async function ticket(spec: TicketSpec): Promise<{ id: string; reference: string }> {
  seq += 1;
  const db = testDb();
  const category = await db.category.findFirstOrThrow({ select: { id: true } });
  const stage = spec.stage ?? "LISTEN";
  const created = await db.ticket.create({
    data: {
      trackingTokenHash: `hash-${seq}-${Math.random()}`,
      customerId: spec.customerId,
      categoryId: category.id,
      stage,
      subject: spec.subject ?? `Ticket ${seq}`,
      narrative: spec.narrative ?? "Nothing in particular happened here.",
      orderNumber: spec.orderNumber ?? null,
      contactPhone: spec.contactPhone ?? null,
      contactName: spec.contactName ?? null,
      desiredOutcome: "Something",
      acknowledgeBy: NOW,
      closedAt: stage === "CLOSED" ? (spec.closedAt ?? NOW) : null,
    },
    select: { id: true, number: true },
  });
  return { id: created.id, reference: formatReference(created.number) };
}

async function note(ticketId: string, body: string, visibility: "PUBLIC" | "INTERNAL" = "INTERNAL"): Promise<void> {
  await testDb().message.create({ data: { ticketId, authorType: visibility === "INTERNAL" ? "STAFF" : "CUSTOMER", visibility, body } });
}

const found = async (text: string, scope: SearchScope = "all") => (await searchTickets(text, scope)).map((r) => [r.reference, r.reason]);
const refs = async (text: string, scope: SearchScope = "all") => (await searchTickets(text, scope)).map((r) => r.reference);

describe("searchTickets", () => {
  let siti: string;
  let budi: string;
  beforeEach(async () => {
    await resetDatabase();
    siti = await customer({ email: "siti@contoh.id", name: "Siti Rahayu", phone: "0811 2345 678" });
    budi = await customer({ email: "budi@contoh.id", name: "Budi Santoso", phone: null });
  });

  it("reads a common word's open matches, then the most recently closed, when more match than a page holds", async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    const old = [];
    for (let i = 0; i < 4; i++)
      old.push(await ticket({ customerId: budi, subject: "Blender rusak", stage: "CLOSED", closedAt: daysAgo(400) }));
    const lastMonth = await ticket({ customerId: budi, subject: "Blender rusak", stage: "CLOSED", closedAt: daysAgo(30) });
    const yesterday = await ticket({ customerId: siti, subject: "Blender rusak", stage: "CLOSED", closedAt: daysAgo(1) });
    const open = await ticket({ customerId: siti, subject: "Blender rusak" });

    const page = (await searchTickets("blender", "all", 3)).map((r) => r.reference);
    expect(page).toEqual([open.reference, yesterday.reference, lastMonth.reference]);
    expect(await searchTickets("blender", "closed", 2).then((rows) => rows.map((r) => r.reference))).toEqual([
      yesterday.reference,
      lastMonth.reference,
    ]);
    // A rare match is still found however long ago it closed: every slice is read when the ones before fall short.
    expect((await searchTickets("blender", "closed")).map((r) => r.reference).sort()).toEqual(
      [yesterday, lastMonth, ...old].map((t) => t.reference).sort(),
    );
  });

  it("finds a customer's phone number whatever punctuation and country code it is typed with", async () => {
    const onRecord = await ticket({ customerId: siti });
    const typedWithComplaint = await ticket({ customerId: budi, contactPhone: "+62 812-9999-0000" });
    await ticket({ customerId: budi });
    expect(await found("+62 811-2345-678")).toEqual([[onRecord.reference, "phone"]]);
    expect(await found("(0811) 2345678")).toEqual([[onRecord.reference, "phone"]]);
    expect(await found("0812 9999 0000")).toEqual([[typedWithComplaint.reference, "phone"]]);
  });

  it("finds by reference, bare number, address and the order number as the customer typed it", async () => {
    const a = await ticket({ customerId: siti, orderNumber: "ORD-778812" });
    const b = await ticket({ customerId: budi });
    expect(await found(a.reference)).toEqual([[a.reference, "reference"]]);
    expect(await found(String(Number(b.reference.slice(4))))).toEqual([[b.reference, "reference"]]);
    expect(await found("BUDI@contoh.id")).toEqual([[b.reference, "email"]]);
    expect(await found("ORD-778812")).toEqual([[a.reference, "orderNumber"]]);
    expect(await found("ord 778812")).toEqual([[a.reference, "orderNumber"]]);
  });

  it("finds a customer by a word of the name typed with each complaint", async () => {
    const first = await ticket({ customerId: siti, contactName: "Siti Rahayu" });
    const typed = await ticket({ customerId: budi, contactName: "Ibu Rahayu Wulandari" });
    await ticket({ customerId: siti, contactName: "Ibu Siti" });
    expect(new Set(await found("rahayu"))).toEqual(
      new Set([
        [first.reference, "name"],
        [typed.reference, "name"],
      ]),
    );
  });

  it("puts exact matches first, then names, then text ranked — the subject above the narrative", async () => {
    const inNarrative = await ticket({ customerId: budi, narrative: "The blender arrived broken; ORD-5551 on the box." });
    const inSubject = await ticket({ customerId: budi, subject: "Blender broken on arrival" });
    const exact = await ticket({ customerId: budi, orderNumber: "ORD-5551" });
    expect(await found("ORD-5551")).toEqual([
      [exact.reference, "orderNumber"],
      [inNarrative.reference, "text"],
    ]);
    expect(await refs("blender")).toEqual([inSubject.reference, inNarrative.reference]);
  });

  it("stems English and Indonesian: 'refunds' finds 'refund', 'pengembalian' finds 'dikembalikan'", async () => {
    const en = await ticket({ customerId: budi, narrative: "I asked for a refund twice." });
    const id = await ticket({ customerId: budi, narrative: "Dana saya belum dikembalikan." });
    expect(await refs("refunds")).toEqual([en.reference]);
    expect(await refs("pengembalian")).toEqual([id.reference]);
  });

  it("finds the text of messages and internal notes, and says it was a message", async () => {
    const t = await ticket({ customerId: budi });
    await note(t.id, "Courier confirmed the parcel was left at the neighbour's gate.");
    await note(t.id, "Where is my parcel?", "PUBLIC");
    expect(await found("neighbour gate")).toEqual([[t.reference, "message"]]);
    expect(await found("where is my parcel")).toEqual([[t.reference, "message"]]);
  });

  it("finds closed tickets in the closed and all scopes only, and open ones in open and all, open first", async () => {
    const closed = await ticket({ customerId: siti, stage: "CLOSED" });
    const open = await ticket({ customerId: siti, stage: "RESOLVE" });
    expect(await refs("siti@contoh.id", "open")).toEqual([open.reference]);
    expect(await refs("siti@contoh.id", "closed")).toEqual([closed.reference]);
    expect(await refs("siti@contoh.id", "all")).toEqual([open.reference, closed.reference]);
    expect(await refs(closed.reference, "open")).toEqual([]);
    expect(await refs(closed.reference, "closed")).toEqual([closed.reference]);
  });

  it("lists a ticket once, by its best match", async () => {
    const t = await ticket({ customerId: budi, subject: "ORD-1234 never came", orderNumber: "ORD-1234" });
    await note(t.id, "ORD-1234 was lost by the courier");
    expect(await found("ORD-1234")).toEqual([[t.reference, "orderNumber"]]);
  });

  it("takes hostile text as text", async () => {
    await ticket({ customerId: budi });
    for (const text of ['\'; DROP TABLE "Ticket"; --', "!!! & | :*", '"unclosed', "-", "a".repeat(200)]) {
      await expect(searchTickets(text, "all")).resolves.toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Every arm of the search is served by an index, on a table of realistic size (as in the queue's plan
// test). PGlite has no realistic planner costs; the plans are checked against a real server only.

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe.runIf(inject("databaseServerUrl"))(
  "search plans, on a real PostgreSQL server only: every reading of the text is an index lookup",
  () => {
    const ROWS = 20_000;

    beforeAll(async () => {
      await resetDatabase();
      const db = testDb();
      const category = await db.category.findFirstOrThrow({ select: { id: true } });
      // A customer per four tickets, a given name shared by one in 200; most tickets closed; a third with
      // an internal note.
      await db.$executeRaw`
      INSERT INTO "Customer" ("id", "email", "name", "phone", "updatedAt")
      SELECT gen_random_uuid(), 'customer' || i || '@contoh.id', 'Nama' || (i % 200) || ' Keluarga' || i,
        CASE WHEN i % 3 = 0 THEN '+62 81' || lpad(i::text, 8, '0') END, now()
      FROM generate_series(1, ${ROWS / 4}) AS i`;
      await db.$executeRaw`
      INSERT INTO "Ticket" ("id", "trackingTokenHash", "customerId", "categoryId", "stage", "subject", "narrative", "orderNumber",
        "contactPhone", "contactName", "desiredOutcome", "acknowledgeBy", "updatedAt", "closedAt")
      SELECT gen_random_uuid(), 'bulk-' || i, (SELECT "id" FROM "Customer" ORDER BY "email" OFFSET i % ${ROWS / 4} LIMIT 1), ${category.id}::uuid,
        (CASE WHEN i % 5 <> 0 THEN 'CLOSED' ELSE 'LISTEN' END)::"Stage",
        'Complaint ' || i || CASE WHEN i % 173 = 0 THEN ' blender rusak' ELSE '' END,
        'Narrative of complaint number ' || i || CASE WHEN i % 211 = 0 THEN ', dana tidak dikembalikan' ELSE '' END,
        CASE WHEN i % 2 = 0 THEN 'ORD-' || (100000 + i) END,
        CASE WHEN i % 7 = 0 THEN '0812 ' || lpad(i::text, 8, '0') END,
        CASE WHEN i % 7 = 0 THEN 'Kontak ' || i ELSE 'Nama' || (i % 200) || ' Keluarga' || i END,
        'A fair outcome', now(), now() - i * interval '1 minute', CASE WHEN i % 5 <> 0 THEN now() END
      FROM generate_series(1, ${ROWS}) AS i`;
      await db.$executeRaw`
      INSERT INTO "Message" ("id", "ticketId", "authorType", "visibility", "body")
      SELECT gen_random_uuid(), t."id", 'STAFF', 'INTERNAL', 'Courier note ' || t."number" || CASE WHEN t."number" % 97 = 0 THEN ' paket hilang di gudang' ELSE '' END
      FROM "Ticket" t WHERE t."number" % 3 = 0`;
      // VACUUM also moves the GIN indexes' pending entries into the index proper, as autovacuum would.
      await db.$executeRawUnsafe(`VACUUM ANALYZE "Ticket", "Customer", "Message"`);
    }, 120_000);

    const QUERIES: [string, string, SearchScope][] = [
      ["reference", "TGP-000123", "all"],
      ["address", "customer42@contoh.id", "all"],
      ["phone", "+62 812-0000-0014", "all"],
      ["order number", "ORD-100042", "closed"],
      ["name", "nama17", "all"],
      ["complaint text", "blender", "open"],
      ["internal note text", "paket hilang", "all"],
    ];

    it.each(QUERIES)("%s: no table is read whole, and the expected rows come back", async (_name, text, scope) => {
      const sql = searchStatement(text, scope);
      const [row] = await testDb().$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
      const plan = nodes(row!["QUERY PLAN"][0].Plan);
      const scans = plan
        .filter((n) => n["Relation Name"] || n["Index Name"])
        .map((n) => `${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"]}`);
      if (process.env.SEARCH_PLANS) console.log(`PLAN ${_name}: ${scans.join("; ")}`);
      expect(
        plan.filter((n) => n["Node Type"] === "Seq Scan"),
        scans.join("; "),
      ).toEqual([]);
      expect(plan.some((n) => n["Relation Name"] === "Message")).toBe(false);
      expect((await searchTickets(text, scope)).length).toBeGreaterThan(0);
    });
  },
);
