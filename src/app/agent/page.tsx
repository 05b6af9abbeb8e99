import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { QueueView } from "@/features/queue/components/queue-view";
import { listAssignees, listQueue, listQueueCategories, listQueueTeams } from "@/features/queue/queries";
import { referenceSearch } from "@/features/queue/queue-sql";
import { parseQueueParams } from "@/features/queue/schemas";
import { loadFieldDefinitions } from "@/features/custom-fields/queries";
import { requireRoleForPage } from "@/server/auth/session";
import { ClientMessages } from "@/i18n/client-messages";
import { QUEUE_PAGE } from "@/i18n/client-namespaces";

export const metadata: Metadata = { title: "Queue" };

export default async function AgentQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireRoleForPage("AGENT", "/agent");
  const locale = await getLocale();
  const [categories, fields, teams] = await Promise.all([listQueueCategories(locale), loadFieldDefinitions(), listQueueTeams(locale)]);
  const { filter, cursor } = parseQueueParams(
    await searchParams,
    categories.map((c) => c.code),
    fields,
  );
  const now = new Date();
  const [page, assignees] = await Promise.all([listQueue(staff.id, filter, { now, cursor }), listAssignees()]);
  // A reference typed into the search box goes straight to that ticket (a redirect adds no history entry).
  const [only] = page.rows;
  if (referenceSearch(filter) !== null && only && page.rows.length === 1) redirect(`/agent/tickets/${only.reference}`);
  return (
    <ClientMessages namespaces={QUEUE_PAGE}>
      <QueueView filter={filter} categories={categories} fields={fields} teams={teams} page={page} staff={assignees} now={now} />
    </ClientMessages>
  );
}
