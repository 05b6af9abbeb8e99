import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The ticket events another system can subscribe to, and the internal TicketEvent types each one
 * is made from. The database trigger that fans events out to the outbox holds the same mapping in
 * SQL (migration api_and_webhooks); an integration test keeps the two equal.
 */
export const WEBHOOK_EVENT_SOURCES = {
  "ticket.created": ["ticket.filed"],
  "ticket.stage_changed": ["stage.changed", "ticket.reopened"],
  "ticket.message_added": ["message.sent", "note.added", "customer.replied"],
  "ticket.assigned": ["ticket.assigned"],
  "ticket.escalated": ["ticket.escalated"],
  "ticket.at_risk": ["sla.at_risk"],
  "ticket.breached": ["sla.breached"],
  "ticket.rated": ["customer.rated"],
} as const satisfies Record<string, readonly string[]>;

export type WebhookEvent = keyof typeof WEBHOOK_EVENT_SOURCES;
export const WEBHOOK_EVENTS = Object.keys(WEBHOOK_EVENT_SOURCES) as WebhookEvent[];

export const SIGNATURE_HEADER = "Tanggap-Signature";
/** How old a signature a receiver should still accept, against replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const hex = (secret: string, timestamp: number, body: string) => createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

/** The Tanggap-Signature header for a body sent at `timestamp` (Unix seconds): `t=<unix>,v1=<hex>`. */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hex(secret, timestamp, body)}`;
}

/**
 * What a receiver does (and what the README shows): recompute HMAC-SHA256 over `t.body` with the
 * shared secret, compare in constant time, and refuse stale timestamps so a captured request
 * cannot be replayed later.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null,
  body: string,
  nowSeconds: number,
  tolerance = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (!header) return false;
  const parts = new Map(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isSafeInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(nowSeconds - t) > tolerance) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(hex(secret, t, body), "hex"));
}
