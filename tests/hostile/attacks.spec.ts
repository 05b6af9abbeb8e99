// The attacks that hit other helpdesks, replayed over HTTP against the production server, each
// checked for what it must not change. Runs in file order (one worker): the public rate limits are shared.
import { expect, test } from "@playwright/test";
import { TEST_BYTES } from "../../src/features/attachments/test-files";
import { waitForMail } from "../e2e/mailbox";
import { actionResult, callAction, signInCookie } from "../support/server-actions";
import { action, complaintFields, sql, submitComplaint } from "./support";

const PUBLIC = "https://tanggap.example";
const PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '"><img src=x onerror="window.__pwned=2">',
  "javascript:window.__pwned=3",
  '<a href="javascript:window.__pwned=4">click</a>',
  '<svg onload="window.__pwned=5">',
];
const tag = () => `atk-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const ticketCount = async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Ticket"`))[0]!.n;

async function staffCookie(baseURL: string, role: "agent" | "supervisor" | "admin") {
  return signInCookie(baseURL, `${role}@tanggap.test`, "tanggap-demo");
}

test("fields the public form does not have are ignored, never applied", async ({ baseURL }) => {
  const t = tag();
  const [admin] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE role = 'ADMIN' LIMIT 1`);
  const extra = {
    status: "CLOSED",
    stage: "CLOSED",
    priority: "URGENT",
    assigneeId: admin!.id,
    teamId: admin!.id,
    version: "99",
    links: "http://evil.example/",
    trackingTokenHash: "0".repeat(64),
  };
  const filed = await submitComplaint(baseURL!, complaintFields(t, 0, extra));
  expect(filed.outcome).toBe("acknowledged");
  const [row] = await sql<{ stage: string; priority: string; assigneeId: string | null; version: number }>(
    `SELECT stage, priority, "assigneeId", version FROM "Ticket" WHERE number = $1`,
    [Number(filed.reference!.slice(4))],
  );
  expect({ stage: row!.stage, priority: row!.priority, assigneeId: row!.assigneeId }).toEqual({
    stage: "NEW",
    priority: "NORMAL",
    assigneeId: null,
  });
  expect(row!.version).toBeLessThan(99);
});

test("a spoofed X-Forwarded-Host never reaches the tracking link, on the receipt or in the mail; the receipt does not echo the complaint", async ({
  baseURL,
}) => {
  const t = tag();
  const fields = complaintFields(t, 0, {
    name: `Win at https://evil.example/${t}`,
    narrative: `Unique narrative ${t}: my order never came.`,
    desiredOutcome: `Outcome ${t}`,
  });
  // Called directly, an attacker sets Origin to match, so Next's same-origin check lets it through.
  const filed = await submitComplaint(
    baseURL!,
    fields,
    { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http" },
    "http://evil.example",
  );
  expect(filed.outcome).toBe("acknowledged");
  expect(filed.trackingUrl!.startsWith(`${PUBLIC}/track/`)).toBe(true);
  const mail = await waitForMail((m) => m.to.includes(`${t}-0@example.test`), 30_000);
  expect(mail.text).toContain(`${PUBLIC}/track/`);
  expect(mail.text).not.toContain("evil.example");
  // An unverified address must not become a way to mail a stranger someone else's words.
  expect(mail.text).not.toContain(t);
  expect(mail.subject).not.toContain(t);
});

test("script and HTML in every text field stay text: on the tracking page, in the agent's workspace and in mail; internal notes stay internal", async ({
  baseURL,
  browser,
}) => {
  const t = tag();
  const p = (i: number) => PAYLOADS[i % PAYLOADS.length]!;
  const filed = await submitComplaint(baseURL!, {
    ...complaintFields(t, 0),
    name: `Eve ${p(0)}`.slice(0, 120),
    narrative: `${p(1)} ${p(2)} ${p(3)} and then the parcel was lost.`,
    desiredOutcome: `${p(4)} ${p(0)}`,
    orderNumber: "A-1",
  });
  expect(filed.outcome, JSON.stringify(filed)).toBe("acknowledged");
  const token = filed.trackingPath!.split("/").pop()!;
  const reply = await callAction({
    baseUrl: baseURL!,
    action: action("customerReplyAction"),
    args: "state+form",
    fields: { token, body: `${p(0)} ${p(3)} reply` },
  });
  expect(actionResult(reply.text)?.status).toBe("success");

  const agent = await staffCookie(baseURL!, "agent");
  const [ticket] = await sql<{ id: string; version: number }>(`SELECT id, version FROM "Ticket" WHERE number = $1`, [
    Number(filed.reference!.slice(4)),
  ]);
  const secret = `internal-${t}`;
  const note = await callAction({
    baseUrl: baseURL!,
    action: action("replyAction"),
    args: "state+form",
    cookie: agent,
    fields: { ticketId: ticket!.id, version: String(ticket!.version), body: `${secret} ${p(0)}`, visibility: "INTERNAL" },
  });
  expect(actionResult(note.text)?.status, note.text.slice(0, 300)).toBe("success");

  for (const [path, cookie] of [
    [filed.trackingPath!, undefined],
    [`/agent/tickets/${filed.reference}`, agent],
  ] as const) {
    const context = await browser.newContext({ extraHTTPHeaders: cookie ? { Cookie: cookie } : {} });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const response = await page.goto(new URL(path, baseURL).toString());
    expect(response?.status(), path).toBe(200);
    await expect(page.getByText("and then the parcel was lost", { exact: false }).first()).toBeVisible();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), path).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('a[href^="javascript:" i]').count(), path).toBe(0);
    expect(await page.locator("main script, main img[onerror], main svg[onload]").count(), path).toBe(0);
    // The payload is shown as the customer typed it.
    await expect(page.getByText(p(1), { exact: false }).first()).toBeVisible();
    const html = await page.content();
    if (cookie) expect(html).toContain(secret);
    else expect(html, "an internal note on the customer's page").not.toContain(secret);
    await context.close();
  }

  // Everything mailed to the customer is plain text and carries no internal note.
  await waitForMail((m) => m.to.includes(`${t}-0@example.test`), 30_000);
  await new Promise((r) => setTimeout(r, 2_000));
  const { readMailbox } = await import("../e2e/mailbox");
  const toCustomer = (await readMailbox()).filter((m) => m.to.includes(`${t}-0@example.test`));
  expect(toCustomer.length).toBeGreaterThan(0);
  for (const mail of toCustomer) {
    expect(mail.html ?? "").not.toMatch(/<script|onerror=|javascript:/i);
    expect(mail.text).not.toContain(secret);
  }
  // Staff notices (the customer replied) are plain text too.
  for (const mail of await readMailbox()) expect(mail.html ?? "", mail.subject).not.toMatch(/<script|onerror=/i);
});

test("files that lie about their type are refused with a message and store nothing; hostile names are made harmless", async ({
  baseURL,
}) => {
  const t = tag();
  const before = await ticketCount();
  const disguised = [
    new File([TEST_BYTES.html], "receipt.png", { type: "image/png" }),
    new File([TEST_BYTES.svg], "photo.jpg", { type: "image/jpeg" }),
    new File([TEST_BYTES.svg], "drawing.svg", { type: "image/svg+xml" }),
    new File([TEST_BYTES.html], "page.html", { type: "text/html" }),
  ];
  for (const [i, file] of disguised.entries()) {
    const refused = await submitComplaint(baseURL!, complaintFields(t, i, { attachments: file }));
    expect(refused.outcome, file.name).toBe("refused");
    expect(refused.fieldErrors?.attachments?.[0], file.name).toBeTruthy();
  }
  expect(await ticketCount()).toBe(before);

  const names = [
    "../../../../etc/passwd.png",
    "..\\..\\windows\\win.ini.png",
    `${"x".repeat(400)}.png`,
    "<script>alert(1)</script>.png",
    "a\r\nContent-Type: text/html.png",
  ];
  const filed = await submitComplaint(
    baseURL!,
    complaintFields(t, 10, { attachments: names.map((n) => new File([TEST_BYTES.png], n, { type: "image/png" })) as unknown as Blob }),
  );
  expect(filed.outcome, JSON.stringify(filed)).toBe("acknowledged");
  const stored = await sql<{ id: string; fileName: string }>(
    `SELECT a.id, a."fileName" FROM "Attachment" a JOIN "Ticket" t ON t.id = a."ticketId" WHERE t.number = $1`,
    [Number(filed.reference!.slice(4))],
  );
  expect(stored).toHaveLength(names.length);
  const token = filed.trackingPath!.split("/").pop()!;
  for (const file of stored) {
    expect(file.fileName).not.toMatch(/[/\\\r\n<>]/);
    expect(file.fileName.length).toBeLessThanOrEqual(255);
    const download = await fetch(new URL(`/api/attachments/${file.id}?token=${token}`, baseURL));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("content-disposition")).not.toMatch(/[\r\n]|\.\.\//);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
  }
});

test("oversized, malformed and SQL-looking input gets a clear 4xx or form message, and the database is unchanged where refused", async ({
  baseURL,
}) => {
  const t = tag();
  const before = await ticketCount();
  // Past the body limit (16 MB): refused before anything runs.
  const huge = await submitComplaint(
    baseURL!,
    complaintFields(t, 0, { attachments: new File([new Uint8Array(17 * 1024 * 1024)], "big.png", { type: "image/png" }) }),
  );
  expect(huge.outcome).not.toBe("acknowledged");
  expect(huge.status, huge.message).toBeGreaterThanOrEqual(400);
  expect(huge.status, huge.message).toBeLessThan(500);

  const long = await submitComplaint(baseURL!, complaintFields(t, 1, { narrative: "x".repeat(5_001) }));
  expect(long.outcome).toBe("refused");
  expect(long.fieldErrors?.narrative?.[0]).toMatch(/5[.,]?000/);

  // A broken argument list: React's decoder cannot read it, and Next answers 500 before any of
  // our code runs (a known limit: it cannot be turned into a 4xx without patching Next). What
  // matters here: nothing is stored, nothing leaks, and the server keeps serving.
  const broken = new FormData();
  broken.set("0", '[{"status":"idle"},"$K1"');
  const malformed = await fetch(new URL("/complaints/new", baseURL), {
    method: "POST",
    headers: { "Next-Action": action("submitComplaint").id, Origin: new URL(baseURL!).origin },
    body: broken,
  });
  expect(malformed.status).toBeGreaterThanOrEqual(400);
  expect(await malformed.text()).not.toMatch(/at \w+ \(|node_modules|SyntaxError/);
  expect((await fetch(new URL("/api/health", baseURL))).status).toBe(200);

  // Bytes that are not UTF-8 arrive as replacement characters and are judged like any text.
  const boundary = "----hostile";
  const part = (name: string, value: Buffer) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), value, Buffer.from("\r\n")]);
  const body = Buffer.concat([
    part("_1_name", Buffer.from([0x4a, 0xc3, 0x28, 0xff, 0xfe, 0x6f])),
    part("_1_email", Buffer.from(`${t}-utf@example.test`)),
    part("_1_category", Buffer.from("OTHER")),
    part(
      "_1_narrative",
      Buffer.concat([
        Buffer.from("Broken bytes "),
        Buffer.from([0xed, 0xa0, 0x80, 0xc0, 0xaf]),
        Buffer.from(" in a long enough complaint text."),
      ]),
    ),
    part("_1_desiredOutcome", Buffer.from("Fix it")),
    part("0", Buffer.from('[{"status":"idle"},"$K1"]')),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  const utf = await fetch(new URL("/complaints/new", baseURL), {
    method: "POST",
    headers: {
      "Next-Action": action("submitComplaint").id,
      Origin: new URL(baseURL!).origin,
      Accept: "text/x-component",
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
    },
    body,
  });
  const utfText = await utf.text();
  expect(utf.status).toBe(200);
  expect(actionResult(utfText)?.status).toBeTruthy();

  expect(await ticketCount()).toBe(before + (actionResult(utfText)?.status === "success" ? 1 : 0));

  // SQL is only text: stored as written, and the tables are still there.
  const sqlish = `Robert'); DROP TABLE "Ticket"; -- and ' OR '1'='1 -- ${t}`;
  const filed = await submitComplaint(baseURL!, complaintFields(t, 2, { narrative: sqlish, name: "Robert'); --" }));
  expect(filed.outcome).toBe("acknowledged");
  const [row] = await sql<{ narrative: string }>(`SELECT narrative FROM "Ticket" WHERE number = $1`, [Number(filed.reference!.slice(4))]);
  expect(row!.narrative).toBe(sqlish);
  const agent = await staffCookie(baseURL!, "agent");
  const search = await fetch(new URL(`/agent?q=${encodeURIComponent("' OR 1=1; --")}`, baseURL), { headers: { Cookie: agent } });
  expect(search.status).toBe(200);
  await search.arrayBuffer();
});

test("server actions posted from a foreign origin are refused and change nothing", async ({ baseURL }) => {
  const t = tag();
  const before = await ticketCount();
  const filed = await submitComplaint(baseURL!, complaintFields(t, 0), {}, "http://evil.example");
  expect(filed.outcome).not.toBe("acknowledged");
  expect(await ticketCount()).toBe(before);

  // Cross-site request forgery against a signed-in agent: the claim must not happen.
  const agent = await staffCookie(baseURL!, "agent");
  const [open] = await sql<{ id: string }>(`SELECT id FROM "Ticket" WHERE "assigneeId" IS NULL AND stage = 'NEW' LIMIT 1`);
  const forged = await callAction({
    baseUrl: baseURL!,
    action: action("claimTicketAction"),
    args: "form",
    fields: { ticketId: open!.id },
    cookie: agent,
    origin: "http://evil.example",
  });
  expect(forged.status).toBeGreaterThanOrEqual(400);
  const [after] = await sql<{ assigneeId: string | null }>(`SELECT "assigneeId" FROM "Ticket" WHERE id = $1`, [open!.id]);
  expect(after!.assigneeId).toBeNull();
});

test("x-middleware-subrequest and other proxy-skipping headers change nothing", async ({ baseURL }) => {
  const variants = [
    "middleware",
    "proxy",
    "src/proxy",
    "proxy:proxy:proxy:proxy:proxy",
    "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
    "middleware:middleware:middleware:middleware:middleware",
  ];
  for (const value of variants) {
    const staff = await fetch(new URL("/agent", baseURL), { redirect: "manual", headers: { "x-middleware-subrequest": value } });
    expect(staff.status, value).toBe(307);
    expect(staff.headers.get("location"), value).toMatch(/^\/login/);
    const csv = await fetch(new URL("/supervisor/reports/sla/csv", baseURL), { headers: { "x-middleware-subrequest": value } });
    expect(csv.status, value).toBe(401);
    const page = await fetch(new URL("/complaints/new", baseURL), { headers: { "x-middleware-subrequest": value } });
    expect(page.headers.get("content-security-policy"), value).toContain("'strict-dynamic'");
    await Promise.all([staff, csv, page].map((r) => r.arrayBuffer()));
  }
});

test("session cookies behind TLS are Secure, HttpOnly and SameSite=Lax", async ({ baseURL }) => {
  const csrf = await fetch(new URL("/api/auth/csrf", baseURL));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const signIn = await fetch(new URL("/api/auth/callback/credentials", baseURL), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar },
    body: new URLSearchParams({ email: "agent@tanggap.test", password: "tanggap-demo", csrfToken, callbackUrl: "/agent" }),
  });
  const cookies = [...csrf.headers.getSetCookie(), ...signIn.headers.getSetCookie()];
  const session = cookies.find((c) => c.startsWith("__Secure-authjs.session-token="));
  expect(session, cookies.join("\n")).toBeTruthy();
  for (const cookie of cookies) {
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  }
});

test("sign-in answers an unknown email and a wrong password alike, and stops guessing even when X-Forwarded-For rotates", async ({
  baseURL,
}) => {
  const attempt = async (email: string, password: string, xff?: string) => {
    const csrf = await fetch(new URL("/api/auth/csrf", baseURL));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(new URL("/api/auth/callback/credentials", baseURL), {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: csrf.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; "),
        ...(xff ? { "X-Forwarded-For": xff } : {}),
      },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/agent" }),
    });
    await response.arrayBuffer();
    return response.headers.get("location") ?? "";
  };
  const unknown = await attempt(`nobody-${tag()}@example.test`, "whatever-password");
  const wrong = await attempt("supervisor@tanggap.test", "not-the-password");
  expect(unknown).toContain("error=CredentialsSignin");
  expect(wrong).toBe(unknown);
  const target = `guessed-${tag()}@example.test`;
  const answers: string[] = [];
  for (let i = 0; i < 12; i++) answers.push(await attempt(target, `guess-${i}`, `198.51.100.${i}`));
  expect(answers.slice(0, 10).every((a) => a === unknown)).toBe(true);
  expect(answers.slice(10).every((a) => a.includes("rate_limited"))).toBe(true);
});

test("a reference and an email never open a ticket: the link goes only to that mailbox", async ({ baseURL }) => {
  const t = tag();
  const filed = await submitComplaint(baseURL!, complaintFields(t, 0));
  const token = filed.trackingPath!.split("/").pop()!;
  for (const path of [`/track/${filed.reference}`, `/track/${filed.reference}?email=${t}-0@example.test`]) {
    const response = await fetch(new URL(path, baseURL));
    expect(response.status, path).toBe(404);
    expect(await response.text()).not.toContain(token);
  }
  const lookup = await callAction({
    baseUrl: baseURL!,
    action: action("lookupAction"),
    args: "state+form",
    fields: { reference: filed.reference!, email: `${t}-0@example.test` },
  });
  expect(actionResult(lookup.text)?.status).toBe("success");
  expect(lookup.text).not.toContain(token);
  const mail = await waitForMail((m) => m.to.includes(`${t}-0@example.test`) && m.text.includes(token), 30_000);
  expect(mail.envelope.to).toEqual([`${t}-0@example.test`]);
});

test("nobody can use the public forms to mail-bomb a stranger: per-recipient limits", async ({ baseURL }) => {
  const victim = `victim-${tag()}@example.test`;
  const results = [];
  for (let i = 0; i < 7; i++) results.push(await submitComplaint(baseURL!, { ...complaintFields("bomb", i), email: victim }));
  expect(results.filter((r) => r.outcome === "acknowledged")).toHaveLength(5);
  expect(results.slice(5).every((r) => r.code === "rateLimited" && r.message)).toBe(true);
  const [mailed] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE recipient = $1`, [victim]);
  expect(mailed!.n).toBe(5);
});

test("the per-address limit holds when X-Forwarded-For rotates", async ({ baseURL }) => {
  // The lookup form allows 10 an hour per address; earlier tests in this file used some.
  const outcomes: string[] = [];
  for (let i = 0; i < 14; i++) {
    const response = await callAction({
      baseUrl: baseURL!,
      action: action("lookupAction"),
      args: "state+form",
      fields: { reference: "TGP-000001", email: `rotating-${i}-${tag()}@example.test` },
      headers: { "X-Forwarded-For": `203.0.113.${i}, 198.51.100.${i}`, "X-Real-IP": `192.0.2.${i}` },
    });
    const result = actionResult(response.text);
    outcomes.push(result?.status === "success" ? "ok" : String(result?.code));
  }
  const firstRefused = outcomes.indexOf("rateLimited");
  expect(firstRefused, outcomes.join(",")).toBeGreaterThan(0);
  expect(firstRefused).toBeLessThanOrEqual(10);
  expect(
    outcomes.slice(firstRefused).every((o) => o === "rateLimited"),
    outcomes.join(","),
  ).toBe(true);
});

test("nobody dodges the per-recipient limit with plus-address variants", async ({ baseURL }) => {
  const victim = `plus-${tag()}`;
  const results = [];
  for (let i = 0; i < 7; i++)
    results.push(await submitComplaint(baseURL!, { ...complaintFields("plus", i), email: `${victim}+${i}@example.test` }));
  expect(results.filter((r) => r.outcome === "acknowledged")).toHaveLength(5);
  expect(results.slice(5).every((r) => r.code === "rateLimited")).toBe(true);
});

test("a stranger who files with a customer's address renames nobody", async ({ baseURL }) => {
  const t = tag();
  const email = `${t}-0@example.test`;
  expect((await submitComplaint(baseURL!, complaintFields(t, 0, { name: "Siti Rahayu" }))).outcome).toBe("acknowledged");
  const stranger = await submitComplaint(baseURL!, complaintFields(t, 0, { name: "Not Siti at evil.example", phone: "+62 811 000 000" }));
  expect(stranger.outcome).toBe("acknowledged");
  const [customer] = await sql<{ name: string; phone: string | null }>(`SELECT name, phone FROM "Customer" WHERE email = $1`, [email]);
  expect(customer).toEqual({ name: "Siti Rahayu", phone: null });
});

test("a NUL or another control character is a field message, never 'try again' or a 500", async ({ baseURL }) => {
  const t = tag();
  const before = await ticketCount();
  for (const [field, value] of [
    ["name", "Siti\u0000Rahayu"],
    ["narrative", `The parcel ${t} arrived\u0000 open and damaged, twice.`],
    ["desiredOutcome", "A refund\u001b[2J"],
  ] as const) {
    const filed = await submitComplaint(baseURL!, complaintFields(t, 0, { [field]: value }));
    expect(filed.outcome, field).toBe("refused");
    expect(filed.fieldErrors?.[field]?.[0], field).toBeTruthy();
  }
  expect(await ticketCount()).toBe(before);
});

test("a copied staff session cookie is refused once its owner signs out", async ({ baseURL }) => {
  const copied = await staffCookie(baseURL!, "supervisor");
  const queue = async () => (await fetch(new URL("/supervisor", baseURL), { headers: { Cookie: copied }, redirect: "manual" })).status;
  expect(await queue()).toBe(200);
  await callAction({ baseUrl: baseURL!, action: action("signOutAction"), args: "none", cookie: copied });
  expect(await queue()).toBe(307);
});
