import { getTranslations } from "next-intl/server";
import { extensionRule } from "@/domain/regulation/clock";
import { REGIMES, type RegimeCode } from "@/domain/regulation/regimes";
import { regulatoryClockView } from "../view";
import { ExtensionForm } from "./extension-form";
import { RegulatoryDeadline } from "./regulatory-deadline";

/** The workspace's view of the regulatory clock: time left, breach, extensions and the extension form. */
export async function RegulatoryCard({
  ticket,
}: {
  ticket: {
    id: string;
    version: number;
    stage: string;
    regime: RegimeCode;
    paymentServices: boolean;
    regulatoryDueAt: Date | null;
    regulatoryWarnAt: Date | null;
    regulatoryPausedAt: Date | null;
    regulatoryBreachedAt: Date | null;
    regulatoryExtensions: number;
  };
}) {
  const clock = regulatoryClockView(ticket);
  if (!clock) return null;
  const t = await getTranslations("regulation");
  // The regime's rule for this complaint: OJK's extension, or FCA's holding reply for payment services.
  const rule = extensionRule(REGIMES[ticket.regime], { paymentServices: ticket.paymentServices });
  const canExtend = ticket.stage !== "CLOSED" && !clock.breached && rule && ticket.regulatoryExtensions < rule.max;
  return (
    <section aria-labelledby="regulatory-title" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="regulatory-title" className="font-semibold">
        {t("title")}
      </h2>
      <RegulatoryDeadline clock={clock} now={new Date()} />
      {clock.breached && <p className="font-semibold text-red-700">{t("breached")}</p>}
      {ticket.regulatoryExtensions > 0 && <p>{t("extendedTimes", { count: ticket.regulatoryExtensions })}</p>}
      {canExtend && <ExtensionForm ticketId={ticket.id} version={ticket.version} letterKind={rule.letterKind} />}
    </section>
  );
}
