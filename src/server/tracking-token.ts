import { randomBytes } from "node:crypto";
import { lookupHash, seal, unseal } from "./crypto/seal";

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
  return lookupHash(token);
}

export function isWellFormedTrackingToken(token: string): boolean {
  return TOKEN.test(token);
}

export function sealTrackingToken(token: string): string {
  return seal("tracking-token/v1", token);
}

/** The token, or null when it was sealed under another secret (or the value is damaged). */
export function unsealTrackingToken(sealed: string): string | null {
  return unseal("tracking-token/v1", sealed);
}
