import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import id from "../../messages/id.json";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("message catalogues", () => {
  it("have the same keys in English and Bahasa Indonesia", () => {
    expect(keys(id).sort()).toEqual(keys(en).sort());
  });

  it("have no empty message", () => {
    for (const catalogue of [en, id]) {
      const empty = keys(catalogue).filter((k) => !k.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue));
      expect(empty).toEqual([]);
    }
  });
});
