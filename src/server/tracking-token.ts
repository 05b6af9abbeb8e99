import { createHash, randomBytes } from "node:crypto";

// 256 random bits, URL-safe. Only the SHA-256 is stored, so a leaked database
// does not leak the customers' private links.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function createTrackingToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashTrackingToken(token) };
}

export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isWellFormedTrackingToken(token: string): boolean {
  return TOKEN.test(token);
}
