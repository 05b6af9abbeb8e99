import "server-only";
import { hitRateLimit, resetRateLimit, type RateLimitResult } from "../rate-limit";

// Generous enough for a shared office address, tight enough to stop guessing.
const PER_ACCOUNT = { limit: 10, windowSeconds: 15 * 60 };
const PER_IP = { limit: 100, windowSeconds: 15 * 60 };

const accountKey = (email: string) => `signin:account:${email}`;

/**
 * Counts a sign-in attempt against both the account and the address, before the password
 * is checked, so parallel guesses cannot slip past the count. Unknown emails are counted alike.
 */
export async function throttleSignIn(email: string, ip: string): Promise<RateLimitResult> {
  const [account, address] = await Promise.all([hitRateLimit(accountKey(email), PER_ACCOUNT), hitRateLimit(`signin:ip:${ip}`, PER_IP)]);
  if (!account.allowed) return account;
  return address;
}

/** A correct password clears the account's count: the limit is on guessing, not on signing in. */
export function signInSucceeded(email: string): Promise<void> {
  return resetRateLimit(accountKey(email));
}
