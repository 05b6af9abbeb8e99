import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import id from "../../messages/id.json";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const at = (tree: object, key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);

/** Where the brace opened at `start` closes. */
function closing(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return text.length;
}

/**
 * The ICU arguments a message uses: `{name}`, `{count, plural, …}`, `{kind, select, …}` and those
 * inside their branches; not the words of a branch (`ACKNOWLEDGEMENT {acknowledgement}`).
 */
function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const scan = (text: string) => {
    for (let i = text.indexOf("{"); i >= 0; i = text.indexOf("{", i)) {
      const end = closing(text, i);
      const inner = text.slice(i + 1, end);
      const [, name, type, rest] = /^\s*(\w+)\s*(?:,\s*(\w+)\s*(?:,([\s\S]*))?)?$/.exec(inner) ?? [];
      if (name) found.add(name);
      if (rest !== undefined && /^(select|plural|selectordinal)$/.test(type ?? "")) {
        // Each branch is `key {message}`: its message is scanned, its braces are not arguments.
        for (let b = rest.indexOf("{"); b >= 0; b = rest.indexOf("{", closing(rest, b) + 1)) scan(rest.slice(b + 1, closing(rest, b)));
      }
      i = end + 1;
    }
  };
  scan(message);
  return [...found].sort();
}

describe("message catalogues", () => {
  it("have the same keys, nested ones included, in English and Bahasa Indonesia, each way", () => {
    const english = new Set(keys(en));
    const indonesian = new Set(keys(id));
    expect(
      [...english].filter((k) => !indonesian.has(k)),
      "missing in id.json",
    ).toEqual([]);
    expect(
      [...indonesian].filter((k) => !english.has(k)),
      "missing in en.json",
    ).toEqual([]);
    // A key that is a message in one and a group in the other would pass the lists above only by its children.
    for (const key of english) expect(typeof at(id, key), key).toBe("string");
  });

  it("use the same arguments in both languages, so no value is lost in translation", () => {
    const differing = keys(en).filter((k) => argumentsOf(String(at(en, k))).join() !== argumentsOf(String(at(id, k))).join());
    expect(differing.map((k) => `${k}: en ${argumentsOf(String(at(en, k)))} / id ${argumentsOf(String(at(id, k)))}`)).toEqual([]);
  });

  it("have no empty message", () => {
    for (const catalogue of [en, id]) {
      const empty = keys(catalogue).filter(
        (k) => !k.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue),
      );
      expect(empty).toEqual([]);
    }
  });
});
