// PostgreSQL cannot store U+0000 in text, and no other C0 control but tab, line feed and carriage
// return belongs in anything a person writes. Every request schema (forms, actions, the API) either
// refuses such a value in the field it came in, with a sentence for the reader, or hands on a value
// without one — never a value the database then refuses with a 500.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import en from "../../messages/en.json";
import id from "../../messages/id.json";
import { CATEGORY_CODES } from "@/domain/categories";
import { fieldErrors, type Translate } from "@/lib/forms/form-state";

const modules = import.meta.glob<Record<string, unknown>>(["./**/schemas.ts", "../api/schemas.ts", "../server/auth/sign-in-schema.ts"], {
  eager: true,
});

const FACTORY_ARGS: Record<string, unknown[]> = {
  complaintSchema: [],
  mailedComplaintSchema: [],
  createTicketBody: [],
  listTicketsQuery: [],
  queueParamsSchema: [CATEGORY_CODES],
  filterSchema: [{ categoryCodes: CATEGORY_CODES, teamIds: [], agentIds: [] }],
};

// What the API answers with, not what it accepts.
const isResponse = (name: string) => /View$/.test(name);

const SCHEMAS = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports).flatMap(([name, value]) => {
    if (isResponse(name)) return [];
    if (value instanceof z.ZodType) return [{ label: `${file}#${name}`, schema: value }];
    if (typeof value === "function" && /Schema$|Body$|Query$/.test(name)) {
      const args = FACTORY_ARGS[name];
      if (!args) throw new Error(`${name}: add its arguments to FACTORY_ARGS`);
      return [{ label: `${file}#${name}`, schema: (value as (...a: unknown[]) => z.ZodType)(...args) }];
    }
    return [];
  }),
);

const CONTROLS = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f"];
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function holdsControl(value: unknown): boolean {
  if (typeof value === "string") return CONTROL.test(value);
  if (Array.isArray(value)) return value.some(holdsControl);
  if (value && typeof value === "object") return Object.values(value).some(holdsControl);
  return false;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  if (schema instanceof z.ZodPipe) return shapeOf(schema.in as z.ZodType);
  return null;
}

// Keys nest (admin.errors.invalidTime): every feature's issue keys are worded by the one mapping.
function translator(catalogue: unknown): Translate {
  return (key, values = {}) => {
    const sentence = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
    if (typeof sentence !== "string") throw new Error(`no message for ${key}`);
    return sentence.replace(/\{(\w+)\}/g, (_, v: string) => String(values[v] ?? ""));
  };
}

describe("control characters in every request schema", () => {
  it("finds the schemas", () => {
    expect(SCHEMAS.length).toBeGreaterThanOrEqual(40);
  });

  for (const { label, schema } of SCHEMAS) {
    it(`${label}: refused with a sentence in both languages, or never handed on`, () => {
      // Field by field, so that a refusal is known to be the field's own.
      const shape = shapeOf(schema);
      const fields = shape ? Object.entries(shape) : [["(value)", schema] as const];
      for (const [field, fieldSchema] of fields) {
        for (const control of CONTROLS) {
          for (const sample of [`Good text${control} here, long enough to pass`, control, [`Good text${control} here`]]) {
            const result = fieldSchema.safeParse(sample);
            const where = `${label} ${field} given ${JSON.stringify(sample)}`;
            if (result.success) {
              expect(holdsControl(result.data), `${where}: handed on`).toBe(false);
              continue;
            }
            for (const catalogue of [en, id]) {
              expect(Object.values(fieldErrors(result.error, translator(catalogue))).flat().length, `${where}: no message`).toBeGreaterThan(
                0,
              );
            }
          }
        }
      }
    });
  }

  it("keeps tabs and line breaks, which people do write", () => {
    const complaint = SCHEMAS.find((s) => s.label.endsWith("complaints/schemas.ts#complaintSchema"))!.schema;
    const result = complaint.safeParse({
      name: "Siti\tAminah",
      email: "siti@example.test",
      category: CATEGORY_CODES[0],
      narrative: "First line\r\nsecond line\n\tindented, long enough",
      desiredOutcome: "A refund",
    });
    expect(result.success).toBe(true);
  });
});
