import { getTranslations } from "next-intl/server";
import type { CustomFieldDefinition } from "@/domain/custom-fields";
import type { QueueCategory, QueuePage } from "../queries";
import { isFiltered, queueQueryString, type QueueFilter } from "../schemas";
import { QueueBulk } from "./queue-bulk";
import { QueueFilters } from "./queue-filters";
import { QueueKeyboard } from "./queue-keyboard";
import { QueuePagination } from "./queue-pagination";
import { QueueTable } from "./queue-table";

/** The agent's queue: its filters, one page of tickets nearest deadline first, and paging both above and below. */
export async function QueueView({
  filter,
  categories,
  fields = [],
  teams,
  page,
  staff,
  now,
}: {
  filter: QueueFilter;
  categories: QueueCategory[];
  /** The custom fields the queue can filter by. */
  fields?: readonly CustomFieldDefinition[];
  teams: { id: string; name: string }[];
  page: QueuePage;
  /** Whom the selected tickets can be assigned to. */
  staff: { id: string; name: string }[];
  now: Date;
}) {
  const t = await getTranslations("queue");
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-600" id="queue-keys">
          {t("keys")}
        </p>
      </div>
      <QueueFilters filter={filter} categories={categories} fields={fields} teams={teams} staff={staff} />
      <div className="flex items-center justify-between gap-2">
        <p className="flex gap-3 text-sm text-slate-600">
          {page.rows.length > 0 && <span>{t("shown", { count: page.rows.length })}</span>}
          {/* The whole filtered queue, custom fields included; a download, so a plain link. */}
          <a href={`/agent/export${queueQueryString(filter)}`} className="text-teal-800 underline" download>
            {t("exportCsv")}
          </a>
        </p>
        <QueuePagination filter={filter} next={page.next} prev={page.prev} />
      </div>
      {page.rows.length > 0 && <QueueBulk staff={staff} />}
      <QueueKeyboard>
        <QueueTable rows={page.rows} now={now} empty={isFiltered(filter) ? t("noMatches") : undefined} describedBy="queue-keys" />
      </QueueKeyboard>
      <QueuePagination filter={filter} next={page.next} prev={page.prev} />
    </div>
  );
}
