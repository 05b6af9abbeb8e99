// The bench's list options (`--levels 1000,10000`, `--instances 1,2,3`): one reading of a
// comma-separated list of whole numbers, so every mode refuses nonsense alike.

/** `text` as positive whole numbers (underscores allowed), ascending, each once; at most `max` each. */
export function parseCounts(flag: string, text: string, example: string, max = Number.MAX_SAFE_INTEGER): number[] {
  const values = text.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  if (values.length === 0 || values.some((n) => !Number.isInteger(n) || n <= 0 || n > max))
    throw new RangeError(
      `${flag} takes positive whole numbers${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ""} separated by commas, e.g. ${example} (got "${text}")`,
    );
  return [...new Set(values)].sort((a, b) => a - b);
}
