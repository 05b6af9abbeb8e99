import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listAttachmentsByTrackingToken } from "@/features/attachments/queries";
import { TrackingView } from "@/features/tracking/components/tracking-view";
import { getTicketByTrackingToken } from "@/features/tracking/queries";

// The URL is the only key to the ticket: keep it out of search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function TrackPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ticket = await getTicketByTrackingToken(token);
  if (!ticket) notFound();
  const attachments = await listAttachmentsByTrackingToken(token);
  return <TrackingView token={token} ticket={ticket} attachments={attachments} />;
}
