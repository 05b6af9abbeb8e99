import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { macrosForWorkspace } from "@/features/macros/apply";
import { MacroPanel } from "@/features/macros/components/macro-panel";
import { MergePanel } from "@/features/protocol/components/merge-panel";
import { mergeCandidates, survivorReference } from "@/features/protocol/merge-queries";
import type { TicketWorkspace } from "../queries";

/**
 * The workspace's tools beyond one field at a time: the team's macros, and merging a duplicate in.
 * A ticket merged into another shows where its work went on instead.
 */
export async function TicketTools({ ticket, viewer }: { ticket: TicketWorkspace; viewer: { id: string } }) {
  const t = await getTranslations("merge");
  if (ticket.mergedIntoId) {
    const reference = (await survivorReference(ticket.mergedIntoId)) ?? "";
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
  const [macros, candidates] = await Promise.all([macrosForWorkspace(ticket, viewer.id), mergeCandidates(ticket)]);
  return (
    <>
      <MacroPanel ticketId={ticket.id} version={ticket.version} macros={macros} />
      <MergePanel ticketId={ticket.id} version={ticket.version} candidates={candidates} />
    </>
  );
}
