import { describe, expect, it } from "vitest";
import { SEVERITIES } from "./protocol";
import { PRIORITIES } from "./stages";
import { callsForUrgency, safetyRaise } from "./safety";

const calm = { safetyRisk: false, severity: "LOW" } as const;
const unassessed = { safetyRisk: null, severity: null };

describe("callsForUrgency", () => {
  it("is a declared safety risk or a critical severity, whatever else", () => {
    for (const severity of [...SEVERITIES, null]) {
      expect(callsForUrgency({ safetyRisk: true, severity })).toBe(true);
      expect(callsForUrgency({ safetyRisk: false, severity })).toBe(severity === "CRITICAL");
      expect(callsForUrgency({ safetyRisk: null, severity })).toBe(severity === "CRITICAL");
    }
  });
});

describe("safetyRaise", () => {
  it("raises every lower priority to urgent when a safety risk is declared", () => {
    for (const priority of PRIORITIES) {
      expect(safetyRaise(unassessed, { safetyRisk: true, severity: "LOW" }, priority)).toEqual({
        declared: true,
        priority: priority === "URGENT" ? null : "URGENT",
      });
    }
  });

  it("raises for a critical severity without a safety risk", () => {
    expect(safetyRaise(calm, { safetyRisk: false, severity: "CRITICAL" }, "NORMAL")).toEqual({ declared: true, priority: "URGENT" });
  });

  it("still tells the supervisors when the ticket is already urgent", () => {
    expect(safetyRaise(calm, { safetyRisk: true, severity: "HIGH" }, "URGENT")).toEqual({ declared: true, priority: null });
  });

  it("does nothing for an assessment without risk", () => {
    for (const severity of ["LOW", "MEDIUM", "HIGH"] as const) {
      expect(safetyRaise(unassessed, { safetyRisk: false, severity }, "LOW")).toEqual({ declared: false, priority: null });
    }
  });

  it("does not act again on a risk already declared, so a deliberately lowered priority stands", () => {
    expect(safetyRaise({ safetyRisk: true, severity: "HIGH" }, { safetyRisk: true, severity: "CRITICAL" }, "NORMAL")).toEqual({
      declared: false,
      priority: null,
    });
    expect(safetyRaise({ safetyRisk: false, severity: "CRITICAL" }, { safetyRisk: true, severity: "CRITICAL" }, "HIGH")).toEqual({
      declared: false,
      priority: null,
    });
  });
});
