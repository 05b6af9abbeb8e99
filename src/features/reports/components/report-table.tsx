import { DataTable } from "@/components/data-table";
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
    <DataTable
      caption={caption}
      testId={`report-${table.id}-table`}
      className="report-table"
      dense
      plainRows
      columns={table.columns.map((c) => ({ key: c.key, label: c.label, numeric: NUMERIC.has(c.kind) }))}
    >
      {/* Cells are styled by the plain-rows and report-table rules in globals.css. */}
      {table.rows.map((row) => (
        <tr key={row.key} className={row.total ? "total" : undefined}>
          {row.cells.map((cell, i) => {
            const column = table.columns[i]!;
            const content = <Cell kind={column.kind} value={cell} locale={locale} currency={row.currency} />;
            const className = NUMERIC.has(column.kind) ? "num" : undefined;
            return i === 0 ? (
              <th key={column.key} scope="row" className={className} data-value={plainValue(cell)}>
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
    </DataTable>
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
