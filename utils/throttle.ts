import type { TimerHandle, Timers } from './timers';

export interface Throttled {
  /** Ask for a run; runs at most once per interval, always with the latest state. */
  request(): void;
  /** Run now if a request is waiting (before the worker may be stopped, or before an alert goes out). */
  flush(): void;
}

/**
 * Leading and trailing throttle: the first request runs at once, further ones within the interval are
 * merged into one run at its end. Used to coalesce storage writes, which cost far more than a frame.
 */
export const throttle = (run: () => void, intervalMs: number, timers: Timers): Throttled => {
  let waiting = false;
  let handle: TimerHandle | null = null;

  const open = () => {
    handle = timers.setTimeout(() => {
      handle = null;
      if (waiting) {
        waiting = false;
        run();
        open();
      }
    }, intervalMs);
  };

  return {
    request() {
      if (handle !== null) {
        waiting = true;
        return;
      }
      run();
      open();
    },
    flush() {
      if (!waiting) return;
      waiting = false;
      run();
    },
  };
};
