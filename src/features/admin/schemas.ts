import { z } from "zod";
import { emailAddress } from "@/lib/forms/email-address";
import { storableString } from "@/lib/forms/storable-string";
import { isIanaTimeZone } from "@/domain/admin/time-zone";
import { ISO_WEEKDAYS, parseWeeklyHours } from "@/domain/admin/weekly-hours";
import { CATEGORY_CODE_PATTERN } from "@/domain/categories";
import { CUSTOMER_ASKS } from "@/domain/customer-ask";
import { ROOT_CAUSES } from "@/domain/protocol";
import { CHOICE_KEY_PATTERN, CUSTOM_FIELD_KEY_PATTERN, CUSTOM_FIELD_TYPES, type CustomFieldOption } from "@/domain/custom-fields";
import { RESOLUTION_KINDS } from "@/domain/resolution";
import { PROPOSED_AMOUNTS } from "@/domain/resolution-proposal";
import { ROLES } from "@/domain/roles";
import { PRIORITIES } from "@/domain/stages";
import { TEMPLATE_KINDS, unknownPlaceholders } from "@/domain/templates";
import { LOCALES } from "@/i18n/locales";
import { REGIME_CODES } from "@/domain/regulation/regimes";

// Schemas carry message keys; keys under admin.errors are this feature's own, worded by
// lib/forms/form-state.ts like every other.

const id = z.uuid({ error: "invalid" });
const text = (min: number, max: number) =>
  storableString({ error: "required" }).trim().min(1, { error: "required" }).min(min, { error: "tooShort" }).max(max, { error: "tooLong" });
/** An empty choice in a <select> means "none". */
const optionalId = z.union([z.literal(""), z.uuid({ error: "invalidChoice" })]).transform((v) => (v === "" ? null : v));
/** A checkbox sends "on" when ticked and nothing when not. */
const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());
const wholeNumber = (min: number, max: number, error: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v),
    z.number({ error }).int({ error }).min(min, { error }).max(max, { error }),
  );
const AMOUNT = /^\d{1,10}(\.\d{1,2})?$/;
const amount = storableString({ error: "required" }).trim().min(1, { error: "required" }).regex(AMOUNT, { error: "invalidAmount" });
const password = storableString({ error: "required" })
  .min(1, { error: "required" })
  .min(12, { error: "tooShort" })
  .max(1024, { error: "tooLong" });
const email = emailAddress();
const role = z.enum(ROLES, { error: "invalidChoice" });

// --- staff ----------------------------------------------------------------------------------------

export const createStaffSchema = z.object({
  name: text(2, 120),
  email,
  role,
  teamId: optionalId,
  locale: z.enum(LOCALES, { error: "invalidChoice" }),
  password,
});
export type CreateStaffInput = z.infer<typeof createStaffSchema>;

export const updateStaffSchema = z.object({ userId: id, role, teamId: optionalId });
export const resetPasswordSchema = z.object({ userId: id, password });
export const endStaffSessionsSchema = z.object({ userId: id });
export const setStaffActiveSchema = z.object({ userId: id, active: z.enum(["true", "false"]).transform((v) => v === "true") });

// --- teams ----------------------------------------------------------------------------------------

export const createTeamSchema = z.object({ nameEn: text(2, 80), nameId: text(2, 80) });
export const renameTeamSchema = z.object({ teamId: id, nameEn: text(2, 80), nameId: text(2, 80) });
export const categoryTeamSchema = z.object({ categoryId: id, teamId: optionalId });

// --- categories, resolution options, authority ----------------------------------------------------

export const createCategorySchema = z.object({
  code: storableString({ error: "required" })
    .trim()
    .toUpperCase()
    .min(1, { error: "required" })
    .regex(CATEGORY_CODE_PATTERN, { error: "invalidCode" }),
  nameEn: text(2, 80),
  nameId: text(2, 80),
  sortOrder: wholeNumber(0, 9999, "invalidOrder"),
});

export const updateCategorySchema = z.object({
  categoryId: id,
  nameEn: text(2, 80),
  nameId: text(2, 80),
  sortOrder: wholeNumber(0, 9999, "invalidOrder"),
  active: checkbox,
});

// --- regulatory regimes (issue 16) ---------------------------------------------------------------

/**
 * The regime a category's complaints are handled under (src/domain/regulation/regimes.ts), and
 * whether they are about payment services (only the FCA regime counts those apart).
 */
export const categoryRegimeSchema = z.object({
  categoryId: id,
  regime: z.enum(REGIME_CODES, { error: "invalidChoice" }),
  paymentServices: checkbox.optional(),
});
export type CategoryRegimeInput = z.infer<typeof categoryRegimeSchema>;

const optionalDays = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  wholeNumber(1, 60, "invalidDays").nullable(),
);

/** An admin's values for the numbers a regime leaves to the firm (`policy`); empty keeps the default. */
export const regimeSettingSchema = z.object({
  regime: z.enum(REGIME_CODES, { error: "invalidChoice" }),
  warnBeforeDays: optionalDays,
  acknowledgeDays: optionalDays.optional(),
  countsFromComplete: checkbox.optional(),
  // Four-eyes: a letter whose redress is above this needs a second person's approval; empty: none.
  fourEyesRedressAbove: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), amount.nullable()).optional(),
});
export type RegimeSettingInput = z.infer<typeof regimeSettingSchema>;

export const resolutionOptionSchema = z.object({
  categoryId: id,
  kind: z.enum(RESOLUTION_KINDS, { error: "invalidChoice" }),
  labelEn: text(2, 120),
  labelId: text(2, 120),
  defaultAmount: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), amount.nullable()),
  sortOrder: wholeNumber(0, 9999, "invalidOrder"),
  active: checkbox,
});
export type ResolutionOptionInput = z.infer<typeof resolutionOptionSchema>;

export const authorityLimitSchema = z.object({ role, maxAmount: amount });

/**
 * An empty (or absent) choice in a <select>: "any" in a proposal's scope, "none" for its amount, "leave as
 * it is" in a macro.
 */
const unset = <S extends z.ZodType>(schema: S) => z.preprocess((v) => v ?? "", schema);
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  unset(z.union([z.literal(""), z.enum(values, { error: "invalidChoice" })]).transform((v) => (v === "" ? null : v)));

/** One rule of the framework's proposal: its scope (category × root cause × the customer's ask, each "any") and what it proposes. */
export const proposalSchema = z.object({
  categoryId: optionalId,
  rootCause: optionalChoice(ROOT_CAUSES),
  ask: optionalChoice(CUSTOMER_ASKS),
  kind: z.enum(RESOLUTION_KINDS, { error: "invalidChoice" }),
  amountRule: optionalChoice(PROPOSED_AMOUNTS),
});
export type ProposalInput = z.infer<typeof proposalSchema>;

export const deleteProposalSchema = z.object({ proposalId: id });
// --- custom fields --------------------------------------------------------------------------------

/**
 * The options a choice offers, one a line: `key | English label | Indonesian label`. A line
 * removed retires its option (answers keep it); the line typed again brings it back.
 */
const fieldOptions = storableString()
  .default("")
  .transform((text, ctx): CustomFieldOption[] => {
    const options: CustomFieldOption[] = [];
    for (const line of text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)) {
      const [key = "", labelEn = "", labelId = "", ...rest] = line.split("|").map((p) => p.trim());
      const labelOk = (l: string) => l.length >= 1 && l.length <= 120;
      if (rest.length || !CHOICE_KEY_PATTERN.test(key) || !labelOk(labelEn) || !labelOk(labelId) || options.some((o) => o.key === key)) {
        ctx.addIssue({ code: "custom", message: "invalidOptions", params: { line } });
        return z.NEVER;
      }
      options.push({ key, labelEn, labelId, retired: false });
    }
    return options;
  });

const fieldSettings = {
  labelEn: text(2, 120),
  labelId: text(2, 120),
  options: fieldOptions,
  customerFacing: checkbox,
  required: checkbox,
  sortOrder: wholeNumber(0, 9999, "invalidOrder"),
};

export const createCustomFieldSchema = z.object({
  categoryId: id,
  key: storableString({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, { error: "required" })
    .regex(CUSTOM_FIELD_KEY_PATTERN, { error: "invalidFieldKey" }),
  type: z.enum(CUSTOM_FIELD_TYPES, { error: "invalidChoice" }),
  ...fieldSettings,
});
export type CreateCustomFieldInput = z.infer<typeof createCustomFieldSchema>;

/** The key and the type never change: answers are stored under the key, in the type's shape. */
export const updateCustomFieldSchema = z.object({ fieldId: id, ...fieldSettings, archived: checkbox });
export type UpdateCustomFieldInput = z.infer<typeof updateCustomFieldSchema>;

// --- SLA ------------------------------------------------------------------------------------------

/** Every stage with a clock: CLOSED has none. */
export const TIMED_STAGES = ["NEW", "LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE"] as const;

/** A part of a duration: an empty box is none of it. */
const durationPart = (max: number, error: string) =>
  z.preprocess(
    (v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? 0 : typeof v === "string" ? Number(v.trim()) : v),
    z.number({ error }).int({ error }).min(0, { error }).max(max, { error }),
  );

// Admins think of a target as "4 hours" or "1 hour 30 minutes"; it is stored in business minutes.
export const slaTargetSchema = z
  .object({
    categoryId: optionalId,
    priority: z.union([z.literal(""), z.enum(PRIORITIES, { error: "invalidChoice" })]).transform((v) => (v === "" ? null : v)),
    stage: z.enum(TIMED_STAGES, { error: "invalidChoice" }),
    // Up to a year of business time.
    targetHours: durationPart(8760, "invalidHours"),
    targetMinutes: durationPart(59, "invalidMinutePart"),
    atRiskPercent: wholeNumber(1, 99, "invalidPercent"),
  })
  .transform(({ targetHours, targetMinutes, ...rest }, ctx) => {
    const businessMinutes = targetHours * 60 + targetMinutes;
    // A target is a promise, so at least one minute.
    if (businessMinutes < 1 || businessMinutes > 525_600) {
      ctx.addIssue({ code: "custom", path: ["targetHours"], message: "invalidMinutes" });
      return z.NEVER;
    }
    return { ...rest, businessMinutes };
  });
export type SlaTargetInput = z.infer<typeof slaTargetSchema>;

export const deleteSlaTargetSchema = z.object({ targetId: id });

// --- calendars ------------------------------------------------------------------------------------

const weekdayFields = Object.fromEntries(
  ISO_WEEKDAYS.flatMap((d) => [
    [`opens${d}`, storableString().default("")],
    [`closes${d}`, storableString().default("")],
  ]),
) as Record<`opens${number}` | `closes${number}`, z.ZodDefault<z.ZodString>>;

export const calendarSchema = z
  .object({
    calendarId: id,
    timeZone: storableString({ error: "required" })
      .trim()
      .min(1, { error: "required" })
      .refine(isIanaTimeZone, { error: "invalidTimeZone" }),
    ...weekdayFields,
  })
  .transform((input, ctx) => {
    const values = input as unknown as Record<string, string>;
    const result = parseWeeklyHours(
      ISO_WEEKDAYS.map((weekday) => ({ weekday, opens: values[`opens${weekday}`] ?? "", closes: values[`closes${weekday}`] ?? "" })),
    );
    if (!result.ok) {
      for (const p of result.problems) ctx.addIssue({ code: "custom", path: [`opens${p.weekday}`], message: p.problem });
      if (result.noOpenDay) ctx.addIssue({ code: "custom", path: ["opens1"], message: "noOpenDay" });
      return z.NEVER;
    }
    return { calendarId: input.calendarId, timeZone: input.timeZone, hours: result.hours };
  });
export type CalendarInput = z.infer<typeof calendarSchema>;

export const holidaySchema = z.object({
  calendarId: id,
  date: storableString({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDate" })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
      error: "invalidDate",
    }),
  nameEn: text(2, 120),
  nameId: text(2, 120),
});
export type HolidayInput = z.infer<typeof holidaySchema>;
export const removeHolidaySchema = z.object({ holidayId: id });

// --- message templates ----------------------------------------------------------------------------

export const templateSchema = z
  .object({
    kind: z.enum(TEMPLATE_KINDS, { error: "invalidChoice" }),
    locale: z.enum(LOCALES, { error: "invalidChoice" }),
    categoryId: optionalId,
    subject: text(1, 200),
    // Browsers submit a textarea's line breaks as CRLF; templates keep plain newlines.
    body: z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v), text(1, 10_000)),
  })
  .superRefine((t, ctx) => {
    for (const field of ["subject", "body"] as const) {
      const unknown = unknownPlaceholders(t[field]);
      if (unknown.length)
        ctx.addIssue({ code: "custom", path: [field], message: "unknownPlaceholder", params: { names: unknown.join(", ") } });
    }
  });
export type TemplateInput = z.infer<typeof templateSchema>;

export const deleteTemplateSchema = z.object({ templateId: id });

/** Which template the editor opens, from its URL: a kind, a language, and a category or "" for the fallback. */
export const templateKeySchema = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  locale: z.enum(LOCALES),
  category: z.union([z.literal(""), z.uuid()]).default(""),
});

// --- audit ----------------------------------------------------------------------------------------

export const AUDIT_ENTITIES = [
  "User",
  "Team",
  "Category",
  "ResolutionOption",
  "AuthorityLimit",
  "ResolutionProposal",
  "SlaTarget",
  "BusinessCalendar",
  "Holiday",
  "RegimeSetting",
  "MessageTemplate",
  "ApiToken",
  "WebhookEndpoint",
  "Macro",
  "CustomField",
  "InboundMailbox",
  "QualityCriterion",
  "Ticket",
] as const;

export const auditFilterSchema = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

// --- macros ----------------------------------------------------------------------------------------

/** A macro of one team; without `macroId` a new one. Each action is optional. */
export const saveMacroSchema = z.object({
  macroId: z
    .union([z.literal(""), id])
    .optional()
    .transform((v) => v || null),
  teamId: z.uuid({ error: "invalidChoice" }),
  nameEn: text(2, 100),
  nameId: text(2, 100),
  templateKind: optionalChoice(TEMPLATE_KINDS),
  priority: optionalChoice(PRIORITIES),
  // "self": whoever applies it; a staff member's id: that person.
  assignee: unset(z.union([z.literal(""), z.literal("self"), z.uuid({ error: "invalidChoice" })])),
  categoryId: unset(optionalId),
  waitForCustomer: checkbox,
  internalNote: storableString()
    .trim()
    .max(2000, { error: "tooLong" })
    .optional()
    .transform((v) => v || null),
  active: checkbox,
});

// --- quality rubric -------------------------------------------------------------------------------

/** A criterion of the quality rubric: its label in both languages and the most a review may give it. */
export const qualityCriterionSchema = z.object({
  criterionId: z
    .union([z.literal(""), id])
    .optional()
    .transform((v) => v || null),
  labelEn: text(2, 120),
  labelId: text(2, 120),
  maxScore: wholeNumber(1, 100, "invalidNumber"),
  sortOrder: wholeNumber(0, 9999, "invalidOrder"),
  active: checkbox,
});
