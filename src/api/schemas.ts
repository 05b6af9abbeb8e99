import { z } from "zod";
import { storableString } from "@/lib/forms/storable-string";
import { API_SCOPES } from "@/domain/api-scopes";
import { CATEGORY_CODES } from "@/domain/categories";
import { CUSTOMER_ASKS } from "@/domain/customer-ask";
import { PRIORITIES, STAGES } from "@/domain/stages";
import { LOCALES } from "@/i18n/locales";
import type { CustomFieldDefinition } from "@/domain/custom-fields";
import { COMPLAINT_TEXT_FACTS, complaintSchema, type ComplaintTextFact } from "@/features/complaints/schemas";
import { replySchema, ticketRef } from "@/features/protocol/schemas";
import { queueParamsSchema } from "@/features/queue/schemas";
import { CHANNELS } from "@/domain/regulation/clock";

// The API's requests are the app's own schemas (the public form's complaint, the workspace's
// reply, the queue's filters), adapted only where JSON differs from a form; the OpenAPI document
// (./openapi.ts) is generated from these very objects, so the documentation cannot drift.

const version = ticketRef.shape.version.optional().meta({
  description: "The ticket version you read. When given, the change is refused with 409 if the ticket has changed since.",
});

export const createTicketBody = (today?: () => string, fields: readonly CustomFieldDefinition[] = []) =>
  complaintSchema(today, fields).extend({
    locale: z
      .enum(LOCALES, { error: "invalidChoice" })
      .default("id")
      .meta({ description: "The customer's language, for every mail they get." }),
    channel: z.enum(CHANNELS, { error: "invalidChoice" }).default("API").meta({
      description:
        "How the complaint reached you: a call centre filing a phone call sends PHONE, a branch IN_PERSON. A regime may count a spoken complaint (PHONE, IN_PERSON) apart from a written one.",
    }),
  });

export const idempotencyKeyHeader = storableString()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/)
  .meta({
    description:
      "Any unique string (a UUID is a good choice). Repeating a request with the same key from the same token returns the ticket the first one created, never a second one.",
  });

export const listTicketsQuery = (categoryCodes: readonly string[] = CATEGORY_CODES) =>
  queueParamsSchema(categoryCodes).extend({
    limit: z
      .preprocess((v) => (v === undefined || v === "" ? undefined : v), z.coerce.number().int().min(1).max(100).optional())
      .catch(undefined)
      .meta({ description: "Page size, 1–100 (default 50)." }),
  });

// A checkbox on a form, a boolean in JSON.
export const addMessageBody = replySchema.omit({ ticketId: true, version: true, waitForCustomer: true }).extend({
  version,
  waitForCustomer: z
    .boolean({ error: "invalid" })
    .default(false)
    .meta({ description: "A public reply that asks the customer something: pause the clock until they answer." }),
});

export const MOVABLE_STAGES = STAGES.filter((s) => s !== "NEW") as ["LISTEN", "UNDERSTAND", "RESOLVE", "APOLOGISE", "CLOSED"];

export const moveStageBody = z.object({
  to: z
    .enum(MOVABLE_STAGES, { error: "invalidChoice" })
    .meta({ description: "The stage to move to: the ticket's next one. The move passes the same gates as in the agent's workspace." }),
  version,
});

export const referenceParam = storableString()
  .regex(/^TGP-\d{6,9}$/i)
  .meta({ description: "The ticket's reference, e.g. TGP-000123.", example: "TGP-000123" });

// --- Responses (documented; the serialisers are typed by them) ----------------------------------

const timestamp = z.iso.datetime();

export const messageView = z.object({
  id: z.uuid(),
  author: z.enum(["CUSTOMER", "STAFF", "SYSTEM", "API"]),
  authorName: z.string().nullable(),
  visibility: z.enum(["PUBLIC", "INTERNAL"]),
  body: z.string(),
  createdAt: timestamp,
});

// The customer's free-text answers, as they typed them (null where they left one out).
const textFacts = Object.fromEntries(COMPLAINT_TEXT_FACTS.map((name) => [name, z.string().nullable()])) as Record<
  ComplaintTextFact,
  z.ZodNullable<z.ZodString>
>;

export const ticketView = z.object({
  reference: z.string(),
  version: z.number().int(),
  stage: z.enum(STAGES),
  priority: z.enum(PRIORITIES),
  category: z.string(),
  locale: z.enum(LOCALES),
  subject: z.string(),
  narrative: z.string(),
  // Null until the customer has said it (a complaint that came by mail).
  desiredOutcome: z.string().nullable(),
  customerAsk: z
    .enum(CUSTOMER_ASKS)
    .nullable()
    .meta({ description: "What would resolve it for the customer, as they chose it; null when they chose none." }),
  ...textFacts,
  purchaseDate: z.iso.date().nullable(),
  amount: z.string().nullable(),
  currency: z.string(),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).meta({
    description:
      "Answers to the admin-defined custom fields, by field key (customer-facing and internal): text, a date (YYYY-MM-DD) or an option key; a number; option keys for a multiple choice. An answer stays when its field is archived or its option retired.",
  }),
  customer: z.object({ name: z.string(), email: z.string() }),
  assignee: z.object({ name: z.string() }).nullable(),
  waitingOnCustomer: z.boolean(),
  acknowledgeBy: timestamp,
  stageDueAt: timestamp.nullable(),
  stageAtRiskAt: timestamp.nullable(),
  createdAt: timestamp,
  closedAt: timestamp.nullable(),
  unmetGates: z.array(z.string()).meta({ description: "What must still be recorded before the ticket may leave its stage." }),
  messages: z.array(messageView),
});

export const createdTicketView = ticketView.extend({
  trackingUrl: z.url().meta({ description: "The customer's private link. Give it only to the customer; it is also mailed to them." }),
});

export const ticketListView = z.object({
  data: z.array(
    z.object({
      reference: z.string(),
      subject: z.string(),
      customerName: z.string(),
      stage: z.enum(STAGES),
      priority: z.enum(PRIORITIES),
      waitingOnCustomer: z.boolean(),
      stageDueAt: timestamp.nullable(),
      stageAtRiskAt: timestamp.nullable(),
      assigneeName: z.string().nullable(),
    }),
  ),
  next: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  prev: z.string().nullable().meta({ description: "Pass as `cursor` for the previous page; null on the first." }),
});

export const moveResultView = z.object({ reference: z.string(), stage: z.enum(STAGES), version: z.number().int() });

export const problemView = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Validation problems, per field." }),
  unmetGates: z.array(z.object({ gate: z.string(), detail: z.string() })).optional(),
});

export const apiScopeSchema = z.enum(API_SCOPES);
