import "server-only";
import { randomBytes } from "node:crypto";
import { isApiScope, type ApiScope } from "@/domain/api-scopes";
import type { Role } from "@/domain/roles";
import { lookupHash } from "@/server/crypto/seal";
import { db } from "@/server/db/prisma";

// "tgp_" + 256 random bits. Only the SHA-256 is stored: a leaked database opens no API, and the
// token is shown once, when it is made. A fast hash is right here (unlike passwords): the token
// has full entropy, so there is nothing to guess, and every API request looks it up.
const TOKEN = /^tgp_[A-Za-z0-9_-]{43}$/;

export function newApiToken(): { token: string; hash: string } {
  const token = `tgp_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return lookupHash(token);
}

export interface ApiCaller {
  tokenId: string;
  scopes: ApiScope[];
  /** The staff member who created the token, as the database has them now. */
  staff: { id: string; role: Role };
}

/** Why a bearer token was not accepted; the 401 says which, without telling whose it was. */
export type AuthFailure = "missing" | "malformed" | "unknown" | "revoked" | "inactiveOwner";

/** Reads `Authorization: Bearer <token>`; the caller, or why not. */
export async function authenticateApiRequest(request: Request, now = new Date()): Promise<ApiCaller | AuthFailure> {
  const header = request.headers.get("authorization");
  if (!header) return "missing";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1] || !TOKEN.test(match[1])) return "malformed";
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(match[1]) },
    select: { id: true, scopes: true, revokedAt: true, lastUsedAt: true, createdBy: { select: { id: true, role: true, active: true } } },
  });
  if (!row) return "unknown";
  if (row.revokedAt) return "revoked";
  // A deactivated creator takes their tokens with them, at once.
  if (!row.createdBy.active) return "inactiveOwner";
  // Written at most once a minute, so a busy integration does not turn every read into a write.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: row.id, scopes: row.scopes.filter(isApiScope), staff: { id: row.createdBy.id, role: row.createdBy.role } };
}
