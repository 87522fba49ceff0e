import { useEffect, useState } from 'preact/hooks';

/** The value once it has stopped changing for `delayMs`: typing "138" asks once, not three times. */
export const useDebouncedValue = <T>(value: T, delayMs: number): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(() => value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
};
