import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../tests/support/integration-db";
import { disableWebhook, registerWebhook } from "./service";

// Webhooks are admin settings like any other: they go through adminChange, which re-checks the actor
// inside the transaction and writes the audit row there, named <entity>.<what happened>.

async function user(email: string, role: "AGENT" | "SUPERVISOR" | "ADMIN", active = true) {
  return testDb().user.create({ data: { email, name: email, role, active, passwordHash: "x" }, select: { id: true } });
}

const url = "http://127.0.0.1:9/hooks";
const allowPrivate = { allowPrivate: true };

describe("webhook commands", () => {
  let admin: { id: string };
  beforeEach(async () => {
    await resetDatabase();
    admin = await user("admin@tanggap.test", "ADMIN");
  });

  it("audits registering and disabling an endpoint with the admin changes' naming, in the change's own transaction", async () => {
    const { id } = await registerWebhook(admin.id, { url, events: ["ticket.created"] }, allowPrivate);
    expect(await disableWebhook(admin.id, id, new Date("2026-12-01T08:00:00Z"))).toBe(true);
    expect(
      await testDb().auditLog.findMany({
        orderBy: { id: "asc" },
        select: { actorId: true, entity: true, entityId: true, action: true, before: true, after: true },
      }),
    ).toEqual([
      {
        actorId: admin.id,
        entity: "WebhookEndpoint",
        entityId: id,
        action: "webhook.created",
        before: null,
        after: { url, events: ["ticket.created"], active: true },
      },
      {
        actorId: admin.id,
        entity: "WebhookEndpoint",
        entityId: id,
        action: "webhook.disabled",
        before: { active: true },
        after: { active: false, disabledAt: "2026-12-01T08:00:00.000Z" },
      },
    ]);
  });

  it("refuses a caller who is not an active admin inside the transaction, writing nothing", async () => {
    const supervisor = await user("supervisor@tanggap.test", "SUPERVISOR");
    const former = await user("former@tanggap.test", "ADMIN", false);
    for (const caller of [supervisor, former]) {
      await expect(registerWebhook(caller.id, { url, events: ["ticket.created"] }, allowPrivate)).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect(await testDb().webhookEndpoint.count()).toBe(0);

    const { id } = await registerWebhook(admin.id, { url, events: ["ticket.created"] }, allowPrivate);
    await expect(disableWebhook(supervisor.id, id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await testDb().webhookEndpoint.findUniqueOrThrow({ where: { id }, select: { active: true } })).toEqual({ active: true });
    expect(await testDb().auditLog.findMany({ select: { action: true } })).toEqual([{ action: "webhook.created" }]);
  });
});
