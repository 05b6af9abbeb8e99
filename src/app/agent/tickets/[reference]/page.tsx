import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { templatesForWorkspace } from "@/features/templates/queries";
import { TicketWorkspaceView } from "@/features/tickets/components/ticket-workspace";
import { getTicketWorkspace } from "@/features/tickets/queries";
import { requireRoleForPage } from "@/server/auth/session";
import { ClientMessages } from "@/i18n/client-messages";
import { WORKSPACE_PAGE } from "@/i18n/client-namespaces";

export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }): Promise<Metadata> {
  return { title: (await params).reference };
}

export default async function TicketWorkspacePage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference } = await params;
  const staff = await requireRoleForPage("AGENT", `/agent/tickets/${encodeURIComponent(reference)}`);
  const ticket = await getTicketWorkspace(reference);
  if (!ticket) notFound();
  // Drafts in the customer's language, filled with what we know; the agent edits them before sending.
  const templates = await templatesForWorkspace(ticket, staff.name);
  return (
    <ClientMessages namespaces={WORKSPACE_PAGE}>
      <TicketWorkspaceView ticket={ticket} templates={templates} viewer={staff} />
    </ClientMessages>
  );
}
