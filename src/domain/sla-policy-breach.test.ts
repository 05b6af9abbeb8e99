import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyBreachPolicy,
  escalationReason,
  slaEscalationStage,
  minutesLate,
  orderTransitions,
  raisePriority,
  transitionEvent,
  transitionMoment,
  type SlaTransition,
} from "./sla-policy-breach";
import { PRIORITIES, STAGES } from "./stages";

const at = (local: string) => new Date(`2026-11-23T${local}+07:00`);

function transition(kind: SlaTransition["kind"], timerId: string, atRiskAt: Date, dueAt: Date): SlaTransition {
  return { kind, timerId, ticketId: `ticket-${timerId}`, stage: "LISTEN", atRiskAt, dueAt };
}

describe("raisePriority", () => {
  it("raises one step at a time and leaves URGENT as it is", () => {
    expect(raisePriority("LOW")).toBe("NORMAL");
    expect(raisePriority("NORMAL")).toBe("HIGH");
    expect(raisePriority("HIGH")).toBe("URGENT");
    expect(raisePriority("URGENT")).toBe("URGENT");
  });

  it("never lowers a priority", () => {
    for (const p of PRIORITIES) expect(PRIORITIES.indexOf(raisePriority(p))).toBeGreaterThanOrEqual(PRIORITIES.indexOf(p));
  });
});

describe("applyBreachPolicy", () => {
  const now = at("13:01:00");

  it("raises the priority, escalates with the stage as the reason, and says so in two events", () => {
    const outcome = applyBreachPolicy({ priority: "NORMAL", escalatedAt: null, escalationReason: null }, "UNDERSTAND", now);
    expect(outcome).toEqual({
      ticket: { priority: "HIGH", escalatedAt: now, escalationReason: "SLA breached in UNDERSTAND" },
      changed: true,
      events: [
        {
          type: "priority.changed",
          before: { priority: "NORMAL" },
          after: { priority: "HIGH", reason: "sla.breached", stage: "UNDERSTAND" },
        },
        { type: "ticket.escalated", after: { reason: "SLA breached in UNDERSTAND", source: "BREACH", stage: "UNDERSTAND" } },
      ],
    });
  });

  it("keeps an earlier escalation and its reason", () => {
    const earlier = at("10:00:00");
    const outcome = applyBreachPolicy({ priority: "LOW", escalatedAt: earlier, escalationReason: "Disputed" }, "RESOLVE", now);
    expect(outcome.ticket).toEqual({ priority: "NORMAL", escalatedAt: earlier, escalationReason: "Disputed" });
    expect(outcome.events.map((e) => e.type)).toEqual(["priority.changed"]);
  });

  it("changes nothing on an urgent ticket that is already escalated", () => {
    const ticket = { priority: "URGENT" as const, escalatedAt: at("10:00:00"), escalationReason: "Disputed" };
    expect(applyBreachPolicy(ticket, "LISTEN", now)).toEqual({ ticket, changed: false, events: [] });
  });

  it("still escalates an urgent ticket, without a priority event", () => {
    const outcome = applyBreachPolicy({ priority: "URGENT", escalatedAt: null, escalationReason: null }, "NEW", now);
    expect(outcome.changed).toBe(true);
    expect(outcome.events.map((e) => e.type)).toEqual(["ticket.escalated"]);
  });
});

describe("transition moments and lateness", () => {
  it("dates an at-risk at its threshold and a breach at its deadline", () => {
    expect(transitionMoment(transition("sla.at_risk", "a", at("12:00:00"), at("13:00:00")))).toEqual(at("12:00:00"));
    expect(transitionMoment(transition("sla.breached", "a", at("12:00:00"), at("13:00:00")))).toEqual(at("13:00:00"));
  });

  it("never dates an at-risk after the deadline, even with a threshold above 100 %", () => {
    expect(transitionMoment(transition("sla.at_risk", "a", at("14:00:00"), at("13:00:00")))).toEqual(at("13:00:00"));
  });

  it("counts whole minutes late and never a negative number", () => {
    expect(minutesLate(at("13:00:00"), at("13:00:59"))).toBe(0);
    expect(minutesLate(at("13:00:00"), at("14:05:30"))).toBe(65);
    expect(minutesLate(at("13:00:00"), at("12:00:00"))).toBe(0);
  });

  it("records the stage, the real moment, the deadline and when it was noticed", () => {
    const event = transitionEvent(transition("sla.breached", "t1", at("12:00:00"), at("13:00:00")), at("14:00:00"));
    expect(event).toEqual({
      type: "sla.breached",
      after: {
        timerId: "t1",
        stage: "LISTEN",
        occurredAt: at("13:00:00").toISOString(),
        atRiskAt: at("12:00:00").toISOString(),
        dueAt: at("13:00:00").toISOString(),
        detectedAt: at("14:00:00").toISOString(),
        minutesLate: 60,
      },
    });
  });
});

describe("orderTransitions", () => {
  it("writes what happened first first, and a timer's at-risk before its breach", () => {
    const a = transition("sla.at_risk", "a", at("12:00:00"), at("13:00:00"));
    const aBreach = transition("sla.breached", "a", at("12:00:00"), at("13:00:00"));
    const b = transition("sla.at_risk", "b", at("12:30:00"), at("13:30:00"));
    const sameMoment = transition("sla.at_risk", "c", at("13:00:00"), at("13:00:00"));
    const sameMomentBreach = transition("sla.breached", "c", at("13:00:00"), at("13:00:00"));
    const ordered = orderTransitions([sameMomentBreach, aBreach, b, sameMoment, a]);
    expect(ordered.map((t) => `${t.kind}:${t.timerId}`)).toEqual([
      "sla.at_risk:a",
      "sla.at_risk:b",
      "sla.at_risk:c",
      "sla.breached:a",
      "sla.breached:c",
    ]);
  });

  it("puts every timer's at-risk before its breach, whatever the thresholds", () => {
    const date = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-01-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(date, date, fc.constantFrom(...STAGES)), { minLength: 1, maxLength: 20 }), (timers) => {
        const all = timers.flatMap(([atRiskAt, dueAt, stage], i) => [
          { ...transition("sla.breached", `t${i}`, atRiskAt, dueAt), stage },
          { ...transition("sla.at_risk", `t${i}`, atRiskAt, dueAt), stage },
        ]);
        const ordered = orderTransitions(all);
        timers.forEach((_, i) => {
          const atRisk = ordered.findIndex((t) => t.timerId === `t${i}` && t.kind === "sla.at_risk");
          const breach = ordered.findIndex((t) => t.timerId === `t${i}` && t.kind === "sla.breached");
          expect(atRisk).toBeLessThan(breach);
        });
        for (let i = 1; i < ordered.length; i++) {
          expect(transitionMoment(ordered[i - 1]!).getTime()).toBeLessThanOrEqual(transitionMoment(ordered[i]!).getTime());
        }
      }),
    );
  });
});

describe("slaEscalationStage", () => {
  it("finds the stage in the monitor's own reason, and nothing in a person's words", () => {
    expect(slaEscalationStage(escalationReason("UNDERSTAND"))).toBe("UNDERSTAND");
    expect(slaEscalationStage("SLA breached in NOWHERE")).toBeNull();
    expect(slaEscalationStage("Pelanggan marah, minta manajer")).toBeNull();
    expect(slaEscalationStage(null)).toBeNull();
  });
});
