import { z } from "zod";
import { EXTERNAL_BODIES } from "@/domain/regulation/regimes";
import { storableString } from "@/lib/forms/storable-string";
import { ticketRef } from "@/features/protocol/schemas";

export const COMPLAINT_OUTCOMES = ["UPHELD", "PARTLY_UPHELD", "NOT_UPHELD"] as const;
export const REDRESS_KINDS = ["REFUND", "COMPENSATION", "REPLACEMENT", "REPAIR", "FEE_WAIVED", "INTEREST", "OTHER"] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, storableString().trim().max(max, { error: "tooLong" }).optional());
const requiredText = (max: number) =>
  storableString({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const optionalDate = z.preprocess(blankToUndefined, z.iso.date({ error: "invalidDate" }).optional());
const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

/**
 * The outcome of a complaint and, optionally, one redress or goodwill row in the same form: the one
 * schema for the workspace's form and its action. A redress's amount, date and note need its kind.
 */
export const outcomeSchema = ticketRef
  .extend({
    outcome: z.preprocess(blankToUndefined, z.enum(COMPLAINT_OUTCOMES, { error: "invalidChoice" }).optional()),
    redressKind: z.preprocess(blankToUndefined, z.enum(REDRESS_KINDS, { error: "invalidChoice" }).optional()),
    goodwill: checkbox,
    amount: z.preprocess(
      blankToUndefined,
      storableString()
        .trim()
        .regex(/^\d{1,10}([.,]\d{1,2})?$/, { error: "invalidAmount" })
        .transform((s) => s.replace(",", "."))
        .optional(),
    ),
    currency: z.preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().toUpperCase()) : v),
      z
        .string()
        .regex(/^[A-Z]{3}$/, { error: "invalid" })
        .optional(),
    ),
    paidAt: optionalDate,
    note: optionalText(1000),
  })
  .superRefine((input, ctx) => {
    if (!input.outcome && !input.redressKind) ctx.addIssue({ code: "custom", path: ["outcome"], message: "required" });
    if (!input.redressKind && (input.amount || input.paidAt || input.note || input.goodwill))
      ctx.addIssue({ code: "custom", path: ["redressKind"], message: "required" });
  });
export type OutcomeInput = z.infer<typeof outcomeSchema>;

/** The customer took the complaint to an outside body: which, their reference, when; the decision when known. */
export const externalEscalationSchema = ticketRef.extend({
  body: z.enum(EXTERNAL_BODIES, { error: "invalidChoice" }),
  reference: optionalText(100),
  referredAt: z.iso.date({ error: "invalidDate" }),
  decidedAt: optionalDate,
  outcome: optionalText(2000),
  note: optionalText(2000),
});
export type ExternalEscalationInput = z.infer<typeof externalEscalationSchema>;

/** The outside body decided. */
export const externalDecisionSchema = ticketRef.extend({
  escalationId: z.uuid({ error: "invalid" }),
  decidedAt: z.iso.date({ error: "invalidDate" }),
  outcome: requiredText(2000),
});
export type ExternalDecisionInput = z.infer<typeof externalDecisionSchema>;
