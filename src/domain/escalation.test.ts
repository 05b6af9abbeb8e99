import { describe, expect, it } from "vitest";
import { autoEscalation, awaitingSettlement, heldForSettlement } from "./escalation";
import { decide, initialProtocolState, type ProtocolState } from "./protocol";
import { STAGES } from "./stages";

/** A ticket in `stage` whose every gate is met, so only the hold can refuse it. */
function ready(stage: ProtocolState["stage"], overrides: Partial<ProtocolState> = {}): ProtocolState {
  return {
    ...initialProtocolState("A refund"),
    stage,
    acknowledged: true,
    factsWhat: "Blender does not start",
    restatement: "You bought a blender that never worked and want your money back.",
    severity: "MEDIUM",
    safetyRisk: false,
    rootCause: "OUR_ERROR",
    finding: "Unit was faulty from the warehouse batch.",
    resolutionChosen: true,
    apologySent: true,
    ...overrides,
  };
}

const held = { escalated: true, settled: false };
const settled = { escalated: true, settled: true };

describe("the settlement hold", () => {
  it("awaits a settlement only between escalating and settling", () => {
    expect(awaitingSettlement({ escalated: false, settled: false })).toBe(false);
    expect(awaitingSettlement(held)).toBe(true);
    expect(awaitingSettlement(settled)).toBe(false);
  });

  it("holds RESOLVE and APOLOGISE, and no other stage", () => {
    expect(STAGES.filter((stage) => heldForSettlement(stage, held))).toEqual(["RESOLVE", "APOLOGISE"]);
    expect(STAGES.filter((stage) => heldForSettlement(stage, settled))).toEqual([]);
    expect(STAGES.filter((stage) => heldForSettlement(stage, { escalated: false, settled: false }))).toEqual([]);
  });

  it("refuses to leave RESOLVE or close an unsettled escalation, before naming any unmet gate", () => {
    expect(decide(ready("RESOLVE", held), { type: "advance" })).toEqual({ ok: false, refusal: { reason: "awaitingSettlement" } });
    expect(decide(ready("APOLOGISE", held), { type: "advance" })).toEqual({ ok: false, refusal: { reason: "awaitingSettlement" } });
    expect(decide(ready("RESOLVE", { ...held, resolutionChosen: false }), { type: "advance" })).toEqual({
      ok: false,
      refusal: { reason: "awaitingSettlement" },
    });
  });

  it("lets the case be heard and understood while it waits for the supervisor", () => {
    for (const stage of ["NEW", "LISTEN", "UNDERSTAND"] as const)
      expect(decide(ready(stage, held), { type: "advance" })).toMatchObject({ ok: true, stageChanged: true });
    expect(decide(ready("RESOLVE", held), { type: "waitForCustomer" })).toMatchObject({ ok: true });
  });

  it("releases the ticket once settled", () => {
    expect(decide(ready("RESOLVE", settled), { type: "advance" })).toEqual({
      ok: true,
      stage: "APOLOGISE",
      waitingOnCustomer: false,
      stageChanged: true,
    });
    expect(decide(ready("APOLOGISE", settled), { type: "advance" })).toMatchObject({ ok: true, stage: "CLOSED" });
  });

  it("a waiting ticket is refused for the wait first: the customer's answer comes before the supervisor's", () => {
    expect(decide(ready("RESOLVE", { ...held, waitingOnCustomer: true }), { type: "advance" })).toEqual({
      ok: false,
      refusal: { reason: "waitingOnCustomer" },
    });
  });
});

describe("settling", () => {
  it("settles an escalated ticket once, in any stage, keeping its stage and pause", () => {
    for (const stage of STAGES)
      expect(decide(ready(stage, { ...held, waitingOnCustomer: stage !== "CLOSED" }), { type: "settle" })).toEqual({
        ok: true,
        stage,
        waitingOnCustomer: stage !== "CLOSED",
        stageChanged: false,
      });
    expect(decide(ready("RESOLVE", settled), { type: "settle" })).toEqual({ ok: false, refusal: { reason: "alreadySettled" } });
    expect(decide(ready("RESOLVE"), { type: "settle" })).toEqual({ ok: false, refusal: { reason: "notEscalated" } });
  });

  it("cannot escalate again a ticket that was escalated and settled: the first escalation is its record", () => {
    expect(decide(ready("RESOLVE", settled), { type: "escalate" })).toEqual({ ok: false, refusal: { reason: "alreadyEscalated" } });
  });
});

describe("escalating on its own", () => {
  it("escalates a newly declared safety risk, ahead of a dispute recorded with it", () => {
    expect(autoEscalation(false, { safetyDeclared: true })).toBe("SAFETY");
    expect(autoEscalation(false, { safetyDeclared: true, disputedBefore: false, disputedAfter: true })).toBe("SAFETY");
  });

  it("escalates a case newly recorded as disputed", () => {
    expect(autoEscalation(false, { disputedBefore: false, disputedAfter: true })).toBe("DISPUTE");
    expect(autoEscalation(false, { disputedBefore: true, disputedAfter: true })).toBeNull();
    expect(autoEscalation(false, { disputedBefore: true, disputedAfter: false })).toBeNull();
    expect(autoEscalation(false, {})).toBeNull();
  });

  it("leaves an escalated ticket's first source alone", () => {
    expect(autoEscalation(true, { safetyDeclared: true })).toBeNull();
    expect(autoEscalation(true, { disputedBefore: false, disputedAfter: true })).toBeNull();
  });
});
