import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { getFormatter, getTranslations } from "next-intl/server";
import type { OutboxRow } from "../queries";
import { OutboxStatusBadge } from "./outbox-status";

export async function OutboxTable({ rows, selectedId }: { rows: OutboxRow[]; selectedId?: string }) {
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  if (rows.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("empty")}</p>;
  return (
    <DataTable
      caption={t("caption")}
      captionHidden
      dense
      columns={[
        t("columns.created"),
        t("columns.kind"),
        t("columns.recipient"),
        t("columns.subject"),
        t("columns.status"),
        { key: "attempts", label: t("columns.attempts"), numeric: true },
        t("columns.sent"),
      ]}
    >
      {rows.map((row) => (
        <tr
          key={row.id}
          className="border-t border-slate-100 align-top data-[selected=true]:bg-teal-50"
          data-selected={row.id === selectedId}
          data-testid="outbox-row"
        >
          <td className="whitespace-nowrap px-3 py-1.5">{time(row.createdAt)}</td>
          <td className="px-3 py-1.5">{t.has(`kinds.${row.kind}`) ? t(`kinds.${row.kind}`) : row.kind}</td>
          <td className="px-3 py-1.5">{row.recipient}</td>
          <td className="px-3 py-1.5">
            <Link
              href={`/agent/outbox?message=${row.id}`}
              className="text-teal-800 underline"
              aria-current={row.id === selectedId ? "true" : undefined}
            >
              {row.subject}
            </Link>
            {row.lastError && (
              <span className="mt-0.5 block max-w-md break-words text-xs text-red-700">
                {t("lastError")}: {row.lastError}
              </span>
            )}
          </td>
          <td className="whitespace-nowrap px-3 py-1.5">
            <OutboxStatusBadge status={row.status} />
            {row.status === "PENDING" && row.attempts > 0 && (
              <span className="block text-xs text-slate-600">{t("retryAt", { time: time(row.nextAttemptAt) })}</span>
            )}
          </td>
          <td className="px-3 py-1.5 text-right tabular-nums">{row.attempts}</td>
          <td className="whitespace-nowrap px-3 py-1.5">{row.sentAt ? time(row.sentAt) : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
