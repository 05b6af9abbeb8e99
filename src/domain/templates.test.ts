import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  firstUnfilledPlaceholder,
  PLACEHOLDERS,
  renderTemplate,
  unfilledPlaceholders,
  unknownPlaceholders,
  type Placeholder,
  type TemplateValues,
} from "./templates";

const all: Required<Record<Placeholder, string>> = {
  customerName: "Maria Gomez",
  reference: "TGP-000123",
  restatement: "your blender never started",
  finding: "the batch was damaged in our warehouse",
  resolution: "a full refund",
  amount: "Rp 250.000",
  deadline: "Wednesday 25 November, 16:00",
  agentName: "Dewi",
  replyBy: "Tuesday 24 November, 10:00",
};

describe("renderTemplate", () => {
  it("fills every known placeholder", () => {
    const text = "Dear {customerName}, about {reference}: {resolution} of {amount}. {agentName} will reply by {replyBy}.";
    expect(renderTemplate(text, all)).toBe(
      "Dear Maria Gomez, about TGP-000123: a full refund of Rp 250.000. Dewi will reply by Tuesday 24 November, 10:00.",
    );
  });

  it("carries the record forward: what was heard and found, and the deadline", () => {
    expect(renderTemplate("As we understand it, {restatement}. We found that {finding}. Done by {deadline}.", all)).toBe(
      "As we understand it, your blender never started. We found that the batch was damaged in our warehouse. Done by Wednesday 25 November, 16:00.",
    );
  });

  it("fills a placeholder each time it appears", () => {
    expect(renderTemplate("{reference} / {reference}", { reference: "TGP-000007" })).toBe("TGP-000007 / TGP-000007");
  });

  it("leaves a placeholder visible when its value is missing, empty, blank or null", () => {
    const text = "Dear {customerName}, we will refund {amount}.";
    expect(renderTemplate(text, {})).toBe(text);
    expect(renderTemplate(text, { customerName: "", amount: null })).toBe(text);
    expect(renderTemplate(text, { customerName: "   ", amount: "Rp 10.000" })).toBe("Dear {customerName}, we will refund Rp 10.000.");
  });

  it("trims the whitespace around a value", () => {
    expect(renderTemplate("Hi {customerName}!", { customerName: "  Budi \n" })).toBe("Hi Budi!");
  });

  it("leaves braces that are not placeholders alone", () => {
    const text = "Keep {orderNumber}, {CustomerName}, { customerName }, {{}}, {} and {customerName as is.";
    expect(renderTemplate(text, all)).toBe(text);
  });

  it("fills a placeholder wrapped in extra braces and keeps the outer ones", () => {
    expect(renderTemplate("{{reference}}", all)).toBe("{TGP-000123}");
  });

  it("inserts values with replacement patterns literally", () => {
    for (const value of ["$&", "$1", "$$", "$`", "$'", "$<name>"]) {
      expect(renderTemplate("before {customerName} after", { customerName: value })).toBe(`before ${value} after`);
    }
  });

  it("does not fill placeholders that arrive inside a value", () => {
    expect(renderTemplate("Hi {customerName}, ref {reference}", { customerName: "{reference}", reference: "TGP-000001" })).toBe(
      "Hi {reference}, ref TGP-000001",
    );
  });

  it("returns text without placeholders unchanged", () => {
    expect(renderTemplate("", all)).toBe("");
    expect(renderTemplate("Terima kasih atas kesabaran Anda.", all)).toBe("Terima kasih atas kesabaran Anda.");
  });
});

describe("unfilledPlaceholders", () => {
  it("lists each placeholder once, in order, as written", () => {
    expect(unfilledPlaceholders("{amount} then {customerName} then {amount}")).toEqual(["{amount}", "{customerName}"]);
  });

  it("lists nothing when every placeholder is filled", () => {
    expect(unfilledPlaceholders(renderTemplate("Dear {customerName}, {amount} is on its way.", all))).toEqual([]);
  });

  it("lists what rendering could not fill", () => {
    expect(unfilledPlaceholders(renderTemplate("Dear {customerName}, {amount} is on its way.", { customerName: "Budi" }))).toEqual([
      "{amount}",
    ]);
  });

  it("also lists placeholder-shaped words that no value will ever fill, so they cannot be sent by mistake", () => {
    expect(unfilledPlaceholders("Your order {orderNumber}, dear {customername}")).toEqual(["{orderNumber}", "{customername}"]);
  });

  it("ignores braces that do not look like a placeholder", () => {
    expect(unfilledPlaceholders("{} {{}} { amount } {1st} {two words} :-{ }")).toEqual([]);
  });
});

describe("firstUnfilledPlaceholder", () => {
  it("finds where the first placeholder starts and ends", () => {
    const text = "Dear Budi, we will refund {amount} by {replyBy}.";
    const range = firstUnfilledPlaceholder(text);
    expect(range).toEqual({ start: text.indexOf("{amount}"), end: text.indexOf("{amount}") + "{amount}".length });
  });

  it("finds nothing when nothing is left to fill", () => {
    expect(firstUnfilledPlaceholder("All done {} here.")).toBeNull();
  });

  it("gives the same answer when called again (no regex state kept between calls)", () => {
    const text = "x {amount}";
    expect(firstUnfilledPlaceholder(text)).toEqual(firstUnfilledPlaceholder(text));
  });
});

describe("rendering, for any template and values", () => {
  const placeholder = fc.constantFrom(...PLACEHOLDERS).map((p) => `{${p}}`);
  const braceFree = fc.string({ maxLength: 20 }).filter((s) => !s.includes("{") && !s.includes("}"));
  // Known placeholders, brace-free text and braces that are not placeholders. The stray braces never
  // open a word ("{" + "amount" + "}"): around a placeholder, a value could complete a new one
  // ("{{customerName}}" with the name "amount"), and no template is written that way.
  const piece = fc.oneof(placeholder, braceFree, fc.constantFrom("{}", "{ x }", "}", "}}", "{ "));
  const pieces = fc.array(piece, { maxLength: 12 });
  const template = pieces.map((parts) => parts.join(""));
  const value = braceFree.filter((s) => s.trim() !== "");
  const allValues = fc.record(Object.fromEntries(PLACEHOLDERS.map((p) => [p, value])) as Record<Placeholder, typeof value>);
  const someValues: fc.Arbitrary<TemplateValues> = fc.record(
    Object.fromEntries(PLACEHOLDERS.map((p) => [p, fc.option(fc.oneof(value, fc.constant("")), { nil: null })])) as Record<
      Placeholder,
      fc.Arbitrary<string | null>
    >,
    { requiredKeys: [] },
  );
  const known = (found: string[]) => found.filter((p) => PLACEHOLDERS.some((name) => p === `{${name}}`));

  it("leaves no known placeholder when every value is given", () => {
    fc.assert(fc.property(template, allValues, (text, values) => known(unfilledPlaceholders(renderTemplate(text, values))).length === 0));
  });

  it("is idempotent for values without braces", () => {
    fc.assert(
      fc.property(template, someValues, (text, values) => {
        const once = renderTemplate(text, values);
        return renderTemplate(once, values) === once;
      }),
    );
  });

  it("leaves exactly the placeholders whose value is missing", () => {
    fc.assert(
      fc.property(template, someValues, (text, values) => {
        const left = new Set(known(unfilledPlaceholders(renderTemplate(text, values))));
        for (const p of PLACEHOLDERS) {
          const expected = text.includes(`{${p}}`) && !values[p]?.trim();
          if (left.has(`{${p}}`) !== expected) return false;
        }
        return true;
      }),
    );
  });

  it("inserts any value literally, braces and replacement patterns included", () => {
    const anyValue = fc
      .oneof(fc.string({ maxLength: 20 }), fc.constantFrom("$&", "$1", "$$", "$`", "$'", "$<x>", "{reference}", "{", "}", "{{amount}}"))
      .filter((s) => s.trim() === s && s !== "");
    fc.assert(
      fc.property(braceFree, anyValue, braceFree, (before, v, after) => {
        return renderTemplate(`${before}{customerName}${after}`, { customerName: v }) === `${before}${v}${after}`;
      }),
    );
  });

  it("changes nothing but the placeholders it fills", () => {
    fc.assert(
      fc.property(pieces, someValues, (parts, values) => {
        const expected = parts
          .map((p) => {
            const name = PLACEHOLDERS.find((n) => p === `{${n}}`);
            return name && values[name]?.trim() ? values[name].trim() : p;
          })
          .join("");
        return renderTemplate(parts.join(""), values) === expected;
      }),
    );
  });
});

describe("unknownPlaceholders", () => {
  it("names the placeholder-shaped words that will never be filled, once each", () => {
    expect(unknownPlaceholders("Dear {customerName}, order {orderNumber} / {orderNumber}, {customername}")).toEqual([
      "{orderNumber}",
      "{customername}",
    ]);
  });

  it("knows the placeholders that carry the record forward, so the admin editor accepts them", () => {
    expect(unknownPlaceholders("{restatement} {finding} {resolution} {amount} {deadline}")).toEqual([]);
  });

  it("accepts every known placeholder and braces that are not placeholders", () => {
    expect(unknownPlaceholders(PLACEHOLDERS.map((p) => `{${p}}`).join(" ") + " { } {1} {}")).toEqual([]);
  });
});
