import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { verifyPassword } from "../auth/password";
import { DEMO_PASSWORD, DEMO_STAFF } from "./demo";
import { seedDatabase } from "./run";

async function counts() {
  const db = testDb();
  const [tickets, users, categories, options, targets, customers] = await Promise.all([
    db.ticket.count(),
    db.user.count(),
    db.category.count(),
    db.resolutionOption.count(),
    db.slaTarget.count(),
    db.customer.count(),
  ]);
  return { tickets, users, categories, options, targets, customers };
}

describe("seedDatabase", () => {
  beforeEach(resetDatabase);

  it("seeds reference data only, outside demo mode", async () => {
    await seedDatabase(testDb(), { demo: false });
    expect(await counts()).toMatchObject({ tickets: 0, users: 0, categories: 4 });
  });

  it("is safe to run twice, and twice at once", async () => {
    await seedDatabase(testDb(), { demo: true });
    const first = await counts();
    await Promise.all([seedDatabase(testDb(), { demo: true }), seedDatabase(testDb(), { demo: true })]);
    expect(await counts()).toEqual(first);
    expect(first.tickets).toBeGreaterThanOrEqual(30);
  });

  it("creates demo staff who can sign in with the demo password", async () => {
    await seedDatabase(testDb(), { demo: true });
    for (const s of DEMO_STAFF) {
      const user = await testDb().user.findUniqueOrThrow({ where: { email: s.email }, select: { role: true, passwordHash: true } });
      expect(user.role).toBe(s.role);
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
    }
  });

  it("spreads the demo over every stage and category, with some tickets overdue", async () => {
    await seedDatabase(testDb(), { demo: true });
    const tickets = await testDb().ticket.findMany({
      select: { stage: true, stageDueAt: true, category: { select: { code: true } }, locale: true },
    });
    expect(new Set(tickets.map((t) => t.stage)).size).toBe(6);
    expect(new Set(tickets.map((t) => t.category.code)).size).toBe(4);
    expect(new Set(tickets.map((t) => t.locale))).toEqual(new Set(["id", "en"]));
    expect(tickets.some((t) => t.stageDueAt && t.stageDueAt < new Date())).toBe(true);
  });

  it("refuses demo accounts in a production start", async () => {
    const saved = { env: process.env.NODE_ENV, demo: process.env.TANGGAP_DEMO };
    Object.assign(process.env, { NODE_ENV: "production", TANGGAP_DEMO: "0" });
    try {
      // Settings are read once per process (src/env.ts): a fresh module graph sees these.
      vi.resetModules();
      const { seedDatabase: seedInProduction } = await import("./run");
      await expect(seedInProduction(testDb(), { demo: true })).rejects.toThrow(/Refusing/);
    } finally {
      Object.assign(process.env, { NODE_ENV: saved.env, TANGGAP_DEMO: saved.demo ?? "0" });
    }
    expect(await testDb().user.count()).toBe(0);
  });
});
