import { describe, expect, it } from "vitest";
import { encodeCsv, neutraliseFormula, parseCsv } from "./csv";

describe("encodeCsv", () => {
  it("separates fields with commas and ends every record with CRLF", () => {
    expect(
      encodeCsv([
        ["Stage", "Met"],
        ["Listen", "4"],
      ]),
    ).toBe("Stage,Met\r\nListen,4\r\n");
  });

  it("quotes fields holding a comma, a quote or a line break, doubling the quotes", () => {
    expect(encodeCsv([["a,b", 'say "hi"', "one\ntwo", "cr\rhere", "plain"]])).toBe('"a,b","say ""hi""","one\ntwo","cr\rhere",plain\r\n');
  });

  it("keeps empty fields and empty records", () => {
    expect(encodeCsv([["", "x", ""], []])).toBe(",x,\r\n\r\n");
  });

  it("writes nothing for no records", () => {
    expect(encodeCsv([])).toBe("");
  });

  it("defuses cells a spreadsheet would run as a formula with a leading apostrophe", () => {
    expect(encodeCsv([['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "ok = fine"]])).toBe(
      `"'=HYPERLINK(""http://x"")",'+1+2,'-2+3,'@SUM(A1),'\tTAB,ok = fine\r\n`,
    );
  });

  it("quotes a defused cell that also holds a comma", () => {
    expect(encodeCsv([["=1,2"]])).toBe(`"'=1,2"\r\n`);
  });

  it("leaves plain numbers alone, negative ones included", () => {
    expect(["-2", "-0.5", "42", "650000.50"].map(neutraliseFormula)).toEqual(["-2", "-0.5", "42", "650000.50"]);
    expect(["-", "-1e5", "+5", "--1"].map(neutraliseFormula)).toEqual(["'-", "'-1e5", "'+5", "'--1"]);
  });
});

describe("parseCsv", () => {
  it("reads back what encodeCsv wrote, quotes, commas and line breaks included", () => {
    const records = [
      ["Kategori", "Tindakan pencegahan terbaru"],
      ["Pengembalian produk", 'Cek stok "blender"\nSebelum kirim, selalu'],
      ["", "-2"],
    ];
    expect(parseCsv(encodeCsv(records))).toEqual(records);
  });

  it("skips a byte-order mark and keeps a defused cell's apostrophe", () => {
    expect(parseCsv(`\uFEFF${encodeCsv([["=1+1", "x"]])}`)).toEqual([["'=1+1", "x"]]);
  });

  it("reads a last record without a line ending", () => {
    expect(parseCsv("a,b\r\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });
});
