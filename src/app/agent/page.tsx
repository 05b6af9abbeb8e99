import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { QueueFilters, QUEUE_SEARCH_ID } from "@/features/queue/components/queue-filters";
import { QueueKeyboard } from "@/features/queue/components/queue-keyboard";
import { QueuePagination } from "@/features/queue/components/queue-pagination";
import { QueueTable } from "@/features/queue/components/queue-table";
import { listQueue, listQueueCategories } from "@/features/queue/queries";
import { referenceSearch } from "@/features/queue/queue-sql";
import { isFiltered, parseQueueParams } from "@/features/queue/schemas";
import { requireRoleForPage } from "@/server/auth/session";

export const metadata: Metadata = { title: "Queue" };

export default async function AgentQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireRoleForPage("AGENT", "/agent");
  const t = await getTranslations("queue");
  const categories = await listQueueCategories(await getLocale());
  const { filter, cursor } = parseQueueParams(
    await searchParams,
    categories.map((c) => c.code),
  );
  const now = new Date();
  const page = await listQueue(staff.id, filter, { now, cursor });
  // A reference typed into the search box goes straight to that ticket (a redirect adds no history entry).
  const [only] = page.rows;
  if (referenceSearch(filter) !== null && only && page.rows.length === 1) redirect(`/agent/tickets/${only.reference}`);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600" id="queue-keys">
          {t("keys")}
        </p>
      </div>
      <QueueFilters filter={filter} categories={categories} />
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-slate-600">{page.rows.length > 0 && t("shown", { count: page.rows.length })}</p>
        <QueuePagination filter={filter} next={page.next} prev={page.prev} />
      </div>
      <QueueKeyboard searchId={QUEUE_SEARCH_ID}>
        <QueueTable rows={page.rows} now={now} empty={isFiltered(filter) ? t("noMatches") : undefined} describedBy="queue-keys" />
      </QueueKeyboard>
      <QueuePagination filter={filter} next={page.next} prev={page.prev} />
    </div>
  );
}
