export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };

/**
 * Capped exponential backoff with jitter (a random delay between half and all of this attempt's
 * cap), so many clients that lost the server together do not come back in lockstep. A server's
 * `Retry-After` is a floor: never retry sooner than it asked.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs: number | null = null,
): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.round(cap / 2 + (random() * cap) / 2);
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, policy.maxMs * 10));
}
