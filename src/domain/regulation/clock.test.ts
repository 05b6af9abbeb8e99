import { describe, expect, it } from "vitest";
import { WEEKDAYS_8_TO_17, type BusinessCalendar } from "../business-time";
import { DomainError } from "../errors";
import { SHIPPED_CALENDARS } from "./calendars";
import { effectiveRegime, extensionFor, regulatoryDeadline, resumedDeadline } from "./clock";
import { REGIMES, type RegimeCalendar } from "./regimes";

const calendarOf = (region: RegimeCalendar): BusinessCalendar => ({
  timeZone: SHIPPED_CALENDARS[region].timeZone,
  hours: WEEKDAYS_8_TO_17,
  holidays: SHIPPED_CALENDARS[region].holidays.map((h) => h.date),
});
const indonesia = calendarOf("ID");
const wib = (local: string) => new Date(`${local}+07:00`);
const endOfWib = (date: string) => wib(`${date}T23:59:59.999`);

// Every expected date below was counted by hand on the shipped calendars (see the comments).
describe("each regime's deadline", () => {
  it("OJK, written: 10 working days, across Idul Fitri's cuti bersama and Good Friday", () => {
    // Received Thu 19 Mar 2026 (Nyepi), the day before the cuti bersama of Idul Fitri: 20, 23, 24 Mar
    // cuti bersama, 21–22 Idul Fitri; counting 25, 26, 27, 30, 31 Mar, 1, 2 Apr, (3 Apr Good
    // Friday), 6, 7, 8 Apr. Warned two working days before: the start of 7 Apr.
    expect(regulatoryDeadline(REGIMES.OJK, "WEB", wib("2026-03-19T10:00:00"), indonesia)).toEqual({
      dueAt: endOfWib("2026-04-08"),
      warnAt: wib("2026-04-07T00:00:00"),
    });
  });

  it("OJK, spoken (phone or in person): 5 working days", () => {
    // 25, 26, 27, 30, 31 Mar.
    expect(regulatoryDeadline(REGIMES.OJK, "PHONE", wib("2026-03-19T10:00:00"), indonesia)?.dueAt).toEqual(endOfWib("2026-03-31"));
    expect(regulatoryDeadline(REGIMES.OJK, "IN_PERSON", wib("2026-03-19T10:00:00"), indonesia)?.dueAt).toEqual(endOfWib("2026-03-31"));
    expect(regulatoryDeadline(REGIMES.OJK, "EMAIL", wib("2026-03-19T10:00:00"), indonesia)?.dueAt).toEqual(endOfWib("2026-04-08"));
  });

  it("Bank Indonesia: 20 working days, across Christmas, New Year and (projected) Isra Mikraj 2027", () => {
    // From Mon 21 Dec 2026: 22, 23 Dec; 24 cuti bersama, 25 Christmas; 28, 29, 30, 31 Dec; 1 Jan;
    // 4 Jan; 5 Jan Isra Mikraj (projected); 6, 7, 8, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22 Jan.
    expect(regulatoryDeadline(REGIMES.BI, "WEB", wib("2026-12-21T09:00:00"), indonesia)?.dueAt).toEqual(endOfWib("2027-01-22"));
  });

  it("FCA: eight weeks, in calendar days, warned five business days before", () => {
    // 23 Dec 2026 + 56 days = 17 Feb 2027; back five business days: 17, 16, 15, 12, 11 Feb.
    expect(regulatoryDeadline(REGIMES.FCA, "WEB", new Date("2026-12-23T10:00:00Z"), calendarOf("GB-EAW"))).toEqual({
      dueAt: new Date("2027-02-17T23:59:59.999Z"),
      warnAt: new Date("2027-02-11T00:00:00Z"),
    });
  });

  it("ASIC: 30 calendar days in Sydney's time, warned three business days before", () => {
    // 24 Dec 2026 + 30 = Sat 23 Jan 2027 (UTC+11); back three business days: 22, 21, 20 Jan.
    expect(regulatoryDeadline(REGIMES.ASIC, "WEB", new Date("2026-12-24T01:00:00Z"), calendarOf("AU"))).toEqual({
      dueAt: new Date("2027-01-23T12:59:59.999Z"),
      warnAt: new Date("2027-01-19T13:00:00Z"),
    });
  });

  it("None: no clock", () => {
    expect(regulatoryDeadline(REGIMES.NONE, "WEB", new Date(), null)).toBeNull();
  });

  it("refuses a regime whose calendar is not set up, saying which", () => {
    const refusal = (() => {
      try {
        regulatoryDeadline(REGIMES.OJK, "WEB", new Date(), null);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: "adminRefused",
      details: { code: "regimeWithoutCalendar", values: { regime: "OJK", calendar: "ID" } },
    });
  });
});

describe("pausing while the complaint is incomplete", () => {
  it("moves the deadline by the working days the customer held it", () => {
    // Filed Mon 23 Nov 2026, due 7 Dec; paused Tue 24 Nov, resumed Thu 26 Nov: 25 and 26 Nov held.
    const { dueAt } = regulatoryDeadline(REGIMES.OJK, "WEB", wib("2026-11-23T10:00:00"), indonesia)!;
    expect(dueAt).toEqual(endOfWib("2026-12-07"));
    expect(resumedDeadline(REGIMES.OJK, "WEB", dueAt, wib("2026-11-24T14:00:00"), wib("2026-11-26T09:00:00"), indonesia)).toEqual({
      dueAt: endOfWib("2026-12-09"),
      warnAt: wib("2026-12-08T00:00:00"),
    });
  });

  it("moves nothing for a pause within one day", () => {
    const dueAt = endOfWib("2026-12-07");
    expect(resumedDeadline(REGIMES.OJK, "WEB", dueAt, wib("2026-11-24T09:00:00"), wib("2026-11-24T15:00:00"), indonesia).dueAt).toEqual(
      dueAt,
    );
  });
});

describe("the one extension", () => {
  const dueAt = endOfWib("2026-04-08");
  const ask = (over: Partial<Parameters<typeof extensionFor>[1]> = {}) =>
    extensionFor(
      REGIMES.OJK,
      { dueAt, extensions: 0, reason: "Waiting for the card network's records", now: wib("2026-04-06T10:00:00"), ...over },
      indonesia,
    );

  it("adds the regime's 10 working days to the deadline", () => {
    // 9, 10, 13, 14, 15, 16, 17, 20, 21, 22 Apr.
    expect(ask()).toEqual({ ok: true, dueAt: endOfWib("2026-04-22"), warnAt: wib("2026-04-21T00:00:00"), letterKind: "EXTENSION" });
  });

  it("is allowed up to the last moment of the first deadline", () => {
    expect(ask({ now: dueAt }).ok).toBe(true);
  });

  it("is refused once the first deadline has passed", () => {
    expect(ask({ now: wib("2026-04-09T00:00:00") })).toEqual({ ok: false, refusal: "deadlinePassed" });
  });

  it("is refused beyond the regime's one extension", () => {
    expect(ask({ extensions: 1 })).toEqual({ ok: false, refusal: "extensionUsed" });
  });

  it("is refused without a reason", () => {
    expect(ask({ reason: "  " })).toEqual({ ok: false, refusal: "reasonMissing" });
  });

  it("is refused where the regime has none, or there is no clock", () => {
    expect(extensionFor(REGIMES.FCA, { dueAt, extensions: 0, reason: "x", now: dueAt }, calendarOf("GB-EAW"))).toEqual({
      ok: false,
      refusal: "noExtension",
    });
    expect(ask({ dueAt: null })).toEqual({ ok: false, refusal: "noClock" });
  });
});

describe("an admin's policy choices", () => {
  it("override only what the regime leaves to the firm", () => {
    const ojk = effectiveRegime("OJK", { warnBeforeDays: 4, countsFromComplete: false, acknowledgeDays: 9 });
    expect(ojk.warnBefore.days).toBe(4);
    expect(ojk.countsFromComplete).toBe(false);
    // OJK sets no acknowledgement span; ASIC's is the regulator's, not the firm's.
    expect(ojk.acknowledge).toBeUndefined();
    expect(effectiveRegime("ASIC", { acknowledgeDays: 5 }).acknowledge?.days).toBe(1);
    expect(effectiveRegime("FCA", { acknowledgeDays: 2 }).acknowledge?.days).toBe(2);
    // FCA does not count from completeness; the switch cannot turn it on.
    expect(effectiveRegime("FCA", { countsFromComplete: true }).countsFromComplete).toBeUndefined();
  });
});
