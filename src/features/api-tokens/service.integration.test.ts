import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { createApiToken, revokeApiToken } from "./service";

// Tokens are admin settings like any other: they go through adminChange, which re-checks the actor
// inside the transaction and writes the audit row there, named <entity>.<what happened>.

async function user(email: string, role: "AGENT" | "SUPERVISOR" | "ADMIN", active = true) {
  return testDb().user.create({ data: { email, name: email, role, active, passwordHash: "x" }, select: { id: true } });
}

describe("API token commands", () => {
  let admin: { id: string };
  beforeEach(async () => {
    await resetDatabase();
    admin = await user("admin@tanggap.test", "ADMIN");
  });

  it("audits creating and revoking a token with the admin changes' naming, in the change's own transaction", async () => {
    const { id } = await createApiToken(admin.id, { name: "shop", scopes: ["tickets:read", "tickets:read"] });
    expect(await revokeApiToken(admin.id, id, new Date("2026-12-01T08:00:00Z"))).toBe(true);
    expect(
      await testDb().auditLog.findMany({
        orderBy: { id: "asc" },
        select: { actorId: true, entity: true, entityId: true, action: true, before: true, after: true },
      }),
    ).toEqual([
      {
        actorId: admin.id,
        entity: "ApiToken",
        entityId: id,
        action: "apiToken.created",
        before: null,
        after: { name: "shop", scopes: ["tickets:read"] },
      },
      {
        actorId: admin.id,
        entity: "ApiToken",
        entityId: id,
        action: "apiToken.revoked",
        before: { name: "shop", revokedAt: null },
        after: { name: "shop", revokedAt: "2026-12-01T08:00:00.000Z" },
      },
    ]);
  });

  it("refuses a caller who is not an active admin inside the transaction, writing nothing", async () => {
    const agent = await user("agent@tanggap.test", "AGENT");
    const former = await user("former@tanggap.test", "ADMIN", false);
    for (const caller of [agent, former, { id: "00000000-0000-4000-8000-000000000000" }]) {
      await expect(createApiToken(caller.id, { name: "sneaky", scopes: ["tickets:read"] })).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await testDb().apiToken.count()).toBe(0);

    const { id } = await createApiToken(admin.id, { name: "shop", scopes: ["tickets:read"] });
    await expect(revokeApiToken(agent.id, id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await testDb().apiToken.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
    expect(await testDb().auditLog.findMany({ select: { action: true } })).toEqual([{ action: "apiToken.created" }]);
  });
});
