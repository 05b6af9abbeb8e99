import "server-only";
import { adminChange } from "@/features/admin/admin-change";
import { db } from "@/server/db/prisma";
import { newWebhookSecret, sealWebhookSecret } from "@/server/webhooks/secret";
import { resolveWebhookTarget } from "@/server/webhooks/target";

/**
 * Registers an endpoint after checking where its URL leads (a refused one throws
 * DomainError webhookTargetRefused with the reason). The secret is returned once, here. Like every admin
 * setting, registering and disabling go through adminChange (admin re-checked, audited in one transaction).
 */
export async function registerWebhook(
  adminId: string,
  input: { url: string; events: string[] },
  options: { allowPrivate?: boolean } = {},
): Promise<{ id: string; secret: string }> {
  await resolveWebhookTarget(input.url, options);
  const secret = newWebhookSecret();
  const events = [...new Set(input.events)];
  const id = await adminChange({ id: adminId }, async ({ tx, audit }) => {
    const row = await tx.webhookEndpoint.create({
      data: { url: input.url, events, secretSealed: sealWebhookSecret(secret), createdById: adminId },
      select: { id: true },
    });
    await audit({
      entity: "WebhookEndpoint",
      entityId: row.id,
      action: "webhook.created",
      after: { url: input.url, events, active: true },
    });
    return row.id;
  });
  return { id, secret };
}

/** Stops new deliveries and gives up the ones still waiting. False when already disabled or unknown. */
export async function disableWebhook(adminId: string, id: string, now = new Date()): Promise<boolean> {
  return adminChange({ id: adminId }, async ({ tx, audit }) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id, active: true }, data: { active: false, disabledAt: now } });
    if (count === 0) return false;
    await tx.outboxMessage.updateMany({
      where: { webhookEndpointId: id, status: "PENDING" },
      data: { status: "FAILED", lastError: "The endpoint was disabled." },
    });
    await audit({
      entity: "WebhookEndpoint",
      entityId: id,
      action: "webhook.disabled",
      before: { active: true },
      after: { active: false, disabledAt: now },
    });
    return true;
  });
}

export async function listWebhooks() {
  return db().webhookEndpoint.findMany({
    orderBy: [{ active: "desc" }, { createdAt: "desc" }],
    select: { id: true, url: true, events: true, active: true, createdAt: true, disabledAt: true, createdBy: { select: { name: true } } },
  });
}

export async function recentDeliveries(limit = 50) {
  return db().outboxMessage.findMany({
    where: { channel: "webhook" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      recipient: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      nextAttemptAt: true,
      ticketId: true,
    },
  });
}

export type WebhookRow = Awaited<ReturnType<typeof listWebhooks>>[number];
export type DeliveryRow = Awaited<ReturnType<typeof recentDeliveries>>[number];
