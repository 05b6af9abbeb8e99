import type { ReactNode } from "react";

/** A column heading: plain text, or a heading that is read but not shown, or one for figures (right-aligned). */
export type DataColumn =
  | string
  | {
      key: string;
      label: ReactNode;
      /** Read by screen readers only, for a column of checkboxes or row links. */
      hidden?: boolean;
      numeric?: boolean;
      className?: string;
    };

/**
 * The table every list in the staff pages uses: a caption for screen readers and sighted alike (or a
 * heading above it that names it), column headers, and one line that says so when there is nothing to
 * list. Rows are the caller's, so a row keeps its own test ids, selection state and keyboard hooks.
 */
export function DataTable({
  caption,
  captionHidden = false,
  heading,
  labelledBy,
  describedBy,
  columns,
  empty,
  dense = false,
  plainRows = false,
  testId,
  className,
  children,
}: {
  /** The table's name; required unless `labelledBy` points at a heading that names it. */
  caption?: string;
  captionHidden?: boolean;
  /** Shown above the table inside its frame, e.g. an h2 whose id is `labelledBy`. */
  heading?: ReactNode;
  labelledBy?: string;
  describedBy?: string;
  columns: readonly DataColumn[];
  empty?: string;
  /** Tighter rows for long working lists (the queue, the outbox). */
  dense?: boolean;
  /**
   * The table rules its body rows and pads its cells itself (the plain-rows rules of globals.css), so
   * the caller's rows and cells need no class strings: for long lists (the queue, search, the board,
   * reports), where a class per cell is most of the page's weight, sent twice (HTML and RSC payload).
   */
  plainRows?: boolean;
  testId?: string;
  /** More classes for the table element, e.g. one that styles its cells from a stylesheet. */
  className?: string;
  children: ReactNode;
}) {
  const padding = dense ? "px-3 py-1.5" : "px-3 py-2";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      {heading}
      <table
        className={["w-full text-left text-sm", plainRows && (dense ? "plain-rows dense" : "plain-rows"), className]
          .filter(Boolean)
          .join(" ")}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        data-testid={testId}
      >
        {caption && <caption className={captionHidden ? "sr-only" : "p-3 text-left font-semibold"}>{caption}</caption>}
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {columns.map((column) =>
              typeof column === "string" ? (
                <th key={column} scope="col" className={padding}>
                  {column}
                </th>
              ) : (
                <th
                  key={column.key}
                  scope="col"
                  className={`${padding} ${column.numeric ? "text-right" : ""} ${column.className ?? ""}`.trim()}
                >
                  {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {empty && (
            <tr>
              <td colSpan={columns.length} className="px-3 py-3 text-slate-600">
                {empty}
              </td>
            </tr>
          )}
          {children}
        </tbody>
      </table>
    </div>
  );
}
