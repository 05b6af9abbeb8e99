"use client";

import { useTranslations } from "next-intl";
import { useRememberedFlag } from "@/components/use-remembered-flag";
import type { TicketWorkspace } from "@/features/tickets/queries";
import { RecordSummary } from "./record-summary";
import { AcknowledgeForm } from "./stages/acknowledge-form";
import { ApologyForm } from "./stages/apology-form";
import { ClosedSummary } from "./stages/closed-summary";
import { ListenForm } from "./stages/listen-form";
import { ResolveForm } from "./stages/resolve-form";
import { ClarificationForm, UnderstandForm } from "./stages/understand-form";

export interface Drafts {
  acknowledgement: string;
  clarification: string;
  apology: string;
}

/**
 * The current stage's gate, asking for exactly what it needs and nothing more, under what earlier stages recorded.
 * It folds down to its title (remembered per staff member in this browser) for an agent who only converses.
 */
export function StagePanel({
  ticket,
  drafts,
  viewerRole,
  viewerId,
}: {
  ticket: TicketWorkspace;
  drafts: Drafts;
  viewerRole: string;
  viewerId: string;
}) {
  const t = useTranslations("workspace");
  const gates = useTranslations("protocol.gates");
  const [folded, setFolded] = useRememberedFlag(`tanggap:stage-panel-folded:${viewerId}`);
  return (
    <section
      aria-labelledby="stage-panel-title"
      // Folded, everything below the title row is hidden (and stays in the page, so nothing typed is lost).
      className="flex flex-col gap-3 rounded-lg border-2 border-teal-600 bg-white p-4 [&[data-folded=true]>:not(:first-child)]:hidden"
      data-testid="stage-panel"
      data-folded={folded}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id="stage-panel-title" className="text-lg font-semibold">
            {t(`panels.${ticket.stage}.title`)}
          </h2>
          <p className="text-sm text-slate-600">{t(`panels.${ticket.stage}.intro`)}</p>
        </div>
        <button
          type="button"
          aria-expanded={!folded}
          onClick={() => setFolded(!folded)}
          data-shortcut="stage-panel-toggle"
          className="shrink-0 rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-teal-600"
        >
          {folded ? t("panelShow") : t("panelHide")}
        </button>
      </div>
      <RecordSummary ticket={ticket} />
      {ticket.unmetGates.length > 0 && (
        <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="unmet-gates">
          <p className="font-medium">{t("stillNeeded")}</p>
          <ul className="ml-5 list-disc">
            {ticket.unmetGates.map((g) => (
              <li key={g}>{gates(g)}</li>
            ))}
          </ul>
        </div>
      )}
      {ticket.stage === "NEW" && <AcknowledgeForm ticket={ticket} draft={drafts.acknowledgement} />}
      {ticket.stage === "LISTEN" && <ListenForm ticket={ticket} />}
      {ticket.stage === "UNDERSTAND" && (
        <>
          <UnderstandForm ticket={ticket} />
          <ClarificationForm ticket={ticket} draft={drafts.clarification} />
        </>
      )}
      {ticket.stage === "RESOLVE" && <ResolveForm ticket={ticket} viewerRole={viewerRole} />}
      {ticket.stage === "APOLOGISE" && <ApologyForm ticket={ticket} draft={drafts.apology} viewerRole={viewerRole} />}
      {ticket.stage === "CLOSED" && <ClosedSummary ticket={ticket} />}
    </section>
  );
}
