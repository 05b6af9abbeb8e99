/** A SQL string literal: single quotes doubled, nothing else needs escaping with standard_conforming_strings. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A parenthesised SQL text[] literal of the values, to index as `(ARRAY[...])[i]` (1-based). */
export function sqlArray(values: readonly string[]): string {
  if (values.length === 0) throw new RangeError("an empty array cannot be indexed");
  return `(ARRAY[${values.map(sqlString).join(", ")}]::text[])`;
}
