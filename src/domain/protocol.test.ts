import { describe, expect, it } from "vitest";
import { decide, initialProtocolState, nextStage, unmetGates, type Move, type ProtocolState } from "./protocol";
import { STAGES } from "./stages";

/** A ticket in `stage` whose every gate so far is met. */
function complete(stage: ProtocolState["stage"], overrides: Partial<ProtocolState> = {}): ProtocolState {
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

describe("advancing through the protocol", () => {
  it("moves one stage at a time, in order, when the gate is met", () => {
    for (const stage of STAGES.slice(0, -1)) {
      const decision = decide(complete(stage), { type: "advance" });
      expect(decision).toEqual({ ok: true, stage: nextStage(stage), waitingOnCustomer: false, stageChanged: true });
    }
    expect(STAGES.map(nextStage)).toEqual(["LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE", "CLOSED", null]);
  });

  it("refuses to leave NEW before the customer is acknowledged", () => {
    expect(decide(initialProtocolState("Refund"), { type: "advance" })).toEqual({
      ok: false,
      refusal: { reason: "gatesUnmet", gates: ["acknowledgement"] },
    });
  });

  it("refuses to leave LISTEN without the facts, the desired outcome, a restatement and an assessment", () => {
    const bare = complete("LISTEN", { factsWhat: null, desiredOutcome: " ", restatement: null, severity: null, safetyRisk: null });
    expect(unmetGates(bare)).toEqual(["facts", "desiredOutcome", "restatement", "severity", "safetyRisk"]);
    expect(unmetGates(complete("LISTEN", { desiredOutcome: null }))).toEqual(["desiredOutcome"]);
    expect(unmetGates(complete("LISTEN", { safetyRisk: false }))).toEqual([]);
  });

  it("refuses to leave UNDERSTAND without a root cause and a finding", () => {
    expect(unmetGates(complete("UNDERSTAND", { rootCause: null, finding: "" }))).toEqual(["rootCause", "finding"]);
  });

  it("requires a clarification sent when the customer misunderstood", () => {
    const misunderstanding = complete("UNDERSTAND", { rootCause: "CUSTOMER_MISUNDERSTANDING" });
    expect(unmetGates(misunderstanding)).toEqual(["clarification"]);
    expect(unmetGates({ ...misunderstanding, clarificationSent: true })).toEqual([]);
  });

  it("requires a disputed case to be escalated to a manager", () => {
    const disputed = complete("UNDERSTAND", { disputed: true });
    expect(unmetGates(disputed)).toEqual(["escalation"]);
    expect(unmetGates({ ...disputed, escalated: true })).toEqual([]);
  });

  it("refuses to leave RESOLVE without a resolution, its amount, or an approval above authority", () => {
    expect(unmetGates(complete("RESOLVE", { resolutionChosen: false }))).toEqual(["resolution"]);
    expect(unmetGates(complete("RESOLVE", { resolutionAmountMissing: true }))).toEqual(["resolutionAmount"]);
    expect(unmetGates(complete("RESOLVE", { approval: "PENDING" }))).toEqual(["approvalPending"]);
    expect(unmetGates(complete("RESOLVE", { approval: "DENIED" }))).toEqual(["approvalDenied"]);
    expect(unmetGates(complete("RESOLVE", { approval: "APPROVED" }))).toEqual([]);
  });

  it("refuses to close before the apology is sent", () => {
    expect(decide(complete("APOLOGISE", { apologySent: false }), { type: "advance" })).toEqual({
      ok: false,
      refusal: { reason: "gatesUnmet", gates: ["apology"] },
    });
  });

  it("refuses to advance a closed ticket or one waiting on the customer", () => {
    expect(decide(complete("CLOSED"), { type: "advance" })).toEqual({ ok: false, refusal: { reason: "closed" } });
    expect(decide(complete("LISTEN", { waitingOnCustomer: true }), { type: "advance" })).toEqual({
      ok: false,
      refusal: { reason: "waitingOnCustomer" },
    });
  });

  it("checks only the current stage's gate", () => {
    // Nothing after LISTEN is recorded, yet LISTEN's own gate is met.
    expect(unmetGates(complete("LISTEN", { rootCause: null, finding: null, resolutionChosen: false, apologySent: false }))).toEqual([]);
    expect(unmetGates(complete("CLOSED", { apologySent: false }))).toEqual([]);
  });
});

describe("waiting on the customer", () => {
  it("pauses any acknowledged open stage and resumes it", () => {
    for (const stage of ["LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE"] as const) {
      expect(decide(complete(stage), { type: "waitForCustomer" })).toEqual({
        ok: true,
        stage,
        waitingOnCustomer: true,
        stageChanged: false,
      });
      expect(decide(complete(stage, { waitingOnCustomer: true }), { type: "resume" })).toEqual({
        ok: true,
        stage,
        waitingOnCustomer: false,
        stageChanged: false,
      });
    }
  });

  it("refuses to wait before acknowledging, after closing, or twice; and to resume what is not paused", () => {
    expect(decide(complete("NEW"), { type: "waitForCustomer" })).toEqual({ ok: false, refusal: { reason: "notAcknowledged" } });
    expect(decide(complete("CLOSED"), { type: "waitForCustomer" })).toEqual({ ok: false, refusal: { reason: "closed" } });
    expect(decide(complete("LISTEN", { waitingOnCustomer: true }), { type: "waitForCustomer" })).toEqual({
      ok: false,
      refusal: { reason: "alreadyWaiting" },
    });
    expect(decide(complete("LISTEN"), { type: "resume" })).toEqual({ ok: false, refusal: { reason: "notWaiting" } });
  });
});

describe("reopening and escalating", () => {
  it("reopens a closed ticket into UNDERSTAND, and nothing else", () => {
    expect(decide(complete("CLOSED"), { type: "reopen" })).toEqual({
      ok: true,
      stage: "UNDERSTAND",
      waitingOnCustomer: false,
      stageChanged: true,
    });
    for (const stage of STAGES.slice(0, -1))
      expect(decide(complete(stage), { type: "reopen" })).toEqual({ ok: false, refusal: { reason: "notClosed" } });
  });

  it("escalates any open ticket once, keeping its stage and pause", () => {
    expect(decide(complete("RESOLVE", { waitingOnCustomer: true }), { type: "escalate" })).toEqual({
      ok: true,
      stage: "RESOLVE",
      waitingOnCustomer: true,
      stageChanged: false,
    });
    expect(decide(complete("RESOLVE", { escalated: true }), { type: "escalate" })).toEqual({
      ok: false,
      refusal: { reason: "alreadyEscalated" },
    });
    expect(decide(complete("CLOSED"), { type: "escalate" })).toEqual({ ok: false, refusal: { reason: "closed" } });
  });

  it("answers every move from every stage without throwing", () => {
    const moves: Move[] = [
      { type: "advance" },
      { type: "waitForCustomer" },
      { type: "resume" },
      { type: "reopen" },
      { type: "escalate" },
      { type: "settle" },
    ];
    for (const stage of STAGES)
      for (const waitingOnCustomer of [false, true])
        for (const move of moves) expect(decide(complete(stage, { waitingOnCustomer }), move)).toHaveProperty("ok");
  });
});
