import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../utils/throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttle', () => {
  it('runs the first request at once and merges the rest of the interval into one run', () => {
    const run = vi.fn();
    const throttled = throttle(run, 1000, globalThis);
    throttled.request();
    expect(run).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) throttled.request();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('flushes a waiting run on demand, and only then', () => {
    const run = vi.fn();
    const throttled = throttle(run, 1000, globalThis);
    throttled.flush();
    expect(run).not.toHaveBeenCalled();
    throttled.request();
    throttled.request();
    throttled.flush();
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
