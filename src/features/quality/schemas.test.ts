import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "../../../messages/en.json";
import { fieldErrors, type Translate } from "@/lib/forms/form-state";
import { qualityReviewInput, qualityReviewSchema, sampleSizeSchema } from "./schemas";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const t = createTranslator({ locale: "en", messages: en }) as unknown as Translate;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("quality review form", () => {
  it("gathers each criterion's score input into one record of whole numbers", () => {
    const parsed = qualityReviewSchema.parse(
      qualityReviewInput(form({ ticketId: A, note: " Kind ", [`scores.${A}`]: "4", [`scores.${B}`]: "0" })),
    );
    expect(parsed).toEqual({ ticketId: A, note: "Kind", scores: { [A]: 4, [B]: 0 } });
  });

  it("puts a score that is not a whole number on that criterion's field, and asks for the note", () => {
    const result = qualityReviewSchema.safeParse(
      qualityReviewInput(form({ ticketId: A, note: "", [`scores.${A}`]: "2.5", [`scores.${B}`]: "-1" })),
    );
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error!, t);
    expect(Object.keys(errors).sort()).toEqual(["note", `scores.${A}`, `scores.${B}`]);
    expect(errors[`scores.${A}`]).toEqual([en.errors.invalidNumber]);
  });

  it("draws 5 complaints unless asked for 1 to 50", () => {
    expect(sampleSizeSchema.parse(undefined)).toBe(5);
    expect(sampleSizeSchema.parse("12")).toBe(12);
    expect(sampleSizeSchema.parse("500")).toBe(5);
    expect(sampleSizeSchema.parse("x")).toBe(5);
  });
});
