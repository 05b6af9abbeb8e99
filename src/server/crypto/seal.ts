import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/env";

// The one place values are sealed with AUTH_SECRET (AES-256-GCM, each purpose with its own key
// derived by HKDF, so a value sealed for one purpose never opens as another) and looked up by hash.
// The sealed form, `v1.<iv>.<ciphertext>.<tag>` in base64url, is what the database holds: it must
// not change, or stored tracking links and webhook secrets stop opening.

/** Each purpose is the HKDF info of its key; a new purpose is a new key. */
export type SealPurpose = "tracking-token/v1" | "webhook-secret/v1" | "mailbox-secret/v1";

/** Each purpose of a keyed hash is the HKDF info of its key, as for sealing. */
export type TagPurpose = "reply-address/v1" | "read-your-writes/v1";

function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is needed to seal and open stored secrets.");
  return secret;
}

function key(purpose: SealPurpose | TagPurpose, secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "tanggap", purpose, 32));
}

export function seal(purpose: SealPurpose, plaintext: string, secret = authSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose, secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The plaintext, or null when it was sealed under another secret or purpose (or the value is damaged). */
export function unseal(purpose: SealPurpose, sealed: string, secret = authSecret()): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(purpose, secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * How a bearer secret (a tracking link, an API token) is found: by its SHA-256, so a leaked
 * database opens nothing. Unkeyed on purpose: the secrets are 256 random bits, and a key would
 * make every stored hash unfindable once AUTH_SECRET changes.
 */
export function lookupHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * A short keyed hash (HMAC-SHA256 under a key derived for `purpose`, in hex) that only
 * the holder of AUTH_SECRET can make: e.g. the tag of a per-ticket reply address, so nobody can write
 * onto a ticket by guessing its reference. Changes when AUTH_SECRET does, which is acceptable for tags
 * that live in recent mail.
 */
export function keyedTag(purpose: TagPurpose, value: string, length = 10, secret = authSecret()): string {
  const mac = createHmac("sha256", key(purpose, secret)).update(value).digest();
  return mac.toString("hex").slice(0, length);
}
