import { getTranslations } from "next-intl/server";
import type { RenderedTemplate } from "@/domain/templates";
import type { Role } from "@/domain/roles";
import { Countdown } from "@/features/protocol/components/countdown";
import { EscalationCard } from "@/features/protocol/components/escalation-card";
import { VulnerabilityCard } from "@/features/protocol/components/vulnerability-card";
import { ReplyBox } from "@/features/protocol/components/reply-box";
import { StagePanel } from "@/features/protocol/components/stage-panel";
import { TicketControls } from "@/features/protocol/components/ticket-controls";
import { TemplatePicker } from "@/features/templates/components/template-picker";
import { RegulatedPanel } from "@/features/regulated/components/regulated-panel";
import { stageDrafts } from "@/features/templates/ticket-values";
import type { TicketWorkspace } from "../queries";
import { CustomerCard } from "./customer-card";
import { RegulatoryCard } from "@/features/regulation/components/regulatory-card";
import { CustomFieldsCard } from "@/features/custom-fields/components/custom-fields-card";
import { StageStepper } from "./stage-stepper";
import { TicketDetails } from "./ticket-details";
import { TicketTools } from "./ticket-tools";
import { Timeline } from "./timeline";
import { REPLY_BODY_ID, WorkspaceKeyboard } from "./workspace-keyboard";

/**
 * The agent's workspace for one ticket, laid out for speed. Three zones, side by side on a wide
 * screen: the conversation first (the complaint, the reply box, then the timeline newest first, so
 * the box sits by the latest message); the current stage's panel (its gate's form, foldable); and
 * the customer and the ticket's controls. On a narrower screen the stage panel goes under the
 * conversation. Keys for the common moves are listed behind `?`.
 */
export async function TicketWorkspaceView({
  ticket,
  templates,
  viewer,
}: {
  ticket: TicketWorkspace;
  templates: RenderedTemplate[];
  viewer: { id: string; role: Role };
}) {
  const t = await getTranslations("workspace");
  const kindLabels = {
    ACKNOWLEDGEMENT: t("templateKinds.ACKNOWLEDGEMENT"),
    CLARIFICATION: t("templateKinds.CLARIFICATION"),
    APOLOGY: t("templateKinds.APOLOGY"),
    RESOLUTION: t("templateKinds.RESOLUTION"),
    SURVEY: t("templateKinds.SURVEY"),
  };
  return (
    <div className="flex flex-col gap-4" data-wide-page data-workspace>
      <header className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <div className="min-w-0">
          <p className="font-mono text-sm text-slate-600" data-testid="reference">
            {ticket.reference}
          </p>
          <h1 className="text-xl font-bold">{ticket.subject}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <StageStepper stage={ticket.stage} />
          <Countdown
            dueAt={ticket.stageDueAt?.toISOString() ?? null}
            atRiskAt={ticket.stageAtRiskAt?.toISOString() ?? null}
            paused={ticket.waitingOnCustomer}
            renderedAt={new Date().toISOString()}
          />
          <WorkspaceKeyboard queueHref="/agent" />
        </div>
      </header>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_minmax(0,32rem)_18rem]">
        {/* The conversation. */}
        <div className="flex min-w-0 flex-col gap-4">
          <TicketDetails ticket={ticket} />
          <ReplyBox
            ticketId={ticket.id}
            version={ticket.version}
            locale={ticket.locale}
            templatePicker={
              <TemplatePicker templates={templates} targetId={REPLY_BODY_ID} label={t("insertTemplate")} kindLabels={kindLabels} />
            }
          />
          <Timeline ticket={ticket} />
        </div>
        {/* The stage's work. */}
        <div className="flex min-w-0 flex-col gap-4 lg:col-start-1 xl:col-start-2 xl:row-start-1">
          <EscalationCard ticket={ticket} viewerRole={viewer.role} />
          <StagePanel ticket={ticket} drafts={stageDrafts(templates)} viewerRole={viewer.role} viewerId={viewer.id} />
          <RegulatedPanel ticket={ticket} templates={templates} kindLabels={kindLabels} />
        </div>
        {/* Who it is for and the ticket's controls. */}
        <aside className="flex flex-col gap-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 xl:col-start-3 xl:row-span-1">
          <RegulatoryCard ticket={ticket} />
          <CustomerCard ticket={ticket} />
          <VulnerabilityCard ticket={ticket} />
          <CustomFieldsCard ticket={ticket} />
          <TicketControls ticket={ticket} viewerId={viewer.id} viewerRole={viewer.role} />
          <TicketTools ticket={ticket} viewer={viewer} />
        </aside>
      </div>
    </div>
  );
}
