import { describe, expect, it } from "vitest";
import { isIanaTimeZone } from "./time-zone";

describe("calendar time zones", () => {
  it("accepts IANA zone names", () => {
    for (const zone of ["Asia/Jakarta", "Asia/Makassar", "Europe/Amsterdam", "America/Argentina/Buenos_Aires", "UTC"])
      expect(isIanaTimeZone(zone), zone).toBe(true);
  });

  it("refuses offsets, abbreviations and unknown names", () => {
    for (const zone of ["UTC+7", "+07:00", "WIB", "Asia/Bandung", "", "asia jakarta"]) expect(isIanaTimeZone(zone), zone).toBe(false);
  });
});
