import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

// 256 random bits, URL-safe. Lookups go by its SHA-256, so a leaked database does not
// open anyone's complaint; mail needs the link itself, so a sealed copy is kept too,
// readable only with the key derived from AUTH_SECRET.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface TrackingToken {
  token: string;
  hash: string;
  sealed: string;
}

export function createTrackingToken(): TrackingToken {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashTrackingToken(token), sealed: sealTrackingToken(token) };
}

export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isWellFormedTrackingToken(token: string): boolean {
  return TOKEN.test(token);
}

function sealingKey(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is needed to seal tracking tokens.");
  return Buffer.from(hkdfSync("sha256", secret, "tanggap", "tracking-token/v1", 32));
}

export function sealTrackingToken(token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The token, or null when it was sealed under another secret (or the value is damaged). */
export function unsealTrackingToken(sealed: string): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
