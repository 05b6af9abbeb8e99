import type { CellKind, CellValue } from "./table";

// How a report cell reads on the page, in the reader's language. Money is shown in its own
// currency; rupiah have no minor unit in practice, so they are shown without decimals.

const NO_DECIMALS = new Set(["IDR"]);

// Making an Intl.NumberFormat costs far more than formatting with one, and a reports page formats
// hundreds of cells with a handful of formats: a CPU profile of the page under load put a tenth of
// the server's busy time in making them. Each format is made once per process and kept; there are
// few (locales × kinds × currencies).
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, locale: string, options: () => Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, options());
    formats.set(id, format);
  }
  return format;
}

export function formatMoney(amount: string | number, currency: string, locale: string): string {
  const digits = NO_DECIMALS.has(currency) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
  return numberFormat(`money|${currency}`, locale, () => ({ style: "currency", currency, ...digits })).format(Number(amount));
}

export function formatCell(kind: CellKind, value: CellValue, locale: string, currency?: string): string {
  if (value === null) return "—";
  if (typeof value !== "number" && typeof value !== "string") return value.join("\n");
  if (kind === "money") return currency ? formatMoney(value, currency, locale) : String(value);
  if (typeof value === "string") return value;
  switch (kind) {
    case "count":
      return numberFormat(kind, locale, () => ({ maximumFractionDigits: 0 })).format(value);
    case "change":
      return numberFormat(kind, locale, () => ({ maximumFractionDigits: 0, signDisplay: "exceptZero" })).format(value);
    case "percent":
      return numberFormat(kind, locale, () => ({ style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(
        value / 100,
      );
    case "hours":
      return numberFormat(kind, locale, () => ({
        style: "unit",
        unit: "hour",
        unitDisplay: "long",
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      })).format(value);
    case "rating":
      return numberFormat(kind, locale, () => ({ minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(value);
    default:
      return String(value);
  }
}
