import "server-only";
import { formatReference } from "@/domain/reference";
import { db } from "@/server/db/prisma";

/** The customer's other open complaints, offered for merging at the versions shown now. */
export async function mergeCandidates(ticket: { id: string; customer: { id: string } }) {
  const rows = await db().ticket.findMany({
    where: { customerId: ticket.customer.id, id: { not: ticket.id }, stage: { not: "CLOSED" } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { number: true, subject: true, version: true },
  });
  return rows.map((c) => ({ reference: formatReference(c.number), subject: c.subject, version: c.version }));
}

/** The reference of the ticket a duplicate was merged into. */
export async function survivorReference(mergedIntoId: string): Promise<string | null> {
  const survivor = await db().ticket.findUnique({ where: { id: mergedIntoId }, select: { number: true } });
  return survivor ? formatReference(survivor.number) : null;
}
