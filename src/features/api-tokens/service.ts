import "server-only";
import type { ApiScope } from "@/domain/api-scopes";
import { newApiToken } from "@/api/tokens";
import { adminChange } from "@/features/admin/admin-change";
import { db } from "@/server/db/prisma";

// Tokens are made and revoked by admins, through adminChange like every other admin setting:
// the admin is re-checked and the audit row written in the change's own transaction. The token
// itself is returned once, here, and never stored.

export async function createApiToken(adminId: string, input: { name: string; scopes: ApiScope[] }): Promise<{ id: string; token: string }> {
  const { token, hash } = newApiToken();
  const scopes = [...new Set(input.scopes)];
  const id = await adminChange({ id: adminId }, async ({ tx, audit }) => {
    const row = await tx.apiToken.create({
      data: { name: input.name, tokenHash: hash, scopes, createdById: adminId },
      select: { id: true },
    });
    await audit({ entity: "ApiToken", entityId: row.id, action: "apiToken.created", after: { name: input.name, scopes } });
    return row.id;
  });
  return { id, token };
}

/** Revokes at once: the next request with the token gets 401. False when it was already revoked or unknown. */
export async function revokeApiToken(adminId: string, id: string, now = new Date()): Promise<boolean> {
  return adminChange({ id: adminId }, async ({ tx, audit }) => {
    const before = await tx.apiToken.findUnique({ where: { id }, select: { name: true, scopes: true, revokedAt: true } });
    if (!before || before.revokedAt) return false;
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return false;
    await audit({
      entity: "ApiToken",
      entityId: id,
      action: "apiToken.revoked",
      before: { name: before.name, revokedAt: null },
      after: { name: before.name, revokedAt: now },
    });
    return true;
  });
}

export async function listApiTokens() {
  return db().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { name: true } },
    },
  });
}

export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
