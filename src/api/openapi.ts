import { z } from "zod";
import { API_SCOPE_PURPOSE, API_SCOPES, type ApiScope } from "@/domain/api-scopes";
import { SIGNATURE_HEADER, WEBHOOK_EVENTS } from "@/domain/webhooks";
import { PROBLEM_TYPES } from "@/api/problem";
import type { CustomFieldDefinition } from "@/domain/custom-fields";
import {
  addMessageBody,
  createdTicketView,
  createTicketBody,
  idempotencyKeyHeader,
  listTicketsQuery,
  moveResultView,
  moveStageBody,
  problemView,
  referenceParam,
  ticketListView,
  ticketView,
} from "./schemas";

// The OpenAPI 3.1 document, generated from the zod schemas the routes validate with, so the two
// cannot drift. JSON Schema 2020-12 is OpenAPI 3.1's own dialect, which is zod's default target.

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });

const PROBLEMS = {
  "400": problem("Malformed JSON, or invalid fields (listed per field in `errors`)."),
  "401": problem("Missing, unknown or revoked token, or its owner was deactivated. Comes with `WWW-Authenticate`."),
  "403": problem("The token lacks the scope this operation needs."),
  "404": problem("No ticket has this reference."),
  "409": problem("The ticket changed since the `version` sent."),
  "413": problem("The body is over 256 KiB."),
  "415": problem("The body is not `application/json`."),
  "422": problem("The protocol refused the change; `unmetGates` lists what is still needed."),
  "429": problem("Over the token's rate limit; `Retry-After` says when to try again."),
  "500": problem("An unexpected failure; nothing was saved."),
} as const;

const pick = (...codes: (keyof typeof PROBLEMS)[]) => Object.fromEntries(codes.map((c) => [c, PROBLEMS[c]]));
const secured = (scope: ApiScope) => [{ bearerAuth: [scope] }];
const referenceParameter = { name: "reference", in: "path", required: true, schema: schemaOf(referenceParam, "input") };

function queryParameters() {
  const schema = schemaOf(listTicketsQuery(), "input") as { properties: Record<string, JsonSchema> };
  const described: Record<string, string> = {
    q: "Full-text search over the complaint and its messages (English and Indonesian).",
    assignee: "`me` (the token's owner) or `unassigned`.",
    stage: "Only tickets in this stage.",
    category: "A category code, e.g. PRODUCT_RETURN.",
    priority: "Only tickets of this priority.",
    atRisk: "Only tickets past their at-risk threshold.",
    overdue: "Only tickets past their deadline.",
    waiting: "Only tickets waiting on the customer.",
    field:
      "A custom field's key; with `fieldValue`, only tickets whose answer to it is that value (an option key for a choice; a multiple choice matches when it includes it).",
    fieldValue: "The answer to look for in the custom field named by `field`.",
    cursor: "The `next` or `prev` of a previous page.",
  };
  return Object.entries(schema.properties).map(([name, s]) => ({
    name,
    in: "query",
    required: false,
    description: described[name] ?? (s.description as string | undefined),
    schema: s,
  }));
}

/**
 * The document for the custom fields as they are defined now: a ticket's `customFields` in the
 * request are documented field by field (key, type, options, category, required), from the same
 * schema that validates them.
 */
export function openApiDocument(fields: readonly CustomFieldDefinition[] = []) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Tanggap API",
      version: "1.0.0",
      description: [
        "Create, read, list and move complaint tickets from other systems. Every change passes through the same protocol as the agent's workspace.",
        "",
        "Authenticate with an API token an admin creates at /admin/api-tokens: `Authorization: Bearer tgp_…`. The token acts as the staff member who created it.",
        "",
        `Errors are RFC 9457 problem details (\`application/problem+json\`); the \`type\` is one of: ${Object.keys(PROBLEM_TYPES)
          .map((k) => `\`urn:tanggap:problem:${k}\``)
          .join(", ")}.`,
        "",
        `Webhooks (registered at /admin/webhooks) POST JSON for these events: ${WEBHOOK_EVENTS.map((e) => `\`${e}\``).join(", ")}, signed in the \`${SIGNATURE_HEADER}\` header as \`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>\`.`,
      ].join("\n"),
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: `Scopes: ${API_SCOPES.map((s) => `\`${s}\` — ${API_SCOPE_PURPOSE[s]}`).join(" ")}`,
        },
      },
      schemas: {
        Ticket: schemaOf(ticketView, "output"),
        CreatedTicket: schemaOf(createdTicketView, "output"),
        TicketList: schemaOf(ticketListView, "output"),
        MoveResult: schemaOf(moveResultView, "output"),
        Problem: schemaOf(problemView, "output"),
      },
    },
    paths: {
      "/api/v1/tickets": {
        get: {
          operationId: "listTickets",
          summary: "List open tickets, nearest deadline first",
          security: secured("tickets:read"),
          parameters: queryParameters(),
          responses: {
            "200": { description: "One page of tickets.", content: json(ref("TicketList")) },
            ...pick("401", "403", "429", "500"),
          },
        },
        post: {
          operationId: "createTicket",
          summary: "File a complaint on a customer's behalf",
          security: secured("tickets:write"),
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: idempotencyKeyHeader.description,
              schema: schemaOf(idempotencyKeyHeader, "input"),
            },
          ],
          requestBody: { required: true, content: json(schemaOf(createTicketBody(undefined, fields), "input")) },
          responses: {
            "201": { description: "Filed; `Location` names the new ticket.", content: json(ref("CreatedTicket")) },
            "200": {
              description: "Already filed by an earlier request with this Idempotency-Key: the same ticket.",
              content: json(ref("CreatedTicket")),
            },
            ...pick("400", "401", "403", "413", "415", "429", "500"),
          },
        },
      },
      "/api/v1/tickets/{reference}": {
        get: {
          operationId: "getTicket",
          summary: "Read one ticket",
          security: secured("tickets:read"),
          parameters: [referenceParameter],
          responses: { "200": { description: "The ticket.", content: json(ref("Ticket")) }, ...pick("401", "403", "404", "429", "500") },
        },
      },
      "/api/v1/tickets/{reference}/messages": {
        post: {
          operationId: "addMessage",
          summary: "Reply to the customer or add an internal note",
          security: secured("tickets:write"),
          parameters: [referenceParameter],
          requestBody: { required: true, content: json(schemaOf(addMessageBody, "input")) },
          responses: {
            "201": { description: "Added; the ticket as it now stands.", content: json(ref("Ticket")) },
            ...pick("400", "401", "403", "404", "409", "413", "415", "422", "429", "500"),
          },
        },
      },
      "/api/v1/tickets/{reference}/stage": {
        post: {
          operationId: "moveStage",
          summary: "Move a ticket to its next stage",
          security: secured("tickets:move"),
          parameters: [referenceParameter],
          requestBody: { required: true, content: json(schemaOf(moveStageBody, "input")) },
          responses: {
            "200": { description: "Moved.", content: json(ref("MoveResult")) },
            ...pick("400", "401", "403", "404", "409", "413", "415", "422", "429", "500"),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          security: [],
          responses: { "200": { description: "The OpenAPI 3.1 document.", content: json({ type: "object" }) } },
        },
      },
    },
  };
}
