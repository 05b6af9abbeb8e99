import { describe, expect, it } from "vitest";
import type { CustomFieldDefinition } from "@/domain/custom-fields";
import { complaintSchema } from "@/features/complaints/schemas";
import { answersByCategory, answersFor, customFieldsSchema, withFormAnswers } from "./custom-fields";

const field = (over: Partial<CustomFieldDefinition> & Pick<CustomFieldDefinition, "key" | "type">): CustomFieldDefinition => ({
  categoryCode: "PRODUCT_RETURN",
  labelEn: over.key,
  labelId: over.key,
  options: [],
  customerFacing: true,
  required: false,
  sortOrder: 0,
  archived: false,
  ...over,
});

const colour = field({
  key: "colour",
  type: "CHOICE",
  options: [
    { key: "red", labelEn: "Red", labelId: "Merah", retired: false },
    { key: "blue", labelEn: "Blue", labelId: "Biru", retired: true },
  ],
});
const extras = field({
  key: "extras",
  type: "MULTI_CHOICE",
  options: [
    { key: "box", labelEn: "Box", labelId: "Kotak", retired: false },
    { key: "manual", labelEn: "Manual", labelId: "Manual", retired: false },
    { key: "cable", labelEn: "Cable", labelId: "Kabel", retired: true },
  ],
});
const note = field({ key: "note", type: "TEXT" });
const count = field({ key: "count", type: "NUMBER" });
const bought = field({ key: "bought", type: "DATE" });

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  // The first issue of each path, as the form shows it.
  const first: Record<string, string> = {};
  for (const i of result.error?.issues ?? []) first[i.path.join(".")] ??= i.message;
  return first;
}

describe("customFieldsSchema", () => {
  const optional = customFieldsSchema([colour, extras, note, count, bought]);

  it("reads every type from a form's text and from JSON", () => {
    expect(
      optional.parse({ colour: "red", extras: ["box", "manual", "box"], note: "  gift  ", count: "12,5", bought: "2026-11-30" }),
    ).toEqual({
      colour: "red",
      extras: ["box", "manual"],
      note: "gift",
      count: 12.5,
      bought: "2026-11-30",
    });
    expect(optional.parse({ count: 3, extras: "box" })).toEqual({ count: 3, extras: ["box"] });
  });

  it("treats empty answers to optional fields as no answer, and drops keys it does not know", () => {
    const parsed = optional.parse({ colour: "", extras: [], note: " ", count: "", bought: "", someoneElse: "x" });
    expect(Object.entries(parsed).filter(([, v]) => v !== undefined)).toEqual([]);
  });

  it("refuses a wrong value of each type with the reader's key", () => {
    expect(
      issues(optional.safeParse({ colour: "green", extras: ["box", "lid"], count: "twelve", bought: "30/11/2026", note: "a\u0000b" })),
    ).toEqual({
      colour: "invalidChoice",
      "extras.1": "invalidChoice",
      count: "invalidNumber",
      bought: "invalidDate",
      note: "controlCharacters",
    });
    expect(issues(optional.safeParse({ note: "x".repeat(501) }))).toEqual({ note: "tooLong" });
  });

  it("never accepts a retired option as a new answer", () => {
    expect(issues(optional.safeParse({ colour: "blue" }))).toEqual({ colour: "invalidChoice" });
    expect(issues(optional.safeParse({ extras: ["cable"] }))).toEqual({ "extras.0": "invalidChoice" });
  });

  it("requires required fields of every type", () => {
    const required = customFieldsSchema([colour, extras, note, count, bought].map((f) => ({ ...f, required: true })));
    expect(issues(required.safeParse({ colour: "", extras: [], note: "", count: "" }))).toEqual({
      colour: "required",
      extras: "required",
      note: "required",
      count: "required",
      bought: "required",
    });
  });
});

describe("the complaint's custom fields", () => {
  const other = field({ key: "branch", type: "TEXT", categoryCode: "SERVICE_PROBLEM", required: true });
  const internal = field({ key: "batch", type: "TEXT", customerFacing: false, required: true });
  const archived = field({ key: "old", type: "TEXT", archived: true, required: true });
  const serial = field({ key: "serial", type: "TEXT", required: true });
  const schema = complaintSchema(() => "2026-12-01", [serial, colour, other, internal, archived]);
  const complaint = {
    name: "Sari Dewi",
    email: "sari@example.com",
    category: "PRODUCT_RETURN",
    narrative: "The kettle stopped working after two days of use.",
    desiredOutcome: "A refund",
  };

  it("requires the chosen category's required customer-facing fields only", () => {
    expect(issues(schema.safeParse(complaint))).toEqual({ "customFields.serial": "required" });
    const parsed = schema.parse({ ...complaint, customFields: { serial: "SN-1", colour: "red", batch: "B7", old: "x" } });
    expect(parsed.customFields).toEqual({ serial: "SN-1", colour: "red" });
    expect(schema.safeParse({ ...complaint, category: "SERVICE_PROBLEM", customFields: { branch: "Depok" } }).success).toBe(true);
  });

  it("names a missing answer together with the other fields' problems", () => {
    expect(issues(schema.safeParse({ ...complaint, name: "" }))).toEqual({ name: "required", "customFields.serial": "required" });
  });

  it("keeps only the category's answers for the audience when stored", () => {
    const all = [serial, colour, other, internal];
    expect(answersFor(all, "PRODUCT_RETURN", "customer", { serial: "SN", branch: "x", batch: "y" })).toEqual({ serial: "SN" });
    expect(answersFor(all, "PRODUCT_RETURN", "staff", { serial: "SN", batch: "y" })).toEqual({ batch: "y" });
  });

  it("checks staff's internal answers for the category", () => {
    const staff = answersByCategory([serial, internal], "staff");
    expect(staff.schema.parse({ batch: "B1", serial: "ignored" })).toEqual({ batch: "B1" });
  });
});

describe("withFormAnswers", () => {
  it("groups customFields.<key> inputs, a multiple choice as every ticked box", () => {
    const form = new FormData();
    form.append("category", "PRODUCT_RETURN");
    form.append("customFields.serial", "SN-1");
    form.append("customFields.extras", "box");
    form.append("customFields.extras", "manual");
    const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
    expect(withFormAnswers(values, form)).toEqual({
      category: "PRODUCT_RETURN",
      customFields: { serial: "SN-1", extras: ["box", "manual"] },
    });
  });
});
