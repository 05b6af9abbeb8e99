// Property-based fuzzing of every zod schema in src/features/**/schemas.ts and src/api/schemas.ts: whatever arrives —
// random values, hostile strings, extra fields — parsing never throws; a refusal always becomes a
// sentence in the reader's language; an accepted value carries only the schema's own fields.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import en from "../../messages/en.json";
import { CATEGORY_CODES } from "@/domain/categories";
import { fieldErrors, type Translate } from "@/lib/forms/form-state";

const modules = import.meta.glob<Record<string, unknown>>(["./**/schemas.ts", "../api/schemas.ts"], { eager: true });

// Schemas built by a factory get realistic arguments here; a new factory without one fails below.
const FACTORY_ARGS: Record<string, unknown[]> = {
  complaintSchema: [],
  mailedComplaintSchema: [],
  queueParamsSchema: [CATEGORY_CODES],
  filterSchema: [{ categoryCodes: CATEGORY_CODES, teamIds: ["00000000-0000-4000-8000-000000000001"], agentIds: [] }],
};

function schemasIn(moduleExports: Record<string, unknown>): [string, z.ZodType][] {
  return Object.entries(moduleExports).flatMap(([name, value]): [string, z.ZodType][] => {
    if (value instanceof z.ZodType) return [[name, value]];
    if (typeof value === "function" && /Schema$/.test(name)) {
      const args = FACTORY_ARGS[name];
      if (!args) throw new Error(`${name}: add its arguments to FACTORY_ARGS so it is fuzzed`);
      return [[name, (value as (...a: unknown[]) => z.ZodType)(...args)]];
    }
    return [];
  });
}

const SCHEMAS = Object.entries(modules).flatMap(([file, m]) =>
  schemasIn(m).map(([name, schema]) => ({ label: `${file.slice(2)}#${name}`, schema })),
);

// What attackers and unlucky customers actually send.
const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(document.cookie)",
  '\'; DROP TABLE "Ticket"; --',
  "' OR '1'='1",
  "../../../../etc/passwd",
  "%00%2e%2e%2f",
  "\u0000",
  "\ud800",
  "\u202eevil",
  "${jndi:ldap://127.0.0.1/a}",
  "{{7*7}}",
  "a".repeat(10_001),
  "🙂".repeat(3_000),
  " ",
  "",
  "1e309",
  "-0",
  "NaN",
  "00000000-0000-0000-0000-000000000000",
  "00000000-0000-0000-0000-000000000000:1",
];

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.constantFrom(...HOSTILE),
);
const formValue = fc.oneof(
  { weight: 5, arbitrary: text },
  fc.constant(undefined),
  fc.array(text, { maxLength: 3 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

function keysOf(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Forms as they arrive: the schema's fields with random values, and fields nobody asked for. */
function formFor(schema: z.ZodType) {
  const keys = keysOf(schema);
  const fields = Object.fromEntries(keys.map((k) => [k, formValue]));
  const extra = fc.dictionary(
    fc.constantFrom("status", "assigneeId", "priority", "stage", "teamId", "__proto__", "constructor", "role", "links"),
    text,
    { maxKeys: 4 },
  );
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), extra).map(([known, more]) => ({ ...more, ...known }));
}

// Keys nest (admin.errors.invalidTime): every feature's issue keys are worded by the one mapping.
const t: Translate = (key, values = {}) => {
  const sentence = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  if (typeof sentence !== "string") throw new Error(`no message for ${key}`);
  return sentence.replace(/\{(\w+)\}/g, (_, v: string) => String(values[v] ?? ""));
};

let inputs = 0;
const RUNS = 400;

describe("every schema under fuzzing", () => {
  it("finds the schemas", () => {
    expect(SCHEMAS.length).toBeGreaterThanOrEqual(20);
  });

  for (const { label, schema } of SCHEMAS) {
    it(`${label}: never throws; refusals are messages; accepted values keep only known fields`, () => {
      const known = new Set(keysOf(schema));
      const check = (input: unknown) => {
        inputs++;
        const result = schema.safeParse(input);
        if (!result.success) {
          expect(result.error.issues.length).toBeGreaterThan(0);
          for (const issue of result.error.issues) expect(typeof issue.message === "string" && issue.message.length > 0).toBe(true);
          const errors = fieldErrors(result.error, t);
          const sentences = Object.values(errors).flat();
          expect(sentences.length).toBeGreaterThan(0);
          for (const s of sentences) expect(s.trim().length).toBeGreaterThan(3);
          return;
        }
        if (known.size > 0 && result.data && typeof result.data === "object") {
          for (const key of Object.keys(result.data)) expect(known.has(key), `${label} kept the unknown field ${key}`).toBe(true);
        }
      };
      fc.assert(fc.property(fc.anything(), check), { numRuns: RUNS / 4 });
      fc.assert(fc.property(formFor(schema), check), { numRuns: RUNS });
    });
  }

  afterAll(() => {
    console.log(`schema fuzzing: ${inputs} inputs across ${SCHEMAS.length} schemas`);
  });
});
