import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatReference } from "@/domain/reference";
import { macrosForWorkspace } from "@/features/macros/apply";
import { MacroPanel } from "@/features/macros/components/macro-panel";
import { MergePanel } from "@/features/protocol/components/merge-panel";
import { db } from "@/server/db/prisma";
import type { TicketWorkspace } from "../queries";

/**
 * The workspace's tools beyond one field at a time: the team's macros, and merging a duplicate in.
 * A ticket merged into another shows where its work went on instead.
 */
export async function TicketTools({ ticket, viewer }: { ticket: TicketWorkspace; viewer: { id: string } }) {
  const t = await getTranslations("merge");
  if (ticket.mergedIntoId) {
    const survivor = await db().ticket.findUnique({ where: { id: ticket.mergedIntoId }, select: { number: true } });
    const reference = survivor ? formatReference(survivor.number) : "";
    return (
      <section className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="merged-into">
        <p>{t("mergedInto", { reference })}</p>
        <Link href={`/agent/tickets/${reference}`} className="font-medium text-teal-800 underline">
          {t("openSurvivor", { reference })}
        </Link>
      </section>
    );
  }
  if (ticket.stage === "CLOSED") return null;
  const [me, candidates] = await Promise.all([
    db().user.findUnique({ where: { id: viewer.id }, select: { teamId: true } }),
    db().ticket.findMany({
      where: { customerId: ticket.customer.id, id: { not: ticket.id }, stage: { not: "CLOSED" } },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { number: true, subject: true, version: true },
    }),
  ]);
  const macros = await macrosForWorkspace(ticket, { teamId: me?.teamId ?? null });
  return (
    <>
      <MacroPanel ticketId={ticket.id} version={ticket.version} macros={macros} />
      <MergePanel
        ticketId={ticket.id}
        version={ticket.version}
        candidates={candidates.map((c) => ({ reference: formatReference(c.number), subject: c.subject, version: c.version }))}
      />
    </>
  );
}
