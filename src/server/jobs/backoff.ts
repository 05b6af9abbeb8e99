// When a failed outbox row (a mail, a webhook delivery) is tried again. Plain arithmetic, no I/O,
// so it is tested on its own.

export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60_000;
/** Each delay is spread ±20 %, so instances that failed together do not retry together. */
export const RETRY_JITTER = 0.2;

/**
 * The wait before the next try of a row that has now failed `attempts` times:
 * 30 s × 2^attempts (1 min, 2 min, 4 min, … ), at most an hour, then jittered.
 * With the default 8 attempts a row is retried for about three hours before it is given up.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(attempts));
  // 2^7 × 30 s already passes the cap; stopping the exponent there keeps huge counts finite.
  const base = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(n, 7));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(base * (1 - RETRY_JITTER + 2 * RETRY_JITTER * r));
}
