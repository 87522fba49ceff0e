import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** A short confirmation ("copied") that clears itself after `durationMs`. */
export const useFlashMessage = (durationMs: number): [string | null, (message: string) => void] => {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flash = useCallback(
    (text: string) => {
      clearTimeout(timer.current);
      setMessage(text);
      timer.current = setTimeout(() => setMessage(null), durationMs);
    },
    [durationMs],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return [message, flash];
};
