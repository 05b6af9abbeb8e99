import { describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { isDomainError } from "@/domain/errors";
import { recordRootCauseAction, setRootCauseActionStatus } from "./commands";
import { listRootCauseActions } from "./queries";

const NOW = new Date("2026-12-01T10:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe("root-cause actions", () => {
  it("compares complaints of the action's category × root cause per 30 days before it was done and since", async () => {
    const db = testDb();
    await resetDatabase();
    const [returns, service] = await db.category.findMany({ orderBy: { sortOrder: "asc" }, take: 2, select: { id: true } });
    const sari = await db.user.create({ data: { email: "sari@tanggap.test", name: "Sari", passwordHash: "x", role: "SUPERVISOR" } });
    const customer = await db.customer.create({ data: { email: "siti@contoh.id", name: "Siti" } });
    let n = 0;
    const file = async (categoryId: string, rootCause: "OUR_ERROR" | "THIRD_PARTY" | null, days: number, mergedIntoId?: string) => {
      n += 1;
      const t = await db.ticket.create({
        data: {
          trackingTokenHash: `hash-${n}`,
          customerId: customer.id,
          categoryId,
          subject: `T${n}`,
          narrative: "x",
          acknowledgeBy: daysAgo(days),
          createdAt: daysAgo(days),
          rootCause,
          mergedIntoId,
        },
      });
      return t.id;
    };
    // Returns × our error, filed this many days ago (60.0007 is a minute before the day-60 mark).
    for (const days of [151, 140, 130, 110, 90, 70, 60 + 1 / 1440, 60, 20]) await file(returns!.id, "OUR_ERROR", days);
    // Returns × third party.
    for (const days of [105, 80, 50, 11, 5]) await file(returns!.id, "THIRD_PARTY", days);
    // Not counted: another category, no root cause, a merged duplicate.
    const other = await file(service!.id, "OUR_ERROR", 20);
    await file(returns!.id, null, 20);
    await file(returns!.id, "OUR_ERROR", 20, other);

    const record = (rootCause: "OUR_ERROR" | "THIRD_PARTY", description: string) =>
      recordRootCauseAction(sari, { categoryId: returns!.id, rootCause, description, ownerId: sari.id, dueDate: "2026-12-31" });
    const a1 = await record("OUR_ERROR", "A1 stock check");
    const a2 = await record("THIRD_PARTY", "A2 courier contract");
    const a3 = await record("OUR_ERROR", "A3 packing training");
    await record("OUR_ERROR", "A4 still open");
    await setRootCauseActionStatus({ actionId: a1.actionId, status: "DONE" }, daysAgo(60));
    await setRootCauseActionStatus({ actionId: a2.actionId, status: "DONE" }, daysAgo(10));
    await setRootCauseActionStatus({ actionId: a3.actionId, status: "DONE" }, daysAgo(120));

    const rows = await listRootCauseActions(NOW);
    const figures = Object.fromEntries(
      rows.map((r) => [r.description.slice(0, 2), [r.status, r.before, r.after, r.afterDays, r.beforePer30, r.afterPer30, r.verdict]]),
    );
    expect(figures).toEqual({
      // Done 60 days ago. Before, [150, 60) days ago: 140, 130, 110, 90, 70, 60.0007 → 6 in 90 days = 2 per 30.
      // Since, 60 days: 60 (the moment it was done counts as after) and 20 → 2 in 60 days = 1 per 30. It fell.
      A1: ["DONE", 6, 2, 60, 2, 1, "fell"],
      // Done 10 days ago. Before, [100, 10): 80, 50, 11 → 3 in 90 days = 1 per 30. Since: 5 → 1 in 10 days = 3 per 30;
      // under 30 days since, too early to tell.
      A2: ["DONE", 3, 1, 10, 1, 3, "tooEarly"],
      // Done 120 days ago. Before, [210, 120): 151, 140, 130 → 3 = 1 per 30. Since, capped at 90 days, [120, 30):
      // 110, 90, 70, 60.0007, 60 → 5 in 90 days = 1.67 per 30 (20 days ago is past the cap). It did not fall.
      A3: ["DONE", 3, 5, 90, 1, 1.67, "didNotFall"],
      A4: ["OPEN", null, null, null, null, null, "notDone"],
    });
    expect(rows[0]!.description).toBe("A4 still open");

    // Opened again, the action loses its figures until it is done again.
    await setRootCauseActionStatus({ actionId: a1.actionId, status: "OPEN" }, NOW);
    expect((await listRootCauseActions(NOW)).find((r) => r.id === a1.actionId)?.verdict).toBe("notDone");
  });

  it("refuses an owner who is not an active member of staff, on the owner field", async () => {
    const db = testDb();
    await resetDatabase();
    const category = await db.category.findFirstOrThrow({ select: { id: true } });
    const sari = await db.user.create({ data: { email: "sari@tanggap.test", name: "Sari", passwordHash: "x", role: "SUPERVISOR" } });
    const gone = await db.user.create({ data: { email: "gone@tanggap.test", name: "Gone", passwordHash: "x", active: false } });
    const error = await recordRootCauseAction(sari, {
      categoryId: category.id,
      rootCause: "OUR_ERROR",
      description: "Retrain the team",
      ownerId: gone.id,
      dueDate: "2026-12-31",
    }).catch((e: unknown) => e);
    expect(isDomainError(error, "supervisorRefused") && [error.details.code, error.details.field]).toEqual(["ownerNotFound", "ownerId"]);
    expect(await db.rootCauseAction.count()).toBe(0);
  });
});
