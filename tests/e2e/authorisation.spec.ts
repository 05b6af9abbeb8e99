// The authorisation matrix: every endpoint of tests/security/endpoints.ts, called over HTTP as
// each kind of caller — never through the UI — answered as its gate allows and nothing else, and
// nothing written by a refused call.
import { TEST_BYTES } from "../../src/features/attachments/test-files";
import { actionResult, builtActions, callAction, signInCookie } from "../support/server-actions";
import { allows, CALLERS, ENDPOINTS, refusalFor, type Caller, type Endpoint, type Placeholder } from "../security/endpoints";
import { DEMO_PASSWORD, expect, STAFF, test } from "./fixtures";

// A well-formed link that opens nothing: what everyone but the customer holds.
const FOREIGN_TOKEN = "A".repeat(43);

test("every endpoint answers each caller as its gate allows, and refused calls change nothing", async ({ db, baseURL }) => {
  // Six more endpoints (letters, outcome, external escalation) make 30 more calls.
  test.setTimeout(300_000);
  const base = baseURL!;
  const actions = builtActions();

  // The customer's own complaint, filed over HTTP with a file, so the link and the file are theirs.
  const filed = await callAction({
    baseUrl: base,
    action: actions.get("submitComplaint")!,
    args: "state+form",
    fields: {
      name: "Matrix Customer",
      email: `matrix-${Date.now()}@example.test`,
      category: "PAYMENT_PROBLEM",
      narrative: "I was charged twice for one order and want the duplicate refunded.",
      desiredOutcome: "Refund the duplicate",
      attachments: new File([TEST_BYTES.png], "receipt.png", { type: "image/png" }),
    },
  });
  const receipt = actionResult(filed.text)?.result as { reference: string; trackingPath: string } | undefined;
  expect(receipt, filed.text.slice(0, 300)).toBeTruthy();
  const token = receipt!.trackingPath.split("/").pop()!;
  const ticket = await db.ticket.findFirstOrThrow({
    where: { number: Number(receipt!.reference.replace(/\D/g, "")) },
    select: { id: true, attachments: { select: { id: true } } },
  });

  const staffId = (await db.user.findUniqueOrThrow({ where: { email: STAFF.agent }, select: { id: true } })).id;
  const categoryId = (await db.category.findFirstOrThrow({ select: { id: true } })).id;
  // A letter sent on the customer's complaint (its bytes need not be a PDF here: the route serves what was stored).
  const letter = await db.letter.create({
    data: {
      ticketId: ticket.id,
      kind: "ACKNOWLEDGEMENT",
      locale: "en",
      subject: "Matrix letter",
      content: "Matrix letter",
      pdf: new Uint8Array(Buffer.from("%PDF-1.7 matrix")),
      contentSha256: "0".repeat(64),
      pdfSha256: "0".repeat(64),
      sentById: staffId,
      sentAt: new Date(),
    },
    select: { id: true },
  });
  const cookies: Partial<Record<Caller, string>> = {};
  for (const role of ["agent", "supervisor", "admin"] as const) cookies[role] = await signInCookie(base, STAFF[role], DEMO_PASSWORD);

  const fill = (template: string, caller: Caller) => {
    const values: Record<Placeholder, string> = {
      reference: receipt!.reference,
      ticketId: ticket.id,
      token: caller === "customer" ? token : FOREIGN_TOKEN,
      attachmentId: ticket.attachments[0]!.id,
      letterId: letter.id,
      report: "sla",
      staffId,
      categoryId,
    };
    return template.replace(/\{(\w+)\}/g, (_, key: Placeholder) => values[key]);
  };

  // What the database holds that any endpoint could change, in one row.
  const fingerprint = async () =>
    (
      await db.$queryRaw<{ f: string }[]>`SELECT concat_ws(',',
        (SELECT count(*) FROM "Ticket"), (SELECT coalesce(sum(version), 0) FROM "Ticket"), (SELECT count(*) FROM "TicketEvent"),
        (SELECT count(*) FROM "Message"), (SELECT count(*) FROM "OutboxMessage"), (SELECT count(*) FROM "User"),
        (SELECT count(*) FROM "Attachment"), (SELECT count(*) FROM "Letter"), (SELECT count(*) FROM "Redress"), (SELECT count(*) FROM "ExternalEscalation"), (SELECT count(*) FROM "Ticket" WHERE "assigneeId" IS NOT NULL)) AS f`
    )[0]!.f;

  const failures: string[] = [];
  let checked = 0;
  for (const endpoint of ENDPOINTS) {
    for (const caller of CALLERS) {
      const allowed = allows(endpoint.gate, caller);
      const before = allowed ? null : await fingerprint();
      const outcome = await call(endpoint, caller);
      if (endpoint.kind === "action" && endpoint.endsSession && caller in STAFF)
        cookies[caller] = await signInCookie(base, STAFF[caller as keyof typeof STAFF], DEMO_PASSWORD);
      checked++;
      const label = `${describe(endpoint)} as ${caller}`;
      const expected = allowed ? "allowed" : refusalFor(endpoint.gate, caller);
      if (outcome !== expected) failures.push(`${label}: expected ${expected}, got ${outcome}`);
      if (before !== null && (await fingerprint()) !== before) failures.push(`${label}: refused, yet the database changed`);
    }
  }
  expect(failures).toEqual([]);
  expect(checked).toBe(ENDPOINTS.length * CALLERS.length);
  console.log(`authorisation matrix: ${ENDPOINTS.length} endpoints × ${CALLERS.length} callers = ${checked} calls checked`);

  async function call(endpoint: Endpoint, caller: Caller): Promise<string> {
    const cookie = cookies[caller];
    if (endpoint.kind === "action") {
      const action = actions.get(endpoint.name);
      if (!action) return "missing from the build";
      const fields = Object.fromEntries(Object.entries(endpoint.fields ?? {}).map(([k, v]) => [k, fill(v, caller)]));
      const response = await callAction({ baseUrl: base, action, args: endpoint.args, fields, cookie });
      if (response.status >= 500) return `HTTP ${response.status}`;
      const result = actionResult(response.text);
      const code = String(result?.code ?? "");
      const refusals = endpoint.gate.startsWith("token") ? ["notFound"] : ["notSignedIn", "forbidden"];
      return refusals.includes(code) ? code : "allowed";
    }
    const response = await fetch(new URL(fill(endpoint.path, caller), base), {
      method: endpoint.kind === "route" ? endpoint.method : "GET",
      redirect: "manual",
      headers: { ...(cookie ? { Cookie: cookie } : {}), "Accept-Language": "en" },
    });
    await response.arrayBuffer();
    const status = response.status;
    if (endpoint.kind === "page") {
      if (status === 200) return "allowed";
      if (status === 307 && (response.headers.get("location") ?? "").startsWith("/login")) return "notSignedIn";
      // Elsewhere, as /login sends a signed-in member of staff on to their queue.
      if (status === 307) return "allowed";
      if (status === 403) return "forbidden";
      if (status === 404) return "notFound";
      return `HTTP ${status}`;
    }
    if (status === (endpoint.ok ?? 200)) return "allowed";
    const refusal = refusalFor(endpoint.gate, caller);
    const refusedWith = { notSignedIn: endpoint.signedOut ?? 401, forbidden: endpoint.lowerRole ?? 403, notFound: 404 }[refusal];
    if (status === refusedWith) return refusal;
    return `HTTP ${status}`;
  }
});

test("one ticket's link never opens another ticket's files", async ({ db, baseURL }) => {
  const other = await db.attachment.findFirst({ select: { id: true, ticketId: true } });
  test.skip(!other, "no attachment seeded");
  const action = builtActions().get("submitComplaint")!;
  const filed = await callAction({
    baseUrl: baseURL!,
    action,
    args: "state+form",
    fields: {
      name: "Second Customer",
      email: `second-${Date.now()}@example.test`,
      category: "OTHER",
      narrative: "A second complaint whose link must open only itself.",
      desiredOutcome: "An answer",
    },
  });
  const token = (actionResult(filed.text)?.result as { trackingPath: string }).trackingPath.split("/").pop()!;
  const response = await fetch(new URL(`/api/attachments/${other!.id}?token=${token}`, baseURL));
  expect(response.status).toBe(404);
});

function describe(endpoint: Endpoint): string {
  return endpoint.kind === "action"
    ? `action ${endpoint.name}`
    : `${endpoint.kind} ${endpoint.kind === "route" ? endpoint.method + " " : ""}${endpoint.path}`;
}
