import { describe, expect, it } from "vitest";
import { letterKindAllowed, missingElements, requiredElements, type LetterDraft } from "./letter-check";
import { summaryResolutionLastDay, summaryResolutionOpen } from "./summary-resolution";

describe("requiredElements", () => {
  it("asks an OJK acknowledgement for the register number, date, product, officer and deadline (POJK 22/2023)", () => {
    expect(requiredElements("OJK", "ACKNOWLEDGEMENT", null)).toEqual(["reference", "receivedAt", "deadline", "product", "officer"]);
  });

  it("asks an FCA final response for the outcome, reasons, redress when upheld, FOS rights and the 6-month limit", () => {
    expect(requiredElements("FCA", "FINAL_RESPONSE", "UPHELD")).toEqual([
      "reference",
      "outcome",
      "reasons",
      "redress",
      "escalationRights",
      "timeLimit",
    ]);
    expect(requiredElements("FCA", "FINAL_RESPONSE", "NOT_UPHELD")).not.toContain("redress");
  });

  it("asks an OJK final response for LAPS SJK's rights, with no time limit the regulation sets", () => {
    const needed = requiredElements("OJK", "FINAL_RESPONSE", "PARTLY_UPHELD");
    expect(needed).toContain("escalationRights");
    expect(needed).toContain("redress");
    expect(needed).not.toContain("timeLimit");
  });

  it("asks nothing of an outside body where the regime has none", () => {
    expect(requiredElements("NONE", "FINAL_RESPONSE", "NOT_UPHELD")).toEqual(["reference", "outcome", "reasons"]);
    expect(requiredElements("NONE", "ACKNOWLEDGEMENT", null)).toEqual(["reference", "receivedAt"]);
  });

  it("asks an FCA holding reply for the reason for the delay, the date of the final response and FOS rights (DISP 1.6.2AR)", () => {
    expect(requiredElements("FCA", "HOLDING_REPLY", null)).toEqual(["reference", "reason", "newDeadline", "escalationRights"]);
  });

  it("asks an extension for its reason and new deadline", () => {
    expect(requiredElements("OJK", "EXTENSION", null)).toEqual(["reference", "reason", "newDeadline"]);
  });
});

describe("letterKindAllowed", () => {
  it("offers the summary resolution communication only under the FCA and the extension only where allowed", () => {
    expect(letterKindAllowed("FCA", "SUMMARY_RESOLUTION")).toBe(true);
    expect(letterKindAllowed("OJK", "SUMMARY_RESOLUTION")).toBe(false);
    expect(letterKindAllowed("OJK", "EXTENSION")).toBe(true);
    expect(letterKindAllowed("FCA", "EXTENSION")).toBe(false);
    expect(letterKindAllowed("ASIC", "EXTENSION")).toBe(false);
  });

  it("offers the holding reply only for an FCA complaint about payment services, in place of an extension", () => {
    expect(letterKindAllowed("FCA", "HOLDING_REPLY", { paymentServices: true })).toBe(true);
    expect(letterKindAllowed("FCA", "EXTENSION", { paymentServices: true })).toBe(false);
    expect(letterKindAllowed("FCA", "HOLDING_REPLY")).toBe(false);
    // Other regimes ignore the mark: OJK keeps its extension.
    expect(letterKindAllowed("OJK", "HOLDING_REPLY", { paymentServices: true })).toBe(false);
    expect(letterKindAllowed("OJK", "EXTENSION", { paymentServices: true })).toBe(true);
  });
});

describe("missingElements", () => {
  const draft = (content: string, elements: LetterDraft["elements"]): LetterDraft => ({
    regime: "OJK",
    kind: "EXTENSION",
    outcome: null,
    content,
    elements,
  });

  it("finds an element with no words", () => {
    expect(missingElements(draft("TGP-000001 because x", { reference: "TGP-000001", reason: "because x", newDeadline: "" }))).toEqual([
      "newDeadline",
    ]);
  });

  it("finds an element whose words are not in the text that would be sent", () => {
    expect(
      missingElements(draft("TGP-000001 because x", { reference: "TGP-000001", reason: "because x", newDeadline: "by 28 December" })),
    ).toEqual(["newDeadline"]);
  });

  it("passes a letter that says everything", () => {
    const text = "TGP-000001 because x by 28 December";
    expect(missingElements(draft(text, { reference: "TGP-000001", reason: "because x", newDeadline: "by 28 December" }))).toEqual([]);
  });
});

describe("summary resolution window (FCA DISP 1.5.2)", () => {
  it("ends with the third business day after receipt, skipping the weekend", () => {
    // Received Thursday 3 December 2026: Fri 4, Mon 7, Tue 8.
    expect(summaryResolutionLastDay(new Date("2026-12-03T10:00:00Z"), "Europe/London")).toBe("2026-12-08");
    expect(summaryResolutionOpen(new Date("2026-12-03T10:00:00Z"), new Date("2026-12-08T23:30:00Z"), "Europe/London")).toBe(true);
    expect(summaryResolutionOpen(new Date("2026-12-03T10:00:00Z"), new Date("2026-12-09T00:00:01Z"), "Europe/London")).toBe(false);
  });

  it("skips a holiday it is given", () => {
    // Received Wednesday 23 December 2026: Thu 24, (Fri 25 and Mon 28 holidays), Tue 29, Wed 30.
    expect(summaryResolutionLastDay(new Date("2026-12-23T10:00:00Z"), "Europe/London", new Set(["2026-12-25", "2026-12-28"]))).toBe(
      "2026-12-30",
    );
  });
});
