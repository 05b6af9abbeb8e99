import { beforeAll, describe, expect, it, vi } from "vitest";
import { resetDatabase, testDb } from "../../../../../../tests/support/integration-db";
import { parseCsv } from "@/domain/reports/csv";
import { rangeOf, todayIn } from "@/domain/reports/date-range";
import { REPORT_IDS, tableRecords } from "@/domain/reports/table";
import { loadReportTable, reportText } from "@/features/reports/load-report";

// The route as the app serves it, against the database; only who is signed in, and their language, are given.
const session = vi.hoisted(() => ({ role: null as null | "AGENT" | "SUPERVISOR" | "ADMIN" }));
vi.mock("@/server/auth/session", async () => {
  const { DomainError } = await import("@/domain/errors");
  return {
    requireRole: async () => {
      if (!session.role) throw new DomainError("notSignedIn");
      if (session.role === "AGENT") throw new DomainError("forbidden");
      return { id: "00000000-0000-4000-8000-000000000000", name: "S", email: "s@tanggap.test", role: session.role, teamId: null };
    },
  };
});
vi.mock("@/i18n/request", () => ({ requestLocale: async () => "en" }));

const { GET } = await import("./route");

const get = (report: string, query = "") =>
  GET(new Request(`http://localhost/supervisor/reports/${report}/csv${query}`), { params: Promise.resolve({ report }) });

describe("GET /supervisor/reports/[report]/csv", () => {
  beforeAll(async () => {
    await resetDatabase();
    const db = testDb();
    const category = await db.category.findFirstOrThrow({ where: { code: "OTHER" }, select: { id: true } });
    const customer = await db.customer.create({ data: { email: "x@contoh.id", name: "X" }, select: { id: true } });
    // A category name that a spreadsheet would take for a formula, on one open ticket.
    await db.category.update({ where: { id: category.id }, data: { nameEn: "=cmd|' /C calc'!A0" } });
    await db.ticket.create({
      data: {
        trackingTokenHash: "h1",
        customerId: customer.id,
        categoryId: category.id,
        subject: "s",
        narrative: "n",
        desiredOutcome: "d",
        acknowledgeBy: new Date(),
        rootCause: "OUR_ERROR",
        stage: "RESOLVE",
      },
    });
  });

  it("answers 401 in plain text to a visitor who is not signed in", async () => {
    session.role = null;
    const response = await get("sla");
    expect(response.status).toBe(401);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("Sign in to continue.\n");
  });

  it("answers 403 in plain text to an agent", async () => {
    session.role = "AGENT";
    const response = await get("sla");
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Your role does not allow this.\n");
  });

  it("answers 404 for a report that does not exist, once signed in as a supervisor", async () => {
    session.role = "SUPERVISOR";
    expect((await get("salaries")).status).toBe(404);
  });

  it("answers 400 with the page's message for a bad range", async () => {
    session.role = "SUPERVISOR";
    const response = await get("sla", "?from=2026-11-10&to=2026-11-01");
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("The start date is after the end date.\n");
  });

  it.each(REPORT_IDS)("%s: serves the table the page shows, as CSV, with formulas defused", async (id) => {
    session.role = "ADMIN";
    const today = todayIn(new Date());
    const range = rangeOf(today, today, today);
    const response = await get(id, `?from=${today}&to=${today}&category=OTHER`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="tanggap-${id}-${today}-to-${today}.csv"`);
    const body = await response.text();
    const expected = tableRecords(await loadReportTable(id, { category: "OTHER" }, range, new Date(), reportText("en")));
    // The only difference a CSV may make: a cell starting like a formula gets an apostrophe.
    expect(parseCsv(body)).toEqual(expected.map((r) => r.map((c) => (c.startsWith("=") ? `'${c}` : c))));
    if (id === "recurrence") expect(body).toContain("'=cmd|");
  });
});
