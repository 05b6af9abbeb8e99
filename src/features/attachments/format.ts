// next-intl's format.number, or any formatter taking these options.
type FormatNumber = (
  value: number,
  options: { style: "unit"; unit: "kilobyte" | "megabyte"; unitDisplay: "short"; maximumFractionDigits?: number },
) => string;

/** "820 kB", "1.4 MB", in the reader's number format (binary multiples, as the limits are). */
export function formatFileSize(bytes: number, formatNumber: FormatNumber): string {
  if (bytes < 1024 * 1024) {
    return formatNumber(Math.max(1, Math.round(bytes / 1024)), { style: "unit", unit: "kilobyte", unitDisplay: "short" });
  }
  return formatNumber(bytes / (1024 * 1024), { style: "unit", unit: "megabyte", unitDisplay: "short", maximumFractionDigits: 1 });
}
