import "server-only";
import type { AuthorityLimits } from "@/domain/resolution";
import type { Prisma } from "@/generated/prisma/client";

export async function loadAuthorityLimits(tx: Prisma.TransactionClient): Promise<AuthorityLimits> {
  const rows = await tx.authorityLimit.findMany({ select: { role: true, maxAmount: true } });
  const limit = (role: string) => Number(rows.find((r) => r.role === role)?.maxAmount ?? 0);
  return { AGENT: limit("AGENT"), SUPERVISOR: limit("SUPERVISOR"), ADMIN: limit("ADMIN") };
}
