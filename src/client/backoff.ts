export interface BackoffPolicy {
  /** Ceiling of the first delay. @default 500 */
  baseMs: number;
  /** Growth of the ceiling per attempt. @default 2 */
  factor: number;
  /** Largest ceiling. @default 10000 */
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 500, factor: 2, capMs: 10_000 };

/**
 * "Full jitter": a delay drawn uniformly below the exponential ceiling, so clients that lost the same
 * server spread their retries instead of returning in lock-step. `attempt` starts at 1.
 */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
