import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { DataTable } from "@/components/data-table";
import { inputClass } from "@/components/field";
import { isLocale, type Locale } from "@/i18n/locales";
import { auditSubject, isAuditAction } from "../audit-actions";
import type { listAuditEntries } from "../queries";
import { AUDIT_ENTITIES, type auditFilterSchema } from "../schemas";

type AuditFilter = z.infer<typeof auditFilterSchema>;
type AuditEntry = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];

function JsonCell({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-500">—</span>;
  // The row as stored: data, not text in any language ("zxx", no linguistic content), so a reader's
  // language tools (and our own language checks) leave it alone; the sentence beside it is the words.
  return (
    <pre lang="zxx" className="max-w-md overflow-x-auto whitespace-pre-wrap break-words font-mono text-xs">
      {JSON.stringify(value, null, 1)}
    </pre>
  );
}

/** The audit log's one filter, by the kind of thing changed, as a GET form so each view is a URL. */
export async function AuditFilterForm({ filter }: { filter: AuditFilter }) {
  const t = await getTranslations("admin");
  return (
    <form method="get" action="/admin/audit" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <label className="flex flex-col gap-1 font-medium">
        {t("audit.entity")}
        <select name="entity" defaultValue={filter.entity ?? ""} className={inputClass}>
          <option value="">{t("audit.allEntities")}</option>
          {AUDIT_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {t(`audit.entities.${e}`)}
            </option>
          ))}
        </select>
      </label>
      <div>
        <button
          type="submit"
          className="rounded-md bg-teal-700 px-5 py-2.5 font-semibold text-white shadow hover:bg-teal-800 focus:outline-none focus:ring-2 focus:ring-teal-600 focus:ring-offset-2"
        >
          {t("audit.filter")}
        </button>
      </div>
    </form>
  );
}

function field(entry: AuditEntry, name: string): string | null {
  for (const row of [entry.after, entry.before])
    if (row && typeof row === "object" && typeof (row as Record<string, unknown>)[name] === "string")
      return (row as Record<string, string>)[name]!;
  return null;
}

/** Who changed what and when, as a sentence in the reader's language, with the row before and after, newest first. */
export async function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  // The thing changed, named as the reader would name it; its id only when the row names nothing.
  const subject = (e: AuditEntry): string => {
    if (e.staffName) return e.staffName;
    if (e.entity === "AuthorityLimit" && t.has(`roles.${e.entityId}`)) return t(`roles.${e.entityId}`);
    const stage = field(e, "stage");
    if (e.entity === "SlaTarget" && stage && t.has(`stages.${stage}`)) return t(`stages.${stage}`);
    const kind = field(e, "kind");
    const language = field(e, "locale");
    if (e.entity === "MessageTemplate" && kind && t.has(`templateKinds.${kind}`))
      return t("audit.templateSubject", {
        kind: t(`templateKinds.${kind}`),
        language: isLocale(language) ? t(`locales.${language}`) : "—",
      });
    return auditSubject(e.before, e.after, locale) ?? e.entityId;
  };
  const sentence = (e: AuditEntry): string =>
    isAuditAction(e.action) ? t(`audit.actions.${e.action}`, { subject: subject(e) }) : t("audit.unknownAction", { action: e.action });
  return (
    <DataTable
      caption={t("audit.caption")}
      columns={[t("audit.when"), t("audit.who"), t("audit.what"), t("audit.before"), t("audit.after")]}
      empty={entries.length === 0 ? t("audit.empty") : undefined}
    >
      {entries.map((e) => (
        <tr key={e.id} className="border-t border-slate-100 align-top">
          <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
          <td className="px-3 py-2">{e.actorName ?? t("audit.system")}</td>
          <td className="px-3 py-2">
            <span data-testid="audit-sentence">{sentence(e)}</span>
            <br />
            <span className="text-slate-600">
              {(AUDIT_ENTITIES as readonly string[]).includes(e.entity) ? t(`audit.entities.${e.entity}`) : e.entity} ·{" "}
              <span className="font-mono text-xs">{e.entityId}</span>
            </span>
          </td>
          <td className="px-3 py-2">
            <JsonCell value={e.before} />
          </td>
          <td className="px-3 py-2">
            <JsonCell value={e.after} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Pages backwards by id, keeping the entity filter. */
export async function AuditPager({ filter, nextBefore }: { filter: AuditFilter; nextBefore: number | null }) {
  const t = await getTranslations("admin");
  const query = (extra: Record<string, string>) =>
    `/admin/audit?${new URLSearchParams({ ...(filter.entity ? { entity: filter.entity } : {}), ...extra }).toString()}`;
  return (
    <nav aria-label={t("audit.pages")} className="flex gap-4">
      {filter.before && (
        <Link href={query({})} className="text-teal-800 underline">
          {t("audit.newest")}
        </Link>
      )}
      {nextBefore && (
        <Link href={query({ before: String(nextBefore) })} className="text-teal-800 underline">
          {t("audit.older")}
        </Link>
      )}
    </nav>
  );
}
