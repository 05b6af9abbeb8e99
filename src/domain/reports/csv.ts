// CSV as RFC 4180 writes it (CRLF between records, fields quoted when they hold a comma, a quote
// or a line break, quotes doubled), made safe to open in a spreadsheet: a cell a spreadsheet would
// read as a formula (=, +, -, @, or a leading tab or carriage return, which some strip first) gets a
// leading apostrophe, so it is shown as text and never evaluated. A plain number, negative ones
// included, is no formula and stays a number.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One cell's text as it is safe to hand to a spreadsheet. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Records to CSV text: one line per record, each ended by CRLF. */
export function encodeCsv(records: readonly (readonly string[])[]): string {
  return records.map((record) => `${record.map(field).join(",")}\r\n`).join("");
}

/**
 * CSV text back to records: the inverse of encodeCsv for everything but the formula guard (a guarded
 * cell comes back with its apostrophe). Quoted fields may hold commas, quotes and line breaks.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let value = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(value);
      value = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      // the \n ends the record on the next turn
    } else if (c === "\n") {
      record.push(value);
      records.push(record);
      record = [];
      value = "";
    } else value += c;
  }
  if (value !== "" || record.length > 0) {
    record.push(value);
    records.push(record);
  }
  return records;
}
