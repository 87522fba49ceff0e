import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../utils/connection';

describe('backoffDelay', () => {
  it('retries the first time within a second', () => {
    for (const random of [0, 0.5, 0.999]) expect(backoffDelay(0, () => random)).toBeLessThanOrEqual(1000);
  });

  it('doubles and never exceeds 30 s', () => {
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
    expect(backoffDelay(1000, () => 1)).toBe(30_000);
  });

  it('spreads clients with jitter in the upper half', () => {
    expect(backoffDelay(4, () => 0)).toBe(8000);
    expect(backoffDelay(4, () => 0.999)).toBeGreaterThan(15_900);
  });
});
