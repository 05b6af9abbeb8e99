import { formatCell } from "@/domain/reports/format";
import { plainValue, type CellValue, type ReportColumn, type ReportTable } from "@/domain/reports/table";

const NUMERIC = new Set<ReportColumn["kind"]>(["count", "change", "percent", "hours", "rating", "money"]);

/**
 * A report's table, the accessible source of every figure on the page. Each cell keeps its plain
 * value in data-value — exactly what the CSV export holds — beside the text formatted for the reader.
 */
export function ReportTableView({ table, caption, locale, empty }: { table: ReportTable; caption: string; locale: string; empty: string }) {
  if (table.rows.length === 0)
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700" data-testid={`report-${table.id}-empty`}>
        {empty}
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid={`report-${table.id}-table`}>
        <caption className="px-3 py-2 text-left text-sm font-medium text-slate-700">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`px-3 py-1.5 ${NUMERIC.has(c.kind) ? "text-right" : ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr
              key={row.key}
              className={`border-t border-slate-100 align-top ${row.total ? "bg-slate-50 font-semibold" : ""}`}
              data-testid="report-row"
            >
              {row.cells.map((cell, i) => {
                const column = table.columns[i]!;
                const content = <Cell kind={column.kind} value={cell} locale={locale} currency={row.currency} />;
                const className = `px-3 py-1.5 ${NUMERIC.has(column.kind) ? "whitespace-nowrap text-right tabular-nums" : ""}`;
                return i === 0 ? (
                  <th key={column.key} scope="row" className={`${className} font-medium`} data-value={plainValue(cell)}>
                    {content}
                  </th>
                ) : (
                  <td key={column.key} className={className} data-value={plainValue(cell)}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ kind, value, locale, currency }: { kind: ReportColumn["kind"]; value: CellValue; locale: string; currency?: string }) {
  if (kind === "list" && Array.isArray(value)) {
    if (value.length === 0) return <span className="text-slate-500">—</span>;
    return (
      <ul className="list-disc space-y-0.5 pl-4">
        {value.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  }
  const text = formatCell(kind, value, locale, currency);
  return value === null ? <span className="text-slate-500">{text}</span> : <>{text}</>;
}
