import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { QueueKeyboard } from "@/features/queue/components/queue-keyboard";
import type { SearchResult } from "../queries";
import { SEARCH_SCOPES, type SearchScope } from "../schemas";
import { SEARCH_LIMIT } from "../search-sql";
import { SearchRows, type SearchRowView } from "./search-rows";

const UPDATED = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" } as const;

function scopeHref(q: string, scope: SearchScope): string {
  return `/agent/search?${new URLSearchParams({ q, scope }).toString()}`;
}

/** What was searched, in which tickets, and what was found — best match first, with why it matched. */
export async function SearchResults({ q, scope, results }: { q: string | undefined; scope: SearchScope; results: SearchResult[] | null }) {
  const t = await getTranslations("search");
  const stages = await getTranslations("stages");
  const format = await getFormatter();
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{q ? t("titleFor", { q }) : t("title")}</h1>
        <p className="text-sm text-slate-600" id="search-keys">
          {t("keys")}
        </p>
      </div>
      {q && (
        <nav aria-label={t("scope.label")} className="flex gap-2 text-sm">
          {SEARCH_SCOPES.map((s) => (
            <Link
              key={s}
              href={scopeHref(q, s)}
              aria-current={s === scope ? "page" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 hover:bg-slate-100 aria-[current=page]:border-teal-700 aria-[current=page]:bg-teal-700 aria-[current=page]:text-white"
            >
              {t(`scope.${s}`)}
            </Link>
          ))}
        </nav>
      )}
      {results === null ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("prompt")}</p>
      ) : results.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700" role="status">
          {scope === "all" ? t("none") : t("noneInScope")}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600" role="status">
            {results.length >= SEARCH_LIMIT ? t("limited", { count: results.length }) : t("shown", { count: results.length })}
          </p>
          <QueueKeyboard>
            <DataTable
              caption={t("caption")}
              captionHidden
              dense
              plainRows
              describedBy="search-keys"
              testId="search-results"
              columns={[t("columns.ticket"), t("columns.customer"), t("columns.stage"), t("columns.updated"), t("columns.match")]}
            >
              <SearchRows
                rows={results.map((row): SearchRowView => ({
                  id: row.id,
                  reference: row.reference,
                  subject: row.subject,
                  customer: row.customerName,
                  stage: stages(row.stage),
                  updated: { iso: row.updatedAt.toISOString(), text: format.dateTime(row.updatedAt, UPDATED) },
                  reason: t(`reason.${row.reason}`),
                }))}
              />
            </DataTable>
          </QueueKeyboard>
        </>
      )}
    </div>
  );
}
