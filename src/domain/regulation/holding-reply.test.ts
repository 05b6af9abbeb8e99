import { describe, expect, it } from "vitest";
import { WEEKDAYS_8_TO_17, type BusinessCalendar } from "../business-time";
import { SHIPPED_CALENDARS } from "./calendars";
import { extensionFor, extensionRule, regulatoryDeadline } from "./clock";
import { REGIMES } from "./regimes";

const england: BusinessCalendar = {
  timeZone: SHIPPED_CALENDARS["GB-EAW"].timeZone,
  hours: WEEKDAYS_8_TO_17,
  holidays: SHIPPED_CALENDARS["GB-EAW"].holidays.map((h) => h.date),
};
// London keeps GMT (UTC) from late October to late March: the end of a day there is 23:59:59.999Z.
const endOfLondonWinterDay = (date: string) => new Date(`${date}T23:59:59.999Z`);
const payments = { paymentServices: true };

// FCA DISP 1.6.2AR: a payment-services complaint within 15 business days; in exceptional
// circumstances a holding reply (the reasons for the delay and when the final response will come)
// and the final response within 35 business days of receipt. Dates counted by hand on the shipped
// England and Wales calendar.
describe("FCA payment services: 15 business days, 35 with a holding reply", () => {
  const receivedAt = new Date("2026-12-16T10:00:00Z"); // Wed 16 Dec 2026

  it("answers within 15 business days, across Christmas, Boxing Day's substitute and New Year", () => {
    // 17, 18, 21, 22, 23, 24 Dec (6); 25 Christmas, 28 Boxing Day (substitute); 29, 30, 31 Dec (9);
    // 1 Jan New Year; 4, 5, 6, 7, 8, 11 Jan (15).
    expect(regulatoryDeadline(REGIMES.FCA, "WEB", receivedAt, england, payments)?.dueAt).toEqual(endOfLondonWinterDay("2027-01-11"));
    // Any other FCA complaint keeps the eight weeks.
    expect(regulatoryDeadline(REGIMES.FCA, "WEB", receivedAt, england)?.dueAt).toEqual(endOfLondonWinterDay("2027-02-10"));
  });

  it("moves the deadline to 35 business days after receipt by a holding reply, through the one extension rule", () => {
    const dueAt = endOfLondonWinterDay("2027-01-11");
    // On from the 15th (11 Jan): 12–15 Jan (19), 18–22 (24), 25–29 (29), 1–5 Feb (34), 8 Feb (35).
    expect(
      extensionFor(
        REGIMES.FCA,
        {
          dueAt,
          extensions: 0,
          reason: "the card scheme's chargeback records",
          now: new Date("2027-01-08T12:00:00Z"),
          receivedAt,
          kind: payments,
        },
        england,
      ),
    ).toEqual({
      ok: true,
      dueAt: endOfLondonWinterDay("2027-02-08"),
      // Warned five business days before, the deadline day counted: 8, 5, 4, 3, 2 Feb.
      warnAt: new Date("2027-02-02T00:00:00Z"),
      letterKind: "HOLDING_REPLY",
    });
  });

  it("refuses the holding reply after the 15th business day, a second one, and one for a complaint that is not about payment services", () => {
    const dueAt = endOfLondonWinterDay("2027-01-11");
    const ask = (over: object) =>
      extensionFor(
        REGIMES.FCA,
        { dueAt, extensions: 0, reason: "records", now: new Date("2027-01-08T12:00:00Z"), receivedAt, kind: payments, ...over },
        england,
      );
    expect(ask({ now: new Date("2027-01-12T00:00:00Z") })).toEqual({ ok: false, refusal: "deadlinePassed" });
    expect(ask({ extensions: 1 })).toEqual({ ok: false, refusal: "extensionUsed" });
    expect(ask({ kind: {} })).toEqual({ ok: false, refusal: "noExtension" });
  });

  it("lets each regime decide the letter and the span: OJK's extension notice adds 10 working days to the deadline", () => {
    expect(extensionRule(REGIMES.OJK)).toEqual({ letterKind: "EXTENSION", span: REGIMES.OJK.extension, from: "deadline", max: 1 });
    expect(extensionRule(REGIMES.FCA, payments)).toMatchObject({
      letterKind: "HOLDING_REPLY",
      from: "receipt",
      span: { days: 35, unit: "working" },
    });
    expect(extensionRule(REGIMES.FCA)).toBeNull();
    // A payment-services flag means nothing under a regime without that rule.
    expect(extensionRule(REGIMES.OJK, payments)).toMatchObject({ letterKind: "EXTENSION" });
  });
});
