import { describe, expect, it } from "vitest";
import { missingElements, type LetterKind, type LetterOutcome } from "@/domain/regulation/letter-check";
import type { RegimeCode } from "@/domain/regulation/regimes";
import { composeLetter, letterDate, type LetterFacts } from "./compose";

// The letter check on the letters Tanggap really writes, per regime and language.

const base = (over: Partial<LetterFacts>): LetterFacts => ({
  kind: "ACKNOWLEDGEMENT",
  regime: "OJK",
  locale: "id",
  reference: "TGP-000042",
  customerName: "Siti Rahayu",
  receivedAt: new Date("2026-12-01T03:00:00Z"),
  product: "Masalah pembayaran",
  officer: "Dewi",
  dueAt: new Date("2026-12-15T16:59:59Z"),
  outcome: null,
  redress: [],
  sentAt: new Date("2026-12-01T04:00:00Z"),
  ...over,
});

const check = (facts: LetterFacts) => {
  const letter = composeLetter(facts);
  return { letter, missing: missingElements({ regime: facts.regime, kind: facts.kind, outcome: facts.outcome, ...letter }) };
};

describe.each(["en", "id"] as const)("letters in %s", (locale) => {
  it("an OJK acknowledgement states the register number, date, product, officer and deadline", () => {
    const { letter, missing } = check(base({ locale }));
    expect(missing).toEqual([]);
    expect(letter.content).toContain("TGP-000042");
    expect(letter.content).toContain(letterDate(new Date("2026-12-15T16:59:59Z"), locale, "OJK"));
    expect(letter.content).toContain("Dewi");
  });

  it("an acknowledgement without a regulatory deadline is refused for lacking it", () => {
    expect(check(base({ locale, dueAt: null })).missing).toEqual(["deadline"]);
  });

  it("an OJK acknowledgement with no officer named is refused for lacking the handling officer", () => {
    expect(check(base({ locale, officer: " " })).missing).toEqual(["officer"]);
  });

  it.each([
    ["OJK", "UPHELD", []],
    ["OJK", "NOT_UPHELD", []],
    ["FCA", "UPHELD", []],
    ["ASIC", "PARTLY_UPHELD", []],
    ["BI", "NOT_UPHELD", []],
  ] as [RegimeCode, LetterOutcome, string[]][])("a %s final response (%s) with reasons and redress passes", (regime, outcome, expected) => {
    const { letter, missing } = check(
      base({
        locale,
        regime,
        kind: "FINAL_RESPONSE",
        outcome,
        reasons: "the second charge was our error",
        redress: [{ kind: "REFUND", goodwill: false, amount: "250000", currency: "IDR", paidAt: new Date("2026-12-05T00:00:00Z") }],
      }),
    );
    expect(missing).toEqual(expected);
    expect(letter.content).toContain("the second charge was our error");
  });

  it("a final response without an outcome, reasons or redress names each", () => {
    expect(check(base({ locale, kind: "FINAL_RESPONSE", outcome: null })).missing).toEqual(["outcome", "reasons"]);
    expect(check(base({ locale, kind: "FINAL_RESPONSE", outcome: "UPHELD", reasons: "ours" })).missing).toEqual(["redress"]);
  });

  it("goodwill alone is not redress for an upheld complaint", () => {
    const goodwill = [{ kind: "OTHER", goodwill: true, amount: "50000", currency: "IDR", paidAt: null }];
    expect(check(base({ locale, kind: "FINAL_RESPONSE", outcome: "UPHELD", reasons: "ours", redress: goodwill })).missing).toEqual([
      "redress",
    ]);
  });

  it("an FCA final response carries the Financial Ombudsman Service and the six-month limit", () => {
    const { letter } = check(base({ locale, regime: "FCA", kind: "FINAL_RESPONSE", outcome: "NOT_UPHELD", reasons: "no error" }));
    expect(letter.content).toContain("Financial Ombudsman Service");
    expect(letter.content).toMatch(/6/);
  });

  it("an OJK final response names LAPS SJK", () => {
    const { letter } = check(base({ locale, kind: "FINAL_RESPONSE", outcome: "NOT_UPHELD", reasons: "no error" }));
    expect(letter.content).toContain("LAPS SJK");
  });

  it("an extension needs its reason and new deadline", () => {
    const kind: LetterKind = "EXTENSION";
    expect(check(base({ locale, kind })).missing).toEqual(["reason", "newDeadline"]);
    expect(
      check(base({ locale, kind, reason: "we await the bank's records", newDueAt: new Date("2026-12-29T16:59:59Z") })).missing,
    ).toEqual([]);
  });

  it("an FCA holding reply states the reason for the delay, the date of the final response and the Ombudsman's rights", () => {
    const kind: LetterKind = "HOLDING_REPLY";
    expect(check(base({ locale, regime: "FCA", kind })).missing).toEqual(["reason", "newDeadline"]);
    const newDueAt = new Date("2027-02-08T23:59:59.999Z");
    const { letter, missing } = check(
      base({ locale, regime: "FCA", kind, reason: "the card scheme's chargeback records are due", newDueAt }),
    );
    expect(missing).toEqual([]);
    expect(letter.content).toContain("the card scheme's chargeback records are due");
    expect(letter.content).toContain(letterDate(newDueAt, locale, "FCA"));
    expect(letter.content).toContain(locale === "id" ? "8 Februari 2027" : "8 February 2027");
    expect(letter.content).toContain("Financial Ombudsman Service");
    expect(letter.content).toContain(locale === "id" ? "15 hari kerja" : "15 business days");
    // Without the Ombudsman's rights in the text, the check names them.
    const stripped = { ...letter, content: letter.content.replace(letter.elements.escalationRights!, "") };
    expect(missingElements({ regime: "FCA", kind, outcome: null, ...stripped })).toEqual(["escalationRights"]);
  });

  it("an FCA summary resolution needs what resolved it", () => {
    expect(check(base({ locale, regime: "FCA", kind: "SUMMARY_RESOLUTION" })).missing).toEqual(["resolution"]);
    expect(check(base({ locale, regime: "FCA", kind: "SUMMARY_RESOLUTION", resolution: "we refunded the fee" })).missing).toEqual([]);
  });
});
