import { act, cleanup, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useThrottledValue } from '../../hooks/use-throttled-value';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useThrottledValue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('shows a change after a quiet spell at once', () => {
    const { result, rerender } = renderHook(({ value }) => useThrottledValue(value, 100), {
      initialProps: { value: 'a' },
    });
    expect(result.current).toBe('a');
    rerender({ value: 'b' });
    expect(result.current).toBe('b');
  });

  it('returns a change after a quiet spell from the very render that brings it, without a render of the old value', () => {
    const renders: [input: string, output: string][] = [];
    const { rerender } = renderHook(
      ({ value }) => {
        const throttled = useThrottledValue(value, 100);
        renders.push([value, throttled]);
        return throttled;
      },
      { initialProps: { value: 'a' } },
    );
    act(() => {
      vi.advanceTimersByTime(500);
    });
    rerender({ value: 'b' });
    expect(renders.filter(([input, output]) => input === 'b' && output !== 'b')).toEqual([]);
  });

  it('caps updates at one per interval however fast the value changes, and ends on the newest', () => {
    const shown: number[] = [];
    const { result, rerender } = renderHook(
      ({ value }) => {
        const throttled = useThrottledValue(value, 100);
        if (shown.at(-1) !== throttled) shown.push(throttled);
        return throttled;
      },
      { initialProps: { value: 0 } },
    );
    // 200 changes over one second: one every 5 ms.
    for (let value = 1; value <= 200; value++) {
      act(() => {
        vi.advanceTimersByTime(5);
      });
      rerender({ value });
    }
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(result.current).toBe(200);
    // The first value, then about one per 100 ms.
    expect(shown.length).toBeLessThanOrEqual(12);
    expect(shown.length).toBeGreaterThanOrEqual(9);
  });

  it('delivers the last value of a burst after the interval', () => {
    const { result, rerender } = renderHook(({ value }) => useThrottledValue(value, 100), {
      initialProps: { value: 0 },
    });
    rerender({ value: 1 });
    rerender({ value: 2 });
    rerender({ value: 3 });
    expect(result.current).toBe(1);
    act(() => {
      vi.advanceTimersByTime(99);
    });
    expect(result.current).toBe(1);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(result.current).toBe(3);
  });
});
