import type { CellKind, CellValue } from "./table";

// How a report cell reads on the page, in the reader's language. Money is shown in its own
// currency; rupiah have no minor unit in practice, so they are shown without decimals.

const NO_DECIMALS = new Set(["IDR"]);

export function formatMoney(amount: string | number, currency: string, locale: string): string {
  const digits = NO_DECIMALS.has(currency) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
  return new Intl.NumberFormat(locale, { style: "currency", currency, ...digits }).format(Number(amount));
}

export function formatCell(kind: CellKind, value: CellValue, locale: string, currency?: string): string {
  if (value === null) return "—";
  if (typeof value !== "number" && typeof value !== "string") return value.join("\n");
  if (kind === "money") return currency ? formatMoney(value, currency, locale) : String(value);
  if (typeof value === "string") return value;
  switch (kind) {
    case "count":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case "change":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(value);
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / 100);
    case "hours":
      return new Intl.NumberFormat(locale, {
        style: "unit",
        unit: "hour",
        unitDisplay: "long",
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value);
    case "rating":
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    default:
      return String(value);
  }
}
