import { z } from "zod";
import {
  activeOptions,
  fieldsToFill,
  TEXT_ANSWER_MAX,
  type Audience,
  type CustomFieldAnswers,
  type CustomFieldDefinition,
} from "@/domain/custom-fields";
import { storableString } from "./storable-string";

// The one zod schema for custom-field answers, built from the admin's definitions: the public
// form, its server action and the API validate the customer's answers with it (through
// complaintSchema), and the workspace's action validates staff's internal answers with it.
// Schemas carry message keys (see ./form-state.ts), never sentences.

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** A form sends text; JSON may send a number. Anything not a plain decimal stays text and is refused. */
const toNumber = (v: unknown) => {
  if (blank(v)) return undefined;
  if (typeof v !== "string") return v;
  const s = v.trim().replace(",", ".");
  return /^-?\d{1,15}(\.\d{1,6})?$/.test(s) ? Number(s) : v;
};

/** A form sends one value per checked box (one string for one box); JSON sends an array. */
const toList = (v: unknown) => {
  if (blank(v)) return undefined;
  const list = Array.isArray(v) ? v : [v];
  const kept = list.filter((item) => !blank(item));
  return kept.length ? kept : undefined;
};

const requiredOr = (otherwise: string) => (issue: { input?: unknown }) => (issue.input === undefined ? "required" : otherwise);

const emptyToUndefined = (v: unknown) => (blank(v) ? undefined : v);

function answerSchema(definition: CustomFieldDefinition, required: boolean): z.ZodType {
  const offered = new Set(activeOptions(definition).map((o) => o.key));
  // A retired option is kept on the tickets that chose it but is never accepted as a new answer.
  const option = storableString({ error: requiredOr("invalidChoice") }).refine((key) => offered.has(key), { error: "invalidChoice" });
  const typed: Record<CustomFieldDefinition["type"], [(v: unknown) => unknown, z.ZodType]> = {
    TEXT: [
      emptyToUndefined,
      storableString({ error: requiredOr("invalid") })
        .trim()
        .max(TEXT_ANSWER_MAX, { error: "tooLong" }),
    ],
    NUMBER: [toNumber, z.number({ error: requiredOr("invalidNumber") }).finite({ error: "invalidNumber" })],
    DATE: [emptyToUndefined, z.iso.date({ error: requiredOr("invalidDate") })],
    CHOICE: [emptyToUndefined, option],
    MULTI_CHOICE: [
      toList,
      z
        .array(option, { error: requiredOr("invalidChoice") })
        .max(definition.options.length, { error: "invalidChoice" })
        .transform((keys) => [...new Set(keys)]),
    ],
  };
  const [prepare, schema] = typed[definition.type];
  // Optional inside the preprocess: an empty input becomes undefined there, and is then no answer.
  return z.preprocess(prepare, required ? schema : schema.optional()).meta({ description: describe(definition) });
}

function describe(definition: CustomFieldDefinition): string {
  const choices = activeOptions(definition).map((o) => `\`${o.key}\` (${o.labelEn})`);
  return [
    `${definition.labelEn} — category ${definition.categoryCode}, ${definition.required ? "required" : "optional"}`,
    definition.type === "DATE" ? "a date, YYYY-MM-DD" : null,
    choices.length ? `${definition.type === "MULTI_CHOICE" ? "any of" : "one of"}: ${choices.join(", ")}` : null,
  ]
    .filter(Boolean)
    .join("; ");
}

/**
 * The answers to these fields, keyed by field key: each checked against its type and offered
 * options, required ones required. Keys it does not know (archived fields, other audiences) are
 * dropped, never stored.
 */
export function customFieldsSchema(definitions: readonly CustomFieldDefinition[], { enforceRequired = true } = {}) {
  return z.object(Object.fromEntries(definitions.map((d) => [d.key, answerSchema(d, enforceRequired && d.required)]))) as z.ZodType<
    CustomFieldAnswers,
    Record<string, unknown>
  >;
}

/**
 * Answers given together with the category they are for: the complaint (customer-facing fields;
 * form, action and API) and the workspace (internal fields). The answers to every such field of
 * any category, each typed but optional, plus — once the category is known — the category's
 * required ones, checked even when other fields are wrong so one answer names every problem.
 */
export function answersByCategory(definitions: readonly CustomFieldDefinition[], audience: Audience) {
  const fillable = definitions.filter((d) => d.customerFacing === (audience === "customer") && !d.archived);
  return {
    schema: customFieldsSchema(fillable, { enforceRequired: false })
      .optional()
      .transform((answers) => answers ?? {})
      .meta({
        description:
          "Answers to the category's custom fields, by field key. Fields of other categories are ignored; the category's required ones must be given.",
      }),
    requireForCategory(value: unknown, ctx: z.RefinementCtx) {
      const input = (value ?? {}) as { category?: unknown; customFields?: unknown };
      if (typeof input.category !== "string") return;
      const answers = (input.customFields && typeof input.customFields === "object" ? input.customFields : {}) as Record<string, unknown>;
      for (const field of fieldsToFill(fillable, input.category, audience)) {
        const answer = answers[field.key];
        const missing = blank(answer) || (Array.isArray(answer) && answer.every(blank));
        if (field.required && missing) ctx.addIssue({ code: "custom", message: "required", path: ["customFields", field.key] });
      }
    },
  };
}

/**
 * A form's custom-field inputs (named `customFields.<key>`; a multiple choice sends one value per
 * ticked box) as the object the schema reads, beside the form's other fields.
 */
export function withFormAnswers(values: Record<string, string>, formData: FormData): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  const answers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.startsWith("customFields.")) {
      const all = formData.getAll(name).filter((v): v is string => typeof v === "string");
      answers[name.slice("customFields.".length)] = all.length > 1 ? all : value;
    } else rest[name] = value;
  }
  return { ...rest, customFields: answers };
}

/** Only the answers that belong to the category's fields for this audience: what a ticket stores. */
export function answersFor(
  definitions: readonly CustomFieldDefinition[],
  categoryCode: string,
  audience: Audience,
  answers: CustomFieldAnswers,
): CustomFieldAnswers {
  const keys = new Set(fieldsToFill(definitions, categoryCode, audience).map((d) => d.key));
  return Object.fromEntries(Object.entries(answers).filter(([key, value]) => keys.has(key) && value !== undefined));
}
