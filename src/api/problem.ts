import "server-only";
import { createTranslator } from "use-intl/core";
import type { z } from "zod";
import type { Refusal } from "@/domain/protocol";
import { isDomainError, type AnyDomainError } from "@/domain/errors";
import { attachmentProblemMessages } from "@/features/attachments/messages";
import { regulatedRefusalMessage } from "@/features/letters/refusal-message";
import { apologyFindingMessage } from "@/features/protocol/apology-messages";
import { refusalMessage } from "@/features/protocol/refusal-message";
import { fieldErrors, type Translate } from "@/lib/forms/form-state";
import messages from "../../messages/en.json";

// RFC 9457 problem details: the one module that turns every way an API request can fail into a
// response. Routes throw; the wrapper (./route.ts) calls toProblemResponse. The API speaks English,
// with the same sentences the agent's workspace shows. Refusals are DomainErrors, mapped here as
// lib/forms/error-state.ts maps them for forms; ApiProblem is left for what only HTTP has (a
// missing token, a scope, a malformed body, the token's rate limit, with their headers).

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
const TYPE_BASE = "urn:tanggap:problem:";

export const PROBLEM_TYPES = {
  "malformed-json": { status: 400, title: "The request body is not valid JSON" },
  validation: { status: 400, title: "The request has invalid fields" },
  unauthenticated: { status: 401, title: "A valid API token is required" },
  "insufficient-scope": { status: 403, title: "The token lacks a scope this request needs" },
  forbidden: { status: 403, title: "The token's owner may not do this" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "The ticket has changed since that version" },
  "payload-too-large": { status: 413, title: "The request body is too large" },
  "unsupported-media-type": { status: 415, title: "The request body must be application/json" },
  "gate-refused": { status: 422, title: "The protocol does not allow this move now" },
  "invalid-change": { status: 422, title: "The change does not fit the ticket" },
  "apology-refused": { status: 422, title: "The apology does not pass the apology check" },
  "rate-limited": { status: 429, title: "Too many requests for this token" },
  unavailable: { status: 503, title: "A service this request needs is not answering; nothing was saved" },
  internal: { status: 500, title: "Something went wrong on our side; nothing was saved" },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

/** A failure of the HTTP request itself, with what the client needs to fix it. */
export class ApiProblem extends Error {
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const t: Translate = createTranslator({ locale: "en", messages }) as unknown as Translate;

export function validationProblem(error: z.ZodError, where = "body"): ApiProblem {
  return new ApiProblem("validation", `Fix the fields listed in "errors" (in the request ${where}).`, { errors: fieldErrors(error, t) });
}

export function refusalProblem(refusal: Refusal): ApiProblem {
  const gates = refusal.reason === "gatesUnmet" ? refusal.gates : [];
  return new ApiProblem("gate-refused", refusalMessage(refusal, t), {
    reason: refusal.reason,
    unmetGates: gates.map((gate) => ({ gate, detail: t(`protocol.gates.${gate}`) })),
  });
}

export function problemResponse(problem: ApiProblem, instance?: string): Response {
  const { status, title } = PROBLEM_TYPES[problem.type];
  const body = { type: TYPE_BASE + problem.type, title, status, detail: problem.detail, ...(instance && { instance }), ...problem.extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...problem.headers },
  });
}

/** Every error, expected or not, as problem+json; the unexpected ones are logged, never echoed. */
export function toProblemResponse(error: unknown, instance?: string): Response {
  return problemResponse(toProblem(error), instance);
}

function toProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (isDomainError(error)) return domainProblem(error);
  console.error("[api] unexpected error", error);
  return new ApiProblem(
    "internal",
    "The request was not completed. Try again; if it keeps failing, tell the administrator the time it happened.",
  );
}

const fixFields = (errors: Record<string, string[]>) =>
  new ApiProblem("validation", `Fix the fields listed in "errors" (in the request body).`, { errors });

/** The one mapper from a DomainError to problem+json (the other one, to a form, is lib/forms/error-state.ts). */
export function domainProblem(error: AnyDomainError): ApiProblem {
  switch (error.code) {
    case "notSignedIn":
    case "signInRefused":
      return new ApiProblem("unauthenticated", t("protocol.notSignedIn"));
    case "forbidden":
      return new ApiProblem("forbidden", t("protocol.forbidden"));
    case "notFound":
      return notFound();
    case "alreadyGone":
      return new ApiProblem("not-found", "Nothing active has this id.");
    case "conflict":
      return new ApiProblem(
        "conflict",
        "Someone changed the ticket after the version you sent. Read it again and retry with the new version; nothing was saved.",
      );
    case "partlyStale":
      return new ApiProblem("conflict", `${error.details.skipped.length} of the tickets were not changed; the others were.`, {
        ...error.details,
      });
    case "protocolRefused":
      return refusalProblem(error.details.refusal);
    case "apologyRefused":
      return new ApiProblem("apology-refused", t("protocol.apologyCheck.refused"), {
        findings: error.details.findings.map((finding) => ({ ...finding, detail: apologyFindingMessage(finding, t) })),
      });
    case "invalidChange":
      return new ApiProblem("invalid-change", t(`protocol.invalid.${error.details.code}`), { code: error.details.code });
    case "customerRefused":
      return new ApiProblem("invalid-change", t(`track.refused.${error.details.code}`), { code: error.details.code });
    case "supervisorRefused":
      return new ApiProblem("invalid-change", t(`supervisorRefusals.${error.details.code}`, error.details.values), {
        code: error.details.code,
      });
    case "adminRefused":
      return new ApiProblem("invalid-change", t(`admin.refusals.${error.details.code}`, error.details.values), {
        code: error.details.code,
      });
    case "unknownCategory":
      return fixFields({ category: [t("errors.invalidChoice")] });
    case "attachmentsRefused":
      return fixFields({ attachments: attachmentProblemMessages(error.details.problems, t) });
    case "storageUnavailable":
      return new ApiProblem("unavailable", t("errors.storageUnavailable"), {}, { "Retry-After": "60" });
    case "webhookTargetRefused":
      return fixFields({ url: [error.message] });
    case "automated":
      return fixFields({ form: [t("errors.automated")] });
    case "regulatedRefused":
      return new ApiProblem("invalid-change", regulatedRefusalMessage(error.details, t), { code: error.details.code });
    case "rateLimited": {
      const seconds = error.details.retryAfterSeconds;
      return new ApiProblem("rate-limited", `Try again in ${seconds} s.`, {}, { "Retry-After": String(seconds) });
    }
  }
}

/** The same answer for a reference that does not exist and one the caller may not see. */
export function notFound(): ApiProblem {
  return new ApiProblem("not-found", "No ticket has this reference.");
}
