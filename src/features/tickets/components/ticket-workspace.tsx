import { getTranslations } from "next-intl/server";
import type { RenderedTemplate } from "@/domain/templates";
import type { Role } from "@/domain/roles";
import { Countdown } from "@/features/protocol/components/countdown";
import { EscalationCard } from "@/features/protocol/components/escalation-card";
import { ReplyBox } from "@/features/protocol/components/reply-box";
import { StagePanel } from "@/features/protocol/components/stage-panel";
import { TicketControls } from "@/features/protocol/components/ticket-controls";
import { TemplatePicker } from "@/features/templates/components/template-picker";
import { stageDrafts } from "@/features/templates/ticket-values";
import type { TicketWorkspace } from "../queries";
import { CustomerCard } from "./customer-card";
import { CustomFieldsCard } from "@/features/custom-fields/components/custom-fields-card";
import { StageStepper } from "./stage-stepper";
import { TicketDetails } from "./ticket-details";
import { TicketTools } from "./ticket-tools";
import { Timeline } from "./timeline";

/**
 * The agent's workspace for one ticket: where it stands and how long is left, the stage's own form
 * with a draft in the customer's language, the reply box and the timeline; the customer and the
 * ticket's controls beside them.
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
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-2">
        <p className="font-mono text-sm text-slate-600" data-testid="reference">
          {ticket.reference}
        </p>
        <h1 className="text-2xl font-bold">{ticket.subject}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <StageStepper stage={ticket.stage} />
          <Countdown
            dueAt={ticket.stageDueAt?.toISOString() ?? null}
            atRiskAt={ticket.stageAtRiskAt?.toISOString() ?? null}
            paused={ticket.waitingOnCustomer}
            renderedAt={new Date().toISOString()}
          />
        </div>
      </header>
      <div className="grid gap-5 lg:grid-cols-[1fr_20rem]">
        <div className="flex min-w-0 flex-col gap-5">
          <TicketDetails ticket={ticket} />
          <EscalationCard ticket={ticket} viewerRole={viewer.role} />
          <StagePanel ticket={ticket} drafts={stageDrafts(templates)} viewerRole={viewer.role} />
          <ReplyBox
            ticketId={ticket.id}
            version={ticket.version}
            locale={ticket.locale}
            templatePicker={
              <TemplatePicker templates={templates} targetId="reply-body" label={t("insertTemplate")} kindLabels={kindLabels} />
            }
          />
          <Timeline ticket={ticket} />
        </div>
        <aside className="flex flex-col gap-4">
          <CustomerCard ticket={ticket} />
          <CustomFieldsCard ticket={ticket} />
          <TicketControls ticket={ticket} viewerId={viewer.id} viewerRole={viewer.role} />
          <TicketTools ticket={ticket} viewer={viewer} />
        </aside>
      </div>
    </div>
  );
}
