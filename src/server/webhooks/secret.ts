import "server-only";
import { randomBytes } from "node:crypto";
import { seal, unseal } from "../crypto/seal";

// A webhook's signing secret is shown to the admin once and kept sealed (see ../crypto/seal.ts):
// the worker needs the secret itself to sign each body.

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function sealWebhookSecret(secret: string): string {
  return seal("webhook-secret/v1", secret);
}

/** The secret, or null when it was sealed under another AUTH_SECRET. */
export function unsealWebhookSecret(sealed: string): string | null {
  return unseal("webhook-secret/v1", sealed);
}
