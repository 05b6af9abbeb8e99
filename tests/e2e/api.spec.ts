import { expect, test } from "./fixtures";

// The API as another system uses it: a token made by an admin through the UI, then plain HTTP
// with no session cookie, against the production build.

const complaint = {
  name: "Wayan Sudarsana",
  email: "wayan@example.co.id",
  category: "SERVICE_PROBLEM",
  narrative: "The courier was rude at the door and left without the signature.",
  desiredOutcome: "An apology from the courier company",
  locale: "en",
};

test("an admin makes a token in the UI; with it another system creates, reads and moves a ticket, until it is revoked", async ({
  page,
  signIn,
  playwright,
  baseURL,
}) => {
  await signIn("admin");
  await page.goto("/admin");
  await page.getByRole("link", { name: "API tokens", exact: true }).click();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Choose at least one scope.")).toBeVisible();
  await page.getByLabel("Name").fill("Call centre");
  for (const scope of ["tickets:read", "tickets:write", "tickets:move"])
    await page.getByRole("checkbox", { name: new RegExp(scope) }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^tgp_[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("token-row").filter({ hasText: "Call centre" })).toBeVisible();
  // Shown once: the page never carries it again.
  expect(await page.content()).not.toContain(token);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const created = await api.post("/api/v1/tickets", { data: complaint, headers: { "Idempotency-Key": "crm-case-4411" } });
  expect(created.status()).toBe(201);
  const ticket = await created.json();
  expect(ticket).toMatchObject({ stage: "NEW", category: "SERVICE_PROBLEM", unmetGates: ["acknowledgement"] });
  const again = await api.post("/api/v1/tickets", { data: complaint, headers: { "Idempotency-Key": "crm-case-4411" } });
  expect(again.status()).toBe(200);
  expect((await again.json()).reference).toBe(ticket.reference);

  const read = await api.get(`/api/v1/tickets/${ticket.reference}`);
  expect(read.status()).toBe(200);
  expect((await read.json()).customer).toEqual({ name: "Wayan Sudarsana", email: "wayan@example.co.id" });

  const refused = await api.post(`/api/v1/tickets/${ticket.reference}/stage`, { data: { to: "LISTEN" } });
  expect(refused.status()).toBe(422);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  expect((await refused.json()).unmetGates).toEqual([{ gate: "acknowledgement", detail: "Send the customer an acknowledgement." }]);

  const replied = await api.post(`/api/v1/tickets/${ticket.reference}/messages`, {
    data: { body: "Dear Wayan, we are sorry; we have asked the courier company.", visibility: "PUBLIC" },
  });
  expect(replied.status()).toBe(201);
  const moved = await api.post(`/api/v1/tickets/${ticket.reference}/stage`, {
    data: { to: "LISTEN", version: (await replied.json()).version },
  });
  expect(moved.status()).toBe(200);
  expect(await moved.json()).toMatchObject({ reference: ticket.reference, stage: "LISTEN" });

  const listed = await api.get("/api/v1/tickets?stage=LISTEN");
  expect((await listed.json()).data.map((t: { reference: string }) => t.reference)).toContain(ticket.reference);

  const malformed = await api.post("/api/v1/tickets", { data: Buffer.from("{not json"), headers: { "Content-Type": "application/json" } });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).type).toBe("urn:tanggap:problem:malformed-json");

  // Revoked in the UI: refused at once.
  await page.getByRole("form", { name: "Revoke token Call centre" }).getByRole("button", { name: "Revoke" }).click();
  // The row itself now says so (the button's form is gone with the token).
  await expect(page.getByTestId("token-row").filter({ hasText: "Call centre" })).toContainText("Revoked");
  const after = await api.get(`/api/v1/tickets/${ticket.reference}`);
  expect(after.status()).toBe(401);
  expect(after.headers()["www-authenticate"]).toContain("Bearer");
  await api.dispose();
});

test("the OpenAPI document is served to anyone", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/v1/tickets/{reference}/stage");
});

test("an admin cannot register a webhook pointing at this server or the metadata service", async ({ page, signIn, db }) => {
  await signIn("admin");
  await page.goto("/admin/webhooks");
  for (const [url, message] of [
    ["http://127.0.0.1:9/hook", "Webhooks cannot be sent to this server itself: 127.0.0.1 is the loopback address 127.0.0.1."],
    [
      "http://169.254.169.254/latest/meta-data/",
      "Webhooks cannot be sent to a link-local address, where cloud metadata services live: 169.254.169.254 is 169.254.169.254.",
    ],
  ] as const) {
    await page.getByLabel("URL").fill(url);
    await page.getByRole("checkbox", { name: /ticket\.created/ }).check();
    await page.getByRole("button", { name: "Register endpoint" }).click();
    await expect(page.getByText(message)).toBeVisible();
  }
  expect(await db.webhookEndpoint.count()).toBe(0);
});

test("a complaint form sent twice files one complaint", async ({ page, db }) => {
  await page.goto("/complaints/new");
  const email = `twice-${Date.now()}@example.com`;
  await page.getByLabel("Your name").fill("Putu Ayu");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("What is it about?").selectOption({ index: 1 });
  await page.getByLabel("What happened").fill("The parcel arrived open and one item was missing from it.");
  await page.getByLabel("What would you like us to do?").fill("Send the missing item");
  // A double click: the same form submitted twice before the first answer.
  await page.evaluate(() => {
    const form = document.querySelector("#field-narrative")!.closest("form")!;
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(page.getByRole("heading", { name: "We have received your complaint" })).toBeVisible();
  await expect.poll(async () => db.ticket.count({ where: { customer: { email } } }), { timeout: 5_000 }).toBe(1);
  await page.waitForTimeout(1000);
  expect(await db.ticket.count({ where: { customer: { email } } })).toBe(1);
});
