import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Shown<T> {
  value: T;
  /** Epoch ms it was first shown. */
  at: number;
}

/**
 * The value, changed at most once per interval: a change after a quiet spell shows in the very render that
 * brings it (a page opening shows its first data without waiting a frame for an effect), later ones within the
 * interval are folded into one trailing update carrying the newest value. Nothing is lost.
 */
export const useThrottledValue = <T>(value: T, intervalMs: number): T => {
  const [, setTrailing] = useState(0);
  const shown = useRef<Shown<T>>({ value, at: Number.NEGATIVE_INFINITY });
  const latest = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  latest.current = value;
  const changed = !Object.is(value, shown.current.value);
  // The leading edge is decided here rather than in an effect: what is shown depends only on the value and
  // the time, and the render that returns it is the one that records it.
  if (changed && timer.current === undefined && Date.now() - shown.current.at >= intervalMs) {
    shown.current = { value, at: Date.now() };
  }
  const waiting = !Object.is(value, shown.current.value);

  useLayoutEffect(() => {
    if (!waiting || timer.current !== undefined) return;
    timer.current = setTimeout(
      () => {
        timer.current = undefined;
        shown.current = { value: latest.current, at: Date.now() };
        setTrailing((count) => count + 1);
      },
      shown.current.at + intervalMs - Date.now(),
    );
  });

  useEffect(() => () => clearTimeout(timer.current), []);

  return shown.current.value;
};
