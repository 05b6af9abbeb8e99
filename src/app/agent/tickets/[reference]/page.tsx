import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Countdown } from "@/features/protocol/components/countdown";
import { ReplyBox } from "@/features/protocol/components/reply-box";
import { StagePanel } from "@/features/protocol/components/stage-panel";
import { TicketControls } from "@/features/protocol/components/ticket-controls";
import { CustomerCard } from "@/features/tickets/components/customer-card";
import { StageStepper } from "@/features/tickets/components/stage-stepper";
import { Timeline } from "@/features/tickets/components/timeline";
import { TicketDetails } from "@/features/tickets/components/ticket-details";
import { getTicketWorkspace } from "@/features/tickets/queries";
import { TemplatePicker } from "@/features/templates/components/template-picker";
import { templatesForTicket } from "@/features/templates/queries";
import { requireRoleForPage } from "@/server/auth/session";
import { nextReplyBy } from "@/features/tickets/next-reply";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }): Promise<Metadata> {
  return { title: (await params).reference };
}

export default async function TicketWorkspacePage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const staff = await requireRoleForPage("AGENT", `/agent/tickets/${encodeURIComponent(reference)}`);
  const ticket = await getTicketWorkspace(reference);
  if (!ticket) notFound();
  const t = await getTranslations("workspace");

  // Drafts in the customer's language, filled with what we know; the agent edits them before sending.
  const amount = ticket.resolutionAmount
    ? new Intl.NumberFormat(ticket.locale === "id" ? "id-ID" : "en-US", {
        style: "currency",
        currency: ticket.currency,
        maximumFractionDigits: 0,
      }).format(Number(ticket.resolutionAmount))
    : null;
  const templates = await templatesForTicket({
    categoryId: ticket.category.id,
    locale: ticket.locale,
    values: {
      customerName: ticket.customer.name,
      reference: ticket.reference,
      agentName: staff.name,
      resolution: ticket.resolutionOption
        ? ticket.locale === "id"
          ? ticket.resolutionOption.labelId
          : ticket.resolutionOption.labelEn
        : null,
      amount,
      replyBy: await nextReplyBy(ticket),
    },
  });
  const draft = (kind: string) => templates.find((x) => x.kind === kind)?.body ?? "";
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
          <StagePanel
            ticket={ticket}
            drafts={{ acknowledgement: draft("ACKNOWLEDGEMENT"), clarification: draft("CLARIFICATION"), apology: draft("APOLOGY") }}
          />
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
          <TicketControls ticket={ticket} viewerId={staff.id} viewerRole={staff.role} />
        </aside>
      </div>
    </div>
  );
}
