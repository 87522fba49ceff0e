import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The value, changed at most once per interval: a change after a quiet spell shows at once, later ones
 * within the interval are folded into one trailing update carrying the newest value. Nothing is lost.
 */
export const useThrottledValue = <T>(value: T, intervalMs: number): T => {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const shownValue = useRef(value);
  const shownAt = useRef(Number.NEGATIVE_INFINITY);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  latest.current = value;

  useEffect(() => {
    if (timer.current !== undefined || Object.is(value, shownValue.current)) return;
    const show = () => {
      timer.current = undefined;
      shownAt.current = Date.now();
      shownValue.current = latest.current;
      setShown(() => latest.current);
    };
    const wait = shownAt.current + intervalMs - Date.now();
    if (wait <= 0) show();
    else timer.current = setTimeout(show, wait);
  }, [value, intervalMs]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return shown;
};
