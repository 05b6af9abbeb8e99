import { VULNERABILITY_DRIVERS } from "@/domain/regulation/vulnerability";
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-string";
import { SETTLEMENT_DECISIONS } from "@/domain/escalation";
import { ROOT_CAUSES, SEVERITIES } from "@/domain/protocol";
import { parseReference } from "@/domain/reference";
import { PRIORITIES } from "@/domain/stages";
import { unfilledPlaceholders } from "@/domain/templates";

// Formats only: whether enough is recorded to move on is the protocol's gate to decide
// (src/domain/protocol.ts), so an agent can save what they have so far.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number) => storableString({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const optionalText = (max: number) => z.preprocess(blankToUndefined, storableString().trim().max(max, { error: "tooLong" }).optional());
const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());
const intent = z
  .enum(["save", "advance"])
  .default("save")
  .transform((v) => v === "advance");

export const ticketRef = z.object({
  ticketId: z.uuid({ error: "invalid" }),
  version: z.coerce.number({ error: "invalid" }).int().positive(),
});

export const messageBody = text(5000);

// A template's {placeholders} must be replaced before a message reaches the customer.
const personalBody = messageBody.refine((body) => unfilledPlaceholders(body).length === 0, { error: "unfilledPlaceholder" });

export const acknowledgeSchema = ticketRef.extend({ body: personalBody });

export const listenSchema = ticketRef.extend({
  factsWhat: optionalText(4000),
  factsWhen: optionalText(500),
  factsWhere: optionalText(500),
  factsPayment: optionalText(500),
  desiredOutcome: optionalText(1000),
  restatement: optionalText(2000),
  severity: z.preprocess(blankToUndefined, z.enum(SEVERITIES, { error: "invalidChoice" }).optional()),
  safetyRisk: z
    .preprocess(blankToUndefined, z.enum(["yes", "no"], { error: "invalidChoice" }).optional())
    .transform((v) => (v === undefined ? undefined : v === "yes")),
  intent,
});

export const understandSchema = ticketRef.extend({
  rootCause: z.preprocess(blankToUndefined, z.enum(ROOT_CAUSES, { error: "invalidChoice" }).optional()),
  finding: optionalText(4000),
  disputed: checkbox,
  intent,
});

export const clarificationSchema = ticketRef.extend({ body: personalBody, waitForCustomer: checkbox });

export const reasonSchema = ticketRef.extend({ reason: text(1000) });

export const resolutionSchema = ticketRef.extend({
  optionId: z.uuid({ error: "invalidChoice" }),
  amount: z.preprocess(
    blankToUndefined,
    storableString()
      .trim()
      .regex(/^\d{1,10}([.,]\d{1,2})?$/, { error: "invalidAmount" })
      .transform((s) => s.replace(",", "."))
      .optional(),
  ),
  note: optionalText(2000),
  intent,
});

// A supervisor settles an escalation: how, why, and whether they take the ticket over themselves.
export const settlementSchema = ticketRef.extend({
  decision: z.enum(SETTLEMENT_DECISIONS, { error: "invalidChoice" }),
  note: text(2000),
  takeOver: checkbox,
});

export const vulnerabilitySchema = ticketRef.extend({
  driver: z.enum(VULNERABILITY_DRIVERS, { error: "invalidChoice" }),
  note: text(2000),
});

export const removeVulnerabilitySchema = ticketRef.extend({ flagId: z.uuid({ error: "invalidChoice" }), reason: text(1000) });

// approvalId names the request decided (the inbox and a held letter send it); without it, the ticket's resolution.
export const approvalSchema = ticketRef.extend({
  decision: z.enum(["approve", "deny"], { error: "invalidChoice" }),
  reason: text(1000),
  approvalId: z.uuid().optional(),
});

// A supervisor may send an apology over the check, and must say why; whether the sender may is the
// command's to decide (src/features/protocol/apology-gate.ts).
export const apologySchema = ticketRef
  .extend({ body: personalBody, preventiveAction: optionalText(2000), override: checkbox, overrideReason: optionalText(1000) })
  .refine((v) => !v.override || v.overrideReason !== undefined, { path: ["overrideReason"], error: "required" });

export const replySchema = ticketRef.extend({
  body: personalBody,
  visibility: z.enum(["PUBLIC", "INTERNAL"], { error: "invalidChoice" }),
  waitForCustomer: checkbox,
});

export const waitingSchema = ticketRef.extend({ waiting: z.enum(["true", "false"]).transform((v) => v === "true") });

export const assignSchema = ticketRef.extend({
  assigneeId: z.preprocess(blankToUndefined, z.union([z.literal("me"), z.uuid({ error: "invalidChoice" })]).optional()),
});

export const prioritySchema = ticketRef.extend({ priority: z.enum(PRIORITIES, { error: "invalidChoice" }) });

// "id:version", one per selected row: each ticket is changed at the version its row showed.
const ticketAtVersion = storableString()
  .regex(/^[0-9a-f-]{36}:\d+$/i, { error: "invalid" })
  .transform((v) => {
    const [ticketId, version] = v.split(":");
    return { ticketId: ticketId!, version: Number(version) };
  });
const selected = z.array(ticketAtVersion).min(1, { error: "chooseTickets" }).max(200, { error: "tooMany" });

/** One change to several tickets: the queue's bulk actions and the board's reassignment. */
export const bulkSchema = z.discriminatedUnion("operation", [
  z.object({ tickets: selected, operation: z.literal("assign"), assigneeId: assignSchema.shape.assigneeId }),
  z.object({ tickets: selected, operation: z.literal("priority"), priority: prioritySchema.shape.priority }),
  z.object({ tickets: selected, operation: z.literal("wait") }),
  z.object({ tickets: selected, operation: z.literal("resume") }),
]);

export const categorySchema = ticketRef.extend({ categoryId: z.uuid({ error: "invalidChoice" }), reason: text(1000) });

/**
 * Merging a duplicate into the ticket at hand: the duplicate by its reference, and the version the
 * workspace showed when it offered it (absent when the reference was typed).
 */
export const mergeSchema = ticketRef.extend({
  duplicate: storableString({ error: "required" })
    .trim()
    .refine((v) => parseReference(v) !== null, { error: "invalidReference" }),
  duplicateVersion: z.preprocess(blankToUndefined, z.coerce.number({ error: "invalid" }).int().positive().optional()),
});

/** Applying a macro: every action it names runs at the version the workspace showed. */
export const applyMacroSchema = ticketRef.extend({ macroId: z.uuid({ error: "invalidChoice" }) });
