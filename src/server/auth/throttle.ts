import "server-only";
import { hitRateLimits, resetRateLimit, type RateLimitResult } from "../rate-limit";

const WINDOW = 15 * 60;
// The lock that stops guessing is on an account from one address, so a stranger's guesses from
// their address never lock the owner out of theirs. Generous enough for a mistyped password.
const PER_ACCOUNT_AND_ADDRESS = { limit: 10, windowSeconds: WINDOW };
// Guessing one account from many addresses at once still meets a ceiling. Reaching it takes
// ten addresses' worth of failures, well beyond what a person mistyping ever comes near.
const PER_ACCOUNT = { limit: 100, windowSeconds: WINDOW };
// Generous enough for a shared office address, tight enough to stop guessing many accounts.
const PER_ADDRESS = { limit: 100, windowSeconds: WINDOW };

const pairKey = (email: string, ip: string) => `signin:account-ip:${email}:${ip}`;

/**
 * Counts a sign-in attempt before the password is checked, so parallel guesses cannot slip past
 * the count. Unknown emails are counted alike.
 */
export async function throttleSignIn(email: string, ip: string): Promise<RateLimitResult> {
  return hitRateLimits([
    { key: pairKey(email, ip), rule: PER_ACCOUNT_AND_ADDRESS },
    { key: `signin:account:${email}`, rule: PER_ACCOUNT },
    { key: `signin:ip:${ip}`, rule: PER_ADDRESS },
  ]);
}

/** A correct password clears the failures from that address: the limit is on guessing, not on signing in. */
export function signInSucceeded(email: string, ip: string): Promise<void> {
  return resetRateLimit(pairKey(email, ip));
}
