// How long a staff session lives, as plain arithmetic on the token's own times (seconds since the
// epoch), so that it can be checked on every request without the database.

export interface SessionTimes {
  /** When the person signed in; never moves. */
  signedInAt?: unknown;
  /** The last request that refreshed the token. */
  seenAt?: unknown;
}

export interface SessionLimits {
  maxSeconds: number;
  idleSeconds: number;
}

/** Whether a session is still alive at `now`: within its absolute lifetime and not idle too long. */
export function sessionIsAlive(times: SessionTimes, now: number, limits: SessionLimits): boolean {
  const { signedInAt, seenAt } = times;
  // A token without them comes from before these limits existed: it signs in again.
  if (typeof signedInAt !== "number" || typeof seenAt !== "number") return false;
  if (signedInAt > now + 60 || seenAt > now + 60) return false;
  return now - signedInAt < limits.maxSeconds && now - seenAt < limits.idleSeconds;
}
