import { useEffect, useState } from 'preact/hooks';

/** The current time (epoch ms), refreshed every `intervalMs`: drives countdowns and "2 minutes ago". */
export const useNow = (intervalMs: number): number => {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};
