import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: m=19 MiB, t=2, p=1. Algorithm.Argon2id is a const
// enum (2) that isolated modules cannot import.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when the account does not exist keeps the response time
// the same for an unknown email and a wrong password.
const unknownUserHash = hashPassword("tanggap-timing-equaliser");

export async function verifyPassword(password: string, passwordHash: string | null): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? (await unknownUserHash), password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}
