// Reconnect delays: exponential, capped, with "equal jitter" — half fixed, half
// random — so a fleet of balancers does not hammer a restarted daemon in step.

/** Backoff settings in milliseconds. */
export interface BackoffPolicy {
  initialMs: number
  maxMs: number
}

/** Defaults: 100 ms doubling to at most 5 s. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 5_000 }

/**
 * The delay before reconnect attempt `attempt` (1-based).
 *
 * @example
 *   reconnectDelay(3, DEFAULT_BACKOFF, () => 0.5) // 300: ceiling 400, half fixed + half × 0.5
 */
export function reconnectDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}
