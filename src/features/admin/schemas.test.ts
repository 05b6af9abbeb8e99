import { describe, expect, it } from "vitest";
import { calendarSchema, createStaffSchema, slaTargetSchema, templateSchema } from "./schemas";

const calendarId = "2b1f6a8e-4a3c-4d3c-9a57-0a7f2c1d0e11";
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("admin schemas", () => {
  it("turns the weekly grid into opening hours and names the day to fix", () => {
    const ok = calendarSchema.parse({ calendarId, timeZone: "Asia/Makassar", opens1: "08:00", closes1: "17:00", opens6: "", closes6: "" });
    expect(ok).toEqual({ calendarId, timeZone: "Asia/Makassar", hours: [{ weekday: 1, opensAt: 480, closesAt: 1020 }] });
    expect(
      messages(
        calendarSchema.safeParse({
          calendarId,
          timeZone: "Asia/Jakarta",
          opens1: "08:00",
          closes1: "17:00",
          opens2: "18:00",
          closes2: "09:00",
        }),
      ),
    ).toEqual({ opens2: "closesBeforeOpens" });
    expect(messages(calendarSchema.safeParse({ calendarId, timeZone: "Asia/Jakarta" }))).toEqual({ opens1: "noOpenDay" });
  });

  it("refuses a time zone that is not an IANA name", () => {
    expect(messages(calendarSchema.safeParse({ calendarId, timeZone: "WIB", opens1: "08:00", closes1: "17:00" }))).toEqual({
      timeZone: "invalidTimeZone",
    });
  });

  it("refuses a template with a placeholder Tanggap will never fill, naming it", () => {
    const result = templateSchema.safeParse({
      kind: "APOLOGY",
      locale: "en",
      categoryId: "",
      subject: "About {reference}",
      body: "Dear {customerName}, order {orderNumber}.",
    });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue).toMatchObject({ path: ["body"], message: "unknownPlaceholder", params: { names: "{orderNumber}" } });
  });

  it("keeps a template's line breaks as plain newlines, whatever the browser sent", () => {
    expect(
      templateSchema.parse({
        kind: "APOLOGY",
        locale: "id",
        categoryId: "",
        subject: "Maaf",
        body: "Halo {customerName},\r\nkami mohon maaf.\r\n",
      }).body,
    ).toBe("Halo {customerName},\nkami mohon maaf.");
  });

  it("treats an empty category or priority as the fallback target", () => {
    expect(
      slaTargetSchema.parse({ categoryId: "", priority: "", stage: "LISTEN", targetHours: "9", targetMinutes: "", atRiskPercent: "75" }),
    ).toEqual({
      categoryId: null,
      priority: null,
      stage: "LISTEN",
      businessMinutes: 540,
      atRiskPercent: 75,
    });
    expect(
      messages(
        slaTargetSchema.safeParse({
          categoryId: "",
          priority: "",
          stage: "CLOSED",
          targetHours: "-1",
          targetMinutes: "60",
          atRiskPercent: "100",
        }),
      ),
    ).toEqual({
      stage: "invalidChoice",
      targetHours: "invalidHours",
      targetMinutes: "invalidMinutePart",
      atRiskPercent: "invalidPercent",
    });
  });

  it("takes a target in hours and minutes, and refuses one of no time at all", () => {
    const target = (targetHours: string, targetMinutes: string) =>
      slaTargetSchema.safeParse({ categoryId: "", priority: "", stage: "NEW", targetHours, targetMinutes, atRiskPercent: "75" });
    expect(target("1", "30").data?.businessMinutes).toBe(90);
    expect(target("", "45").data?.businessMinutes).toBe(45);
    expect(messages(target("0", "0"))).toEqual({ targetHours: "invalidMinutes" });
    expect(messages(target("1.5", ""))).toEqual({ targetHours: "invalidHours" });
  });

  it("asks for a password of at least twelve characters for new staff", () => {
    expect(
      messages(
        createStaffSchema.safeParse({
          name: "Dewi",
          email: "dewi@tanggap.test",
          role: "AGENT",
          teamId: "",
          locale: "id",
          password: "short",
        }),
      ),
    ).toEqual({ password: "tooShort" });
  });
});
