import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError } from "@/domain/errors";

// The pipeline's order and answers, with who is signed in, the language and the rate limit given.
const given = vi.hoisted(() => ({
  role: null as null | "AGENT" | "SUPERVISOR" | "ADMIN",
  limitAllowed: true,
  revalidated: [] as unknown[][],
}));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => given.revalidated.push(args) }));
vi.mock("@/server/public-limits", () => ({
  limitPublicForm: async () => (given.limitAllowed ? { allowed: true } : { allowed: false, retryAfterSeconds: 120 }),
}));
vi.mock("@/server/auth/session", async () => {
  const { roleAtLeast } = await import("@/domain/roles");
  return {
    requireRole: async (role: "AGENT" | "SUPERVISOR" | "ADMIN") => {
      if (!given.role) throw new DomainError("notSignedIn");
      if (!roleAtLeast(given.role, role)) throw new DomainError("forbidden");
      return { id: "00000000-0000-4000-8000-000000000001", name: "S", email: "s@tanggap.test", role: given.role, teamId: null };
    },
  };
});

const { action } = await import("./action");

const schema = z.object({ name: z.string().min(1, { error: "required" }) });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const IDLE = { status: "idle" } as const;

beforeEach(() => {
  given.role = null;
  given.limitAllowed = true;
  given.revalidated = [];
});

describe("a staff action", () => {
  const run = vi.fn(async ({ name }: { name: string }) => ({ message: `hello ${name}` }));
  const supervisorsOnly = action({ role: "SUPERVISOR", schema, revalidate: ["/supervisor"], run });
  beforeEach(() => {
    run.mockClear();
  });

  it("answers an anonymous call with notSignedIn before reading anything it carries", async () => {
    const untouchable = new Proxy(form({ name: "x" }), {
      get: () => {
        throw new Error("the request was read");
      },
    });
    expect(await supervisorsOnly(IDLE, untouchable)).toMatchObject({ status: "error", code: "notSignedIn", values: {} });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses a role below the one it declares", async () => {
    given.role = "AGENT";
    expect(await supervisorsOnly(IDLE, form({ name: "x" }))).toMatchObject({ status: "error", code: "forbidden" });
    expect(run).not.toHaveBeenCalled();
  });

  it("sends refused input back with what was typed, but never a password", async () => {
    given.role = "ADMIN";
    expect(await supervisorsOnly(IDLE, form({ name: "", newPassword: "secret", note: "kept" }))).toEqual({
      status: "error",
      message: "errors.fixFields",
      fieldErrors: { name: ["errors.required"] },
      values: { name: "", note: "kept" },
      code: "invalidInput",
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("runs the work, revalidates what it declares and answers with the result", async () => {
    given.role = "SUPERVISOR";
    expect(await supervisorsOnly(IDLE, form({ name: "Siti" }))).toEqual({ status: "success", result: { message: "hello Siti" } });
    expect(given.revalidated).toEqual([["/supervisor"]]);
  });

  it("answers a refusal through the form mapper, and revalidates only when the work was kept", async () => {
    given.role = "AGENT";
    const thrown = action({ role: "AGENT", schema, revalidate: ["/agent"], run: async () => Promise.reject(new DomainError("conflict")) });
    expect(await thrown(IDLE, form({ name: "x" }))).toMatchObject({ status: "error", code: "conflict", values: { name: "x" } });
    expect(given.revalidated).toEqual([]);
    const returned = action({
      role: "AGENT",
      schema,
      revalidate: ["/agent"],
      run: async () => new DomainError("partlyStale", { done: 1, skipped: [{ reference: "TGP-000002", reason: "changed" }] }),
    });
    expect(await returned(IDLE, form({ name: "x" }))).toMatchObject({ status: "error", code: "conflict" });
    expect(given.revalidated).toEqual([["/agent"]]);
  });

  it("logs an unexpected failure and answers generically, never with its text", async () => {
    given.role = "AGENT";
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = action({ role: "AGENT", schema, run: async () => Promise.reject(new Error("connection string with a password")) });
    const state = await failing(IDLE, form({ name: "x" }));
    expect(state).toMatchObject({ status: "error", code: "unexpected", message: "errors.unexpected" });
    expect(JSON.stringify(state)).not.toContain("connection string");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("a public action", () => {
  const run = vi.fn(async () => ({ message: "sent" }));
  const lookup = action({ public: { limit: "lookup", honeypot: true }, schema, run });
  beforeEach(() => {
    run.mockClear();
  });

  it("refuses a form a program filled, before checking or counting anything", async () => {
    expect(await lookup(IDLE, form({ name: "", website: "spam" }))).toMatchObject({ code: "automated" });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses beyond its rate limit", async () => {
    given.limitAllowed = false;
    expect(await lookup(IDLE, form({ name: "x" }))).toMatchObject({ code: "rateLimited" });
    expect(run).not.toHaveBeenCalled();
  });

  it("serves anyone within it", async () => {
    expect(await lookup(IDLE, form({ name: "x" }))).toEqual({ status: "success", result: { message: "sent" } });
  });
});
