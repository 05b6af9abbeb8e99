import { describe, expect, it } from "vitest";
import { initialProtocolState, type ProtocolState } from "./protocol";
import { reopenReset } from "./reopen";
import { STAGES } from "./stages";

const closed: ProtocolState = {
  ...initialProtocolState("A refund"),
  stage: "CLOSED",
  acknowledged: true,
  factsWhat: "Charged twice",
  restatement: "You were charged twice",
  rootCause: "OUR_ERROR",
  resolutionChosen: true,
  approval: "APPROVED",
  apologySent: true,
};

describe("reopening a closed complaint", () => {
  it("sends it back to UNDERSTAND with the answer, the apology and the closing cleared", () => {
    expect(reopenReset(closed)).toEqual({
      ok: true,
      reset: {
        stage: "UNDERSTAND",
        closedAt: null,
        apologySentAt: null,
        resolutionOptionId: null,
        resolutionAmount: null,
        resolutionNote: null,
      },
    });
  });

  it("keeps what was heard and understood: it clears no listening or understanding column", () => {
    const result = reopenReset(closed);
    if (!result.ok) throw new Error("expected a reopening");
    for (const key of ["factsWhat", "desiredOutcome", "restatement", "rootCause", "finding", "severity"]) {
      expect(result.reset).not.toHaveProperty(key);
    }
  });

  it.each(STAGES.filter((s) => s !== "CLOSED"))("refuses to reopen a ticket still in %s", (stage) => {
    expect(reopenReset({ ...closed, stage })).toEqual({ ok: false, refusal: { reason: "notClosed" } });
  });
});
