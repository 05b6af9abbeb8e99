import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { importMail, type InboundOutcome } from "./import";

// Mail providers' inbound webhooks (a raw MIME message POSTed to us) take the same import path as
// the IMAP poller. The sender signs `<timestamp>.<body>` with HMAC-SHA256 under
// INBOUND_WEBHOOK_SECRET; a timestamp more than five minutes off is refused, so a captured request
// cannot be replayed later, and the message's SHA-256 is its claim key, so a retried delivery
// imports nothing twice.

export const SIGNATURE_HEADER = "x-tanggap-signature";
export const TIMESTAMP_HEADER = "x-tanggap-timestamp";
const TOLERANCE_SECONDS = 300;

export function signInboundMail(secret: string, timestamp: number, body: Buffer): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
  return `sha256=${mac}`;
}

/** True when the signature is the one `secret` makes for this timestamp and body, and the timestamp is recent. */
export function verifyInboundMail(
  secret: string,
  body: Buffer,
  timestamp: string | null,
  signature: string | null,
  now = new Date(),
): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signInboundMail(secret, Number(timestamp), body));
  const given = Buffer.from(signature.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Imports a verified message; a repeat of the same bytes answers with the first outcome's status. */
export function importWebhookMail(body: Buffer, now = new Date()): Promise<InboundOutcome> {
  const key = `http:${createHash("sha256").update(body).digest("hex")}`;
  return importMail({ key, size: body.length }, async () => body, now);
}
