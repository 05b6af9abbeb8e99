import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../../../../tests/support/integration-db";
import { signInboundMail } from "@/features/inbound/webhook";
import { POST } from "./route";

// Read once by src/env.ts for this file.
const SECRET = "inbound-webhook-test-secret-0123456789abcdef";
process.env.INBOUND_WEBHOOK_SECRET = SECRET;

const raw = Buffer.from(
  [
    "From: Rudi Hartono <rudi@customer.test>",
    "To: help@toko.test",
    "Subject: Tagihan dobel",
    `Message-ID: <${crypto.randomUUID()}@customer.test>`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Kartu saya ditagih dua kali untuk pesanan yang sama, mohon dikembalikan.",
    "",
  ].join("\r\n"),
);

function post(body: Buffer, headers: Record<string, string>) {
  return POST(new Request("http://localhost/api/inbound/mail", { method: "POST", body: new Uint8Array(body), headers }));
}

function signed(body: Buffer, at = Math.floor(Date.now() / 1000)) {
  return { "x-tanggap-timestamp": String(at), "x-tanggap-signature": signInboundMail(SECRET, at, body) };
}

describe("POST /api/inbound/mail", () => {
  beforeEach(resetDatabase);

  it("imports a signed message once, through the same path as the mailbox poller", async () => {
    const first = await post(raw, signed(raw));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: "imported", as: "complaint" });
    const ticket = await testDb().ticket.findFirstOrThrow({ include: { customer: true } });
    expect(ticket).toMatchObject({ needsTriage: true, desiredOutcome: null, locale: "id" });
    expect(ticket.customer.email).toBe("rudi@customer.test");

    // The provider retries the same delivery: nothing new.
    const again = await post(raw, signed(raw));
    expect(await again.json()).toEqual({ status: "duplicate" });
    expect(await testDb().ticket.count()).toBe(1);
  });

  it("refuses unsigned, wrongly signed and stale requests without reading the mail", async () => {
    expect((await post(raw, {})).status).toBe(401);
    expect((await post(raw, { ...signed(raw), "x-tanggap-signature": signInboundMail("another-secret", 1, raw) })).status).toBe(401);
    const tampered = Buffer.concat([raw, Buffer.from("P.S. and more")]);
    expect((await post(tampered, signed(raw))).status).toBe(401);
    expect((await post(raw, signed(raw, Math.floor(Date.now() / 1000) - 3600))).status).toBe(401);
    expect(await testDb().inboundMail.count()).toBe(0);
  });

  it("answers machine mail with 200 and records it as ignored", async () => {
    const bounce = Buffer.from(raw.toString().replace("Subject:", "Auto-Submitted: auto-replied\r\nSubject:"));
    const response = await post(bounce, signed(bounce));
    expect(await response.json()).toEqual({ status: "ignored", reason: "autoReply" });
    expect(await testDb().ticket.count()).toBe(0);
  });
});
