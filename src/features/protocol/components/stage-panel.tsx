"use client";

import { useTranslations } from "next-intl";
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

/** The current stage's gate, asking for exactly what it needs and nothing more, under what earlier stages recorded. */
export function StagePanel({ ticket, drafts, viewerRole }: { ticket: TicketWorkspace; drafts: Drafts; viewerRole: string }) {
  const t = useTranslations("workspace");
  const gates = useTranslations("protocol.gates");
  return (
    <section
      aria-labelledby="stage-panel-title"
      className="flex flex-col gap-4 rounded-lg border-2 border-teal-600 bg-white p-5"
      data-testid="stage-panel"
    >
      <div>
        <h2 id="stage-panel-title" className="text-lg font-semibold">
          {t(`panels.${ticket.stage}.title`)}
        </h2>
        <p className="text-sm text-slate-600">{t(`panels.${ticket.stage}.intro`)}</p>
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
