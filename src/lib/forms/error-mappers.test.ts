import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { domainProblem, problemResponse } from "@/api/problem";
import { DomainError, type AnyDomainError, type DomainErrorCode } from "@/domain/errors";
import en from "../../../messages/en.json";
import id from "../../../messages/id.json";
import { errorState } from "./error-state";
import type { Translate } from "./form-state";

// The two mappers of the one error vocabulary: every code has a sentence in both languages, on the
// field to fix when there is one, and a problem+json status and type.

const SAMPLES: { [C in DomainErrorCode]: DomainError<C> } = {
  notSignedIn: new DomainError("notSignedIn"),
  forbidden: new DomainError("forbidden"),
  notFound: new DomainError("notFound", { of: "ticket" }),
  conflict: new DomainError("conflict"),
  protocolRefused: new DomainError("protocolRefused", { refusal: { reason: "gatesUnmet", gates: ["apology"] } }),
  apologyRefused: new DomainError("apologyRefused", { findings: [{ code: "blame", severity: "block", match: "you should have" }] }),
  invalidChange: new DomainError("invalidChange", { code: "wrongStage" }),
  unknownCategory: new DomainError("unknownCategory"),
  attachmentsRefused: new DomainError("attachmentsRefused", { problems: [{ index: 0, name: "a.exe", reason: "wrongType" }] }),
  adminRefused: new DomainError("adminRefused", { code: "emailTaken", field: "email" }),
  customerRefused: new DomainError("customerRefused", { code: "alreadyRated" }),
  supervisorRefused: new DomainError("supervisorRefused", { code: "scoreAboveMax", field: "scores.x", values: { max: 5 } }),
  webhookTargetRefused: new DomainError("webhookTargetRefused", { reason: "loopback", host: "localhost", address: "127.0.0.1" }, "No."),
  alreadyGone: new DomainError("alreadyGone", { what: "apiToken" }),
  partlyStale: new DomainError("partlyStale", { done: 2, skipped: [{ reference: "TGP-000003", reason: "closed" }] }),
  signInRefused: new DomainError("signInRefused", { reason: "tooManyAttempts" }),
  rateLimited: new DomainError("rateLimited", { retryAfterSeconds: 600 }),
  automated: new DomainError("automated"),
  storageUnavailable: new DomainError("storageUnavailable"),
  regulatedRefused: new DomainError("regulatedRefused", { code: "missing", elements: ["deadline", "officer"] }),
};

// The form state each code gives: its `code`, and the field its sentence sits on (if any).
const FORM: { [C in DomainErrorCode]: { code: string; field?: string } } = {
  notSignedIn: { code: "notSignedIn" },
  forbidden: { code: "forbidden" },
  notFound: { code: "notFound" },
  conflict: { code: "conflict" },
  protocolRefused: { code: "refused" },
  apologyRefused: { code: "apologyRefused", field: "body" },
  invalidChange: { code: "wrongStage" },
  unknownCategory: { code: "invalidInput", field: "category" },
  attachmentsRefused: { code: "invalidInput", field: "attachments" },
  adminRefused: { code: "emailTaken", field: "email" },
  customerRefused: { code: "alreadyRated" },
  supervisorRefused: { code: "scoreAboveMax", field: "scores.x" },
  webhookTargetRefused: { code: "refused", field: "url" },
  alreadyGone: { code: "refused" },
  partlyStale: { code: "conflict" },
  signInRefused: { code: "signInRefused" },
  rateLimited: { code: "rateLimited" },
  automated: { code: "automated" },
  storageUnavailable: { code: "storageUnavailable" },
  regulatedRefused: { code: "missing" },
};

const PROBLEM: { [C in DomainErrorCode]: [status: number, type: string] } = {
  notSignedIn: [401, "unauthenticated"],
  forbidden: [403, "forbidden"],
  notFound: [404, "not-found"],
  conflict: [409, "conflict"],
  protocolRefused: [422, "gate-refused"],
  apologyRefused: [422, "apology-refused"],
  invalidChange: [422, "invalid-change"],
  unknownCategory: [400, "validation"],
  attachmentsRefused: [400, "validation"],
  adminRefused: [422, "invalid-change"],
  customerRefused: [422, "invalid-change"],
  supervisorRefused: [422, "invalid-change"],
  webhookTargetRefused: [400, "validation"],
  alreadyGone: [404, "not-found"],
  partlyStale: [409, "conflict"],
  signInRefused: [401, "unauthenticated"],
  rateLimited: [429, "rate-limited"],
  regulatedRefused: [422, "invalid-change"],
  automated: [400, "validation"],
  storageUnavailable: [503, "unavailable"],
};

// A missing message fails the test rather than showing its key.
const translator = (locale: "en" | "id", messages: typeof en) =>
  createTranslator({
    locale,
    messages,
    onError: (error) => {
      throw error;
    },
  }) as unknown as Translate;

const samples = Object.entries(SAMPLES) as [DomainErrorCode, AnyDomainError][];

describe.each([
  ["en", translator("en", en)],
  ["id", translator("id", id as typeof en)],
] as const)("a DomainError as a form state, in %s", (_locale, t) => {
  it.each(samples)("%s: a sentence, its code, on its field, and what was typed kept", (code, error) => {
    const state = errorState(error, t, { values: { name: "Siti" } });
    if (state.status !== "error") throw new Error("not an error state");
    expect(state.code).toBe(FORM[code].code);
    expect(state.message.length).toBeGreaterThan(5);
    expect(state.values).toEqual({ name: "Siti" });
    const field = FORM[code].field;
    expect(Object.keys(state.fieldErrors)).toEqual(field ? [field] : []);
    for (const messages of Object.values(state.fieldErrors)) for (const m of messages) expect(m.length).toBeGreaterThan(5);
  });

  it("says the files must be chosen again whenever a form that carried files is sent back", () => {
    const state = errorState(SAMPLES.conflict, t, { fileCount: 2 });
    expect(state.status === "error" && state.fieldErrors.attachments).toHaveLength(1);
  });

  it("keeps a saved record apart from the refused move", () => {
    const refusal = { reason: "closed" } as const;
    const saved = errorState(new DomainError("protocolRefused", { refusal, saved: true }), t);
    const refused = errorState(new DomainError("protocolRefused", { refusal }), t);
    if (saved.status !== "error" || refused.status !== "error") throw new Error("not an error state");
    expect(saved.message).toContain(refused.message);
    expect(saved.message).not.toBe(refused.message);
  });
});

describe("a DomainError as problem+json", () => {
  it.each(samples)("%s", async (code, error) => {
    const response = problemResponse(domainProblem(error), "/api/v1/tickets");
    const [status, type] = PROBLEM[code];
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toBe("application/problem+json");
    const body = (await response.json()) as { type: string; status: number; detail: string };
    expect(body).toMatchObject({ type: `urn:tanggap:problem:${type}`, status });
    expect(body.detail.length).toBeGreaterThan(5);
  });

  it("tells a rate-limited client when to come back", () => {
    expect(problemResponse(domainProblem(SAMPLES.rateLimited)).headers.get("Retry-After")).toBe("600");
  });
});
