import { describe, expect, it } from "vitest";
import {
  answerCell,
  answerContainment,
  describeAnswers,
  echoedAnswers,
  fieldsToFill,
  mergeOptions,
  type CustomFieldDefinition,
} from "./custom-fields";

const base = { categoryCode: "PRODUCT_RETURN", required: false, sortOrder: 0, archived: false, customerFacing: true, options: [] };
const size: CustomFieldDefinition = {
  ...base,
  key: "size",
  type: "CHOICE",
  labelEn: "Size",
  labelId: "Ukuran",
  sortOrder: 2,
  options: [
    { key: "s", labelEn: "Small", labelId: "Kecil", retired: false },
    { key: "xl", labelEn: "Extra large", labelId: "Sangat besar", retired: true },
  ],
};
const batch: CustomFieldDefinition = {
  ...base,
  key: "batch",
  type: "TEXT",
  labelEn: "Batch",
  labelId: "Batch",
  customerFacing: false,
  sortOrder: 1,
};
const old: CustomFieldDefinition = { ...base, key: "old", type: "NUMBER", labelEn: "Old", labelId: "Lama", archived: true, sortOrder: 3 };

describe("describeAnswers", () => {
  const answers = { size: "xl", batch: "B-7", old: 4, gone: "kept", empty: "" };

  it("shows staff every stored answer: retired options and archived fields marked, unknown keys by name", () => {
    expect(describeAnswers([size, batch, old], answers, "id", "staff")).toEqual([
      { key: "batch", label: "Batch", values: [{ text: "B-7", retired: false }], customerFacing: false, archived: false },
      { key: "size", label: "Ukuran", values: [{ text: "Sangat besar", retired: true }], customerFacing: true, archived: false },
      { key: "old", label: "Lama", values: [{ text: "4", retired: false }], customerFacing: true, archived: true },
      { key: "gone", label: "gone", values: [{ text: "kept", retired: false }], customerFacing: false, archived: true },
    ]);
  });

  it("shows the customer only customer-facing answers", () => {
    expect(describeAnswers([size, batch, old], answers, "en", "customer").map((a) => a.key)).toEqual(["size", "old"]);
  });

  it("keeps an option that disappeared from the definition entirely, as retired", () => {
    expect(describeAnswers([{ ...size, options: [] }], { size: "s" }, "en", "staff")[0]!.values).toEqual([{ text: "s", retired: true }]);
  });
});

describe("fieldsToFill", () => {
  it("asks each audience its own live fields of the category, in order", () => {
    const other = { ...size, key: "colour", categoryCode: "OTHER" };
    expect(fieldsToFill([old, size, batch, other], "PRODUCT_RETURN", "customer").map((f) => f.key)).toEqual(["size"]);
    expect(fieldsToFill([old, size, batch, other], "PRODUCT_RETURN", "staff").map((f) => f.key)).toEqual(["batch"]);
  });
});

describe("mergeOptions", () => {
  it("retires an option left out instead of dropping it, and revives one typed again", () => {
    const merged = mergeOptions(size.options, [{ key: "m", labelEn: "Medium", labelId: "Sedang", retired: false }]);
    expect(merged.map((o) => [o.key, o.retired])).toEqual([
      ["m", false],
      ["s", true],
      ["xl", true],
    ]);
    expect(mergeOptions(merged, [{ key: "xl", labelEn: "XL", labelId: "XL", retired: false }]).find((o) => o.key === "xl")!.retired).toBe(
      false,
    );
  });
});

describe("answerContainment and answerCell", () => {
  it("matches a number as a number and a multiple choice by inclusion", () => {
    expect(answerContainment(old, " 4 ")).toEqual({ old: 4 });
    expect(answerContainment(old, "four")).toBeNull();
    expect(answerContainment({ ...size, type: "MULTI_CHOICE" }, "s")).toEqual({ size: ["s"] });
    expect(answerContainment(size, "s")).toEqual({ size: "s" });
    expect(answerContainment(size, "  ")).toBeNull();
  });

  it("writes a cell per answer", () => {
    expect([answerCell(undefined), answerCell(3.5), answerCell(["a", "b"]), answerCell("x")]).toEqual(["", "3.5", "a; b", "x"]);
  });

  it("reads a refused form's answers back by key", () => {
    expect(echoedAnswers({ name: "x", "customFields.size": "s" })).toEqual({ size: "s" });
  });
});
