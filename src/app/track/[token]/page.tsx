import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { listAttachmentsByTrackingToken } from "@/features/attachments/queries";
import { CustomerRegulated } from "@/features/regulated/components/customer-regulated";
import { MergedNotice } from "@/features/tracking/components/merged-notice";
import { TrackingView } from "@/features/tracking/components/tracking-view";
import { getTicketByTrackingToken, mergedTrackingLink } from "@/features/tracking/queries";
import { ClientMessages } from "@/i18n/client-messages";
import { TRACKING_PAGE } from "@/i18n/client-namespaces";

// The URL is the only key to the ticket: keep it out of search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function TrackPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // A duplicate merged into another complaint: its link carries on to the survivor's page.
  const merged = await mergedTrackingLink(token);
  if (merged?.kind === "follow") redirect(`/track/${merged.token}`);
  if (merged?.kind === "notice")
    return (
      <ClientMessages namespaces={TRACKING_PAGE}>
        <MergedNotice reference={merged.reference} />
      </ClientMessages>
    );
  const ticket = await getTicketByTrackingToken(token);
  if (!ticket) notFound();
  const attachments = await listAttachmentsByTrackingToken(token);
  return (
    <ClientMessages namespaces={TRACKING_PAGE}>
      <TrackingView token={token} ticket={ticket} attachments={attachments} regulated={<CustomerRegulated token={token} />} />
    </ClientMessages>
  );
}
