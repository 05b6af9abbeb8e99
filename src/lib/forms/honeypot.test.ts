import { describe, expect, it } from "vitest";
import { filledHoneypot, HONEYPOT_FIELD } from "./honeypot";

const form = (entries: [string, string | Blob][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe("filledHoneypot", () => {
  it("passes a form a person sent: the field missing, or empty as the browser sends it", () => {
    expect(filledHoneypot(form([["name", "Rudi"]]))).toBe(false);
    expect(filledHoneypot(form([[HONEYPOT_FIELD, ""]]))).toBe(false);
    expect(filledHoneypot(form([[HONEYPOT_FIELD, "  "]]))).toBe(false);
  });

  it("catches any value a program put there, text or file", () => {
    expect(filledHoneypot(form([[HONEYPOT_FIELD, "https://cheap-pills.example"]]))).toBe(true);
    expect(filledHoneypot(form([[HONEYPOT_FIELD, new Blob(["x"])]]))).toBe(true);
  });
});
