import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { tableRecords } from "@/domain/reports/table";
import { readRegisterPage, readReturn, readVulnerabilityComparison, registerBatches } from "./register";
import type { RegisterFilter } from "./register-schemas";
import { fcaReturnStatement } from "./register-sql";

// A small world of complaints under each regime, and every figure of each return computed by hand
// from it (the working below each expectation). Instants are UTC; the FCA's business days are
// counted on a London calendar, Monday to Friday, with Good Friday (3 April 2026) and Easter Monday
// (6 April 2026) as holidays.

const at = (iso: string) => new Date(iso);
const Q1 = { start: at("2026-01-01T00:00:00Z"), end: at("2026-04-01T00:00:00Z") };
const H1 = { start: at("2026-01-01T00:00:00Z"), end: at("2026-07-01T00:00:00Z") };
const NOW = at("2026-07-15T00:00:00Z");

type Code = "PRODUCT_RETURN" | "SERVICE_PROBLEM" | "PAYMENT_PROBLEM";
type Cause = "OUR_ERROR" | "THIRD_PARTY" | "CUSTOMER_MISUNDERSTANDING";

interface Spec {
  regime: "OJK" | "FCA" | "ASIC";
  category?: Code;
  cause?: Cause;
  created: string;
  closed?: string;
  outcome?: "UPHELD" | "PARTLY_UPHELD" | "NOT_UPHELD";
  redress?: { amount: number; paid: string; goodwill?: boolean }[];
  external?: "LAPS_SJK" | "AFCA";
  mergedInto?: string;
  breached?: string;
}

const numbers: Record<string, number> = {};
const ids: Record<string, string> = {};
let londonCalendar = "";

async function complaint(name: string, spec: Spec): Promise<void> {
  const db = testDb();
  const category = await db.category.findUniqueOrThrow({ where: { code: spec.category ?? "PRODUCT_RETURN" }, select: { id: true } });
  const customer = await db.customer.create({ data: { email: `${name.toLowerCase()}@contoh.id`, name: `Customer ${name}` } });
  const ticket = await db.ticket.create({
    data: {
      trackingTokenHash: `register-${name}`,
      customerId: customer.id,
      categoryId: category.id,
      regime: spec.regime,
      stage: spec.closed ? "CLOSED" : "LISTEN",
      subject: `Complaint ${name}`,
      narrative: "A complaint in the register fixture.",
      acknowledgeBy: at(spec.created),
      createdAt: at(spec.created),
      closedAt: spec.closed ? at(spec.closed) : null,
      rootCause: spec.cause ?? null,
      outcome: spec.outcome ?? null,
      regulatoryBreachedAt: spec.breached ? at(spec.breached) : null,
      mergedIntoId: spec.mergedInto ? ids[spec.mergedInto] : null,
      currency: spec.regime === "FCA" ? "GBP" : spec.regime === "ASIC" ? "AUD" : "IDR",
    },
    select: { id: true, number: true },
  });
  numbers[name] = ticket.number;
  ids[name] = ticket.id;
  for (const r of spec.redress ?? [])
    await db.redress.create({
      data: { ticketId: ticket.id, kind: "REFUND", amount: r.amount, paidAt: at(r.paid), goodwill: r.goodwill ?? false },
    });
  if (spec.external)
    await db.externalEscalation.create({
      data: { ticketId: ticket.id, body: spec.external, reference: `EXT-${name}`, referredAt: at(spec.closed ?? spec.created) },
    });
}

const records = async (kind: "ojk" | "fca" | "asic", period = Q1) => tableRecords(await readReturn(kind, period, "en")).slice(1);
const ref = (name: string) => `TGP-${String(numbers[name]).padStart(6, "0")}`;

beforeAll(async () => {
  await resetDatabase();
  const db = testDb();
  const calendar = await db.businessCalendar.create({
    data: {
      name: "London (register test)",
      timeZone: "Europe/London",
      hours: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: 540, closesAt: 1020 })) },
      holidays: {
        create: [
          { date: at("2026-04-03T00:00:00Z"), nameEn: "Good Friday", nameId: "Jumat Agung" },
          { date: at("2026-04-06T00:00:00Z"), nameEn: "Easter Monday", nameId: "Senin Paskah" },
        ],
      },
    },
  });
  londonCalendar = calendar.id;

  // OJK, Q1 2026.
  await complaint("O1", {
    regime: "OJK",
    cause: "OUR_ERROR",
    created: "2026-01-10T03:00:00Z",
    closed: "2026-01-20T03:00:00Z",
    redress: [
      { amount: 200, paid: "2026-01-21T03:00:00Z" },
      { amount: 25, paid: "2026-01-21T03:00:00Z", goodwill: true },
    ],
  });
  await complaint("O2", {
    regime: "OJK",
    cause: "OUR_ERROR",
    created: "2026-02-01T03:00:00Z",
    closed: "2026-03-01T03:00:00Z",
    external: "LAPS_SJK",
    breached: "2026-02-15T03:00:00Z",
  });
  await complaint("O3", { regime: "OJK", category: "PAYMENT_PROBLEM", cause: "THIRD_PARTY", created: "2026-03-15T03:00:00Z" });
  await complaint("O4", { regime: "OJK", cause: "OUR_ERROR", created: "2025-12-15T03:00:00Z", closed: "2026-01-05T03:00:00Z" });
  await complaint("O5", { regime: "OJK", cause: "OUR_ERROR", created: "2025-12-01T03:00:00Z", closed: "2025-12-20T03:00:00Z" });
  await complaint("O6", {
    regime: "OJK",
    category: "PAYMENT_PROBLEM",
    cause: "THIRD_PARTY",
    created: "2026-03-20T03:00:00Z",
    closed: "2026-04-05T03:00:00Z",
  });

  // FCA, H1 2026.
  await complaint("F1", {
    regime: "FCA",
    cause: "OUR_ERROR",
    created: "2026-04-01T10:00:00Z",
    closed: "2026-04-08T20:00:00Z",
    outcome: "UPHELD",
    redress: [
      { amount: 100, paid: "2026-04-10T10:00:00Z" },
      { amount: 50, paid: "2026-04-10T10:00:00Z", goodwill: true },
    ],
  });
  await complaint("F2", {
    regime: "FCA",
    category: "SERVICE_PROBLEM",
    cause: "CUSTOMER_MISUNDERSTANDING",
    created: "2026-02-02T09:00:00Z",
    closed: "2026-02-20T09:00:00Z",
    outcome: "NOT_UPHELD",
  });
  await complaint("F3", {
    regime: "FCA",
    cause: "OUR_ERROR",
    created: "2026-01-05T09:00:00Z",
    closed: "2026-05-01T09:00:00Z",
    outcome: "PARTLY_UPHELD",
    redress: [{ amount: 30, paid: "2026-05-02T09:00:00Z" }],
  });
  await complaint("F4", {
    regime: "FCA",
    cause: "OUR_ERROR",
    created: "2025-12-20T09:00:00Z",
    closed: "2026-01-10T09:00:00Z",
    outcome: "UPHELD",
  });
  await complaint("F5", { regime: "FCA", created: "2026-06-20T09:00:00Z" });
  await complaint("F7", {
    regime: "FCA",
    cause: "OUR_ERROR",
    created: "2026-04-02T09:00:00Z",
    closed: "2026-04-02T10:00:00Z",
    outcome: "UPHELD",
    mergedInto: "F1",
  });
  await complaint("F8", {
    regime: "FCA",
    cause: "OUR_ERROR",
    created: "2025-11-01T09:00:00Z",
    closed: "2025-12-01T09:00:00Z",
    outcome: "UPHELD",
    redress: [{ amount: 20, paid: "2026-01-15T09:00:00Z" }],
  });

  // ASIC, Q1 2026.
  await complaint("A1", {
    regime: "ASIC",
    cause: "OUR_ERROR",
    created: "2026-01-10T00:00:00Z",
    closed: "2026-01-31T00:00:00Z",
    outcome: "NOT_UPHELD",
    external: "AFCA",
  });
  await complaint("A2", { regime: "ASIC", category: "SERVICE_PROBLEM", created: "2026-02-01T00:00:00Z" });
}, 60_000);

describe("the OJK periodic report", () => {
  it("counts received, resolved, in process and unresolved per product and type, as worked out by hand", async () => {
    // Product returns, our error: O1, O2 received in Q1 (O4 before it); O1 and O4 closed in Q1 and
    // kept inside (resolved), O2 closed and taken to LAPS SJK (unresolved); days to close 10, 28, 21:
    // median 21; redress on those closed: O1's 200 (its 25 of goodwill left out). O5 closed before Q1.
    // Payment problems, third party: O3 and O6 received, both open at the end of Q1 (O6 closed 5 April).
    expect(await records("ojk")).toEqual([
      ["Product return", "Our error", "2", "2", "0", "1", "21", "200"],
      ["Payment problem", "A third party", "2", "0", "2", "0", "", "0"],
      ["Total", "", "4", "2", "2", "1", "21", "200"],
    ]);
  });

  it("gives zeros, not an error, for a period with no complaint", async () => {
    const empty = { start: at("2024-01-01T00:00:00Z"), end: at("2024-04-01T00:00:00Z") };
    expect(await records("ojk", empty)).toEqual([["Total", "", "0", "0", "0", "0", "", "0"]]);
  });
});

describe("the FCA DISP 1 half-yearly return", () => {
  it("splits closures by three business days and eight weeks on the calendar, with upheld share and redress paid", async () => {
    // Product returns, our error: opened F1, F3 (F4, F8 in 2025; F7 merged into F1, not counted).
    // Closed in H1: F1, F3, F4. F1 received Wed 1 April: business days Thu 2, Tue 7, Wed 8 April
    // (Good Friday and Easter Monday skipped), closed Wed 8 April 20:00 UTC (21:00 in London) — within
    // three. F4 received Sat 20 Dec: three business days end Wed 24 Dec; closed 10 January, within
    // eight weeks. F3 received 5 January, eight weeks end 2 March; closed 1 May: later.
    // Upheld: F1, F3 (partly), F4 = 3 of 3. Redress paid in H1: F1 100, F3 30, F8 20 = 150.
    // Product returns, no cause yet: F5 opened, still open. Service problems, misunderstanding: F2
    // received Mon 2 February, closed 20 February: after three business days, within eight weeks.
    const rows = await testDb().$queryRaw<Record<string, unknown>[]>(fcaReturnStatement(H1, londonCalendar));
    expect(
      rows.map((r) => [
        r.categoryCode,
        r.rootCause,
        r.opened,
        r.closed,
        r.closedWithin3Days,
        r.closedWithin8Weeks,
        r.closedLater,
        r.upheld,
        r.upheldPercent,
        Number(r.redressPaid),
      ]),
    ).toEqual([
      ["PRODUCT_RETURN", "OUR_ERROR", 2, 3, 1, 1, 1, 3, 100, 150],
      ["PRODUCT_RETURN", null, 1, 0, 0, 0, 0, 0, null, 0],
      ["SERVICE_PROBLEM", "CUSTOMER_MISUNDERSTANDING", 1, 1, 0, 1, 0, 0, 0, 0],
      [null, null, 4, 4, 1, 2, 1, 3, 75, 150],
    ]);
  });

  it("counts on the shipped England and Wales calendar, Easter included, when read as the return", async () => {
    expect((await records("fca", H1)).at(-1)).toEqual(["Total", "", "4", "4", "1", "2", "1", "3", "75", "150"]);
  });

  it("without the holidays, the same closing is outside three business days", async () => {
    await testDb().holiday.deleteMany({ where: { calendarId: londonCalendar } });
    const rows = await testDb().$queryRaw<Record<string, unknown>[]>(fcaReturnStatement(H1, londonCalendar));
    expect(rows.at(-1)).toMatchObject({ closedWithin3Days: 0, closedWithin8Weeks: 3 });
  });
});

describe("the ASIC IDR data", () => {
  it("lists each complaint received or closed in the period with the dictionary's fields", async () => {
    expect(await records("asic")).toEqual([
      [ref("A1"), "2026-01-10", "2026-01-31", "closed", "PRODUCT_RETURN", "OUR_ERROR", "NOT_UPHELD", "0", "21", "Y"],
      [ref("A2"), "2026-02-01", "", "open", "SERVICE_PROBLEM", "", "", "0", "", "N"],
    ]);
  });
});

describe("the complaint register", () => {
  const filter = (extra: Partial<RegisterFilter> = {}): RegisterFilter => ({ ...Q1, ...extra });
  const refsOf = async (f: RegisterFilter) => (await readRegisterPage(f, NOW, "en")).table.rows.map((r) => r.cells[0]);

  it("lists what was received in the period, newest first, with the filters a regulator asks about", async () => {
    expect(await refsOf(filter({ regime: "OJK" }))).toEqual(["O6", "O3", "O2", "O1"].map(ref));
    expect(await refsOf(filter({ regime: "OJK", status: "open" }))).toEqual([ref("O3")]);
    expect(await refsOf(filter({ external: true }))).toEqual([ref("A1"), ref("O2")]);
    expect(await refsOf(filter({ breached: true }))).toEqual([ref("O2")]);
    expect(await refsOf(filter({ outcome: "NOT_UPHELD" }))).toEqual([ref("A1"), ref("F2")]);
    expect(await refsOf(filter({ category: "PAYMENT_PROBLEM" }))).toEqual(["O6", "O3"].map(ref));
  });

  it("shows each complaint's redress apart from goodwill, days open and the outside body", async () => {
    const { table } = await readRegisterPage(filter({ regime: "OJK" }), NOW, "en");
    const o1 = tableRecords(table).find((r) => r[0] === ref("O1"))!;
    const o2 = tableRecords(table).find((r) => r[0] === ref("O2"))!;
    const column = (label: string) => table.columns.findIndex((c) => c.label === label);
    expect([o1[column("Redress")], o1[column("Goodwill")], o1[column("Days open")], o1[column("Outside body")]]).toEqual([
      "200",
      "25",
      "10",
      "",
    ]);
    expect([o2[column("Days open")], o2[column("Outside body")], o2[column("Regime")]]).toEqual([
      "28",
      "LAPS_SJK EXT-O2",
      "OJK (POJK 22/2023)",
    ]);
  });

  it("streams every matching row in batches along the same order as the pages", async () => {
    const streamed: string[] = [];
    for await (const batch of registerBatches(filter(), NOW, "id")) streamed.push(...batch.rows.map((r) => String(r.cells[0])));
    expect(streamed).toEqual(["O6", "O3", "A2", "F2", "O2", "O1", "A1", "F3"].map(ref).sort().reverse());
  });
});

describe("customers in vulnerable circumstances beside the others", () => {
  it("compares received, closed, upheld share, median days to close and breaches, as worked out by hand", async () => {
    const db = testDb();
    const staff = await db.user.create({ data: { email: "qa@tanggap.test", name: "QA", role: "AGENT", passwordHash: "x" } });
    // O2's customer flagged while O2 was open (it closed 1 March); A1's flagged after A1 closed (31
    // January): not in force while A1 was open, so A1 counts with the others.
    const o2 = await db.ticket.findUniqueOrThrow({ where: { id: ids.O2! }, select: { customerId: true } });
    const a1 = await db.ticket.findUniqueOrThrow({ where: { id: ids.A1! }, select: { customerId: true } });
    await db.vulnerabilityFlag.create({
      data: { customerId: o2.customerId, driver: "HEALTH", note: "n", createdById: staff.id, createdAt: at("2026-02-10T00:00:00Z") },
    });
    await db.vulnerabilityFlag.create({
      data: { customerId: a1.customerId, driver: "HEALTH", note: "n", createdById: staff.id, createdAt: at("2026-02-10T00:00:00Z") },
    });
    const table = await readVulnerabilityComparison({ ...Q1 }, NOW, "en");
    // Received in Q1: O1, O2, O3, O6, F2, F3, A1, A2. Flagged: O2 (closed, no outcome, 28 days,
    // breached). Others: 7 received; closed O1 (10 days), O6 (16), F2 (18, not upheld), F3 (116,
    // partly upheld), A1 (21, not upheld) = 5; upheld 1 of 5 = 20 %; median of 10, 16, 18, 21, 116 = 18.
    expect(tableRecords(table).slice(1)).toEqual([
      ["Flagged vulnerable", "1", "1", "0", "28", "1"],
      ["Others", "7", "5", "20", "18", "0"],
    ]);
  });
});
