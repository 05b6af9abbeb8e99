import { z } from "zod";
import { emailAddress } from "@/lib/forms/email-address";
import { storableString } from "@/lib/forms/storable-string";
import { CATEGORY_CODE_PATTERN } from "@/domain/categories";
import { CUSTOMER_ASKS } from "@/domain/customer-ask";
import type { CustomFieldDefinition } from "@/domain/custom-fields";
import { answersByCategory } from "@/lib/forms/custom-fields";

// Schemas carry message keys (see lib/forms/form-state.ts), never sentences.
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const text = (min: number, max: number) =>
  storableString({ error: "required" }).trim().min(1, { error: "required" }).min(min, { error: "tooShort" }).max(max, { error: "tooLong" });

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

/** Amounts as a customer types them: digits, optionally two decimals; no thousands separators. */
const AMOUNT = /^\d{1,10}([.,]\d{1,2})?$/;

/**
 * The complaint, with the answers to the custom fields an admin defined (all of them, from the
 * database: the form's page, the action and the API each pass what they loaded).
 */
// Who the complaint is from: the form, the API and a mailed complaint read these the same way.
const sender = () => ({ name: text(2, 120), email: emailAddress() });

export function complaintSchema(
  today: () => string = () => new Date().toISOString().slice(0, 10),
  fields: readonly CustomFieldDefinition[] = [],
) {
  const answers = answersByCategory(fields, "customer");
  return (
    z
      .object({
        ...sender(),
        phone: optional(
          storableString()
            .trim()
            .max(32, { error: "tooLong" })
            .regex(/^\+?[0-9][0-9 ()-]{5,30}$/, { error: "invalidPhone" }),
        ),
        // Which categories exist is the database's to say (admins add them): fileComplaint checks it.
        category: storableString({ error: "invalidChoice" }).trim().regex(CATEGORY_CODE_PATTERN, { error: "invalidChoice" }),
        narrative: text(20, 5000),
        // The store, branch or outlet, as the customer names it.
        location: optional(storableString().trim().max(120, { error: "tooLong" })),
        orderNumber: optional(
          storableString()
            .trim()
            .max(64, { error: "tooLong" })
            .regex(/^[\p{L}\p{N}][\p{L}\p{N} #./_-]*$/u, { error: "invalidOrderNumber" }),
        ),
        purchaseDate: optional(
          z.iso.date({ error: "invalidDate" }).pipe(
            storableString()
              .refine((d) => d >= "2000-01-01", { error: "invalidDate" })
              .refine((d) => d <= today(), { error: "futureDate" }),
          ),
        ),
        amount: optional(
          storableString()
            .trim()
            .regex(AMOUNT, { error: "invalidAmount" })
            .transform((s) => s.replace(",", ".")),
        ),
        desiredOutcome: text(3, 1000),
        // What would resolve it for them, as one of a few choices (optional: they may not know). The
        // framework's proposal may depend on it; the words above stay the customer's own.
        customerAsk: optional(
          z.enum(CUSTOMER_ASKS, { error: "invalidChoice" }).meta({
            description: "What would resolve it for the customer, if they say: one of these; the framework's proposal may depend on it.",
          }),
        ),
        customFields: answers.schema,
      })
      // `when`: the category's required answers are named even when other fields are wrong too.
      .superRefine((input, ctx) => answers.requireForCategory(input, ctx), { when: () => true })
  );
}

export type ComplaintInput = z.infer<ReturnType<typeof complaintSchema>>;

/**
 * A complaint that came by mail: the sender's name and address, and the mail's text as the
 * narrative (as short as the customer wrote it; as long as the form allows). The rest is asked for
 * while listening.
 */
export function mailedComplaintSchema() {
  return z.object({
    ...sender(),
    narrative: storableString({ error: "required" }).trim().min(1, { error: "required" }).max(5000, { error: "tooLong" }),
  });
}

export const COMPLAINT_FIELDS = [
  "name",
  "email",
  "phone",
  "category",
  "narrative",
  "location",
  "orderNumber",
  "purchaseDate",
  "amount",
  "desiredOutcome",
  "customerAsk",
  "customFields",
] as const satisfies readonly (keyof ComplaintInput)[];

/**
 * The optional answers in free text, stored as typed: a ticket column each, shown to the agent, to
 * the customer and in the API under the label `complaintFacts.<name>` (see ./facts.ts). A new one
 * is a field above, a column, and its name here.
 */
export const COMPLAINT_TEXT_FACTS = ["location", "orderNumber"] as const satisfies readonly (keyof ComplaintInput)[];

export type ComplaintTextFact = (typeof COMPLAINT_TEXT_FACTS)[number];

/**
 * The form carries a random id made for each render of it; a double-click or a resubmitted page
 * sends the same id again, and the same ticket is returned instead of a second one.
 */
export const submissionIdSchema = z.uuid();
