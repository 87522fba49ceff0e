export interface BackoffPolicy {
  /** Upper bound of the first retry's delay. */
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { firstMs: 1000, maxMs: 30_000 };

/**
 * Delay before retry number `failures` (0 for the first): exponential, capped, with jitter in the upper
 * half so that many clients of one restarted server do not all come back in the same instant.
 */
export const backoffDelay = (failures: number, random: () => number, policy = DEFAULT_BACKOFF): number => {
  const ceiling = Math.min(policy.maxMs, policy.firstMs * 2 ** Math.min(failures, 30));
  return Math.round(ceiling * (0.5 + random() * 0.5));
};
