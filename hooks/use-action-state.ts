import { useEffect, useState } from 'preact/hooks';
import { type ActionState, failedWith, IDLE } from '../utils/ui/action-state';

/** An ActionState; with `fadeAfterMs`, a success falls back to idle that long after it is shown. */
export const useActionState = (fadeAfterMs?: number) => {
  const [state, setState] = useState<ActionState>(IDLE);
  useEffect(() => {
    if (fadeAfterMs === undefined || state.phase !== 'done') return;
    const timer = setTimeout(() => setState(IDLE), fadeAfterMs);
    return () => clearTimeout(timer);
  }, [state, fadeAfterMs]);
  return [state, setState] as const;
};

/** A one-shot action (play a test, clear the data): its state to show beside the button, and a way to run it. */
export const useAction = (action: () => Promise<unknown>, fadeAfterMs?: number) => {
  const [state, setState] = useActionState(fadeAfterMs);
  const run = () => {
    setState({ phase: 'running' });
    action().then(
      () => setState({ phase: 'done' }),
      (error: unknown) => setState(failedWith(error)),
    );
  };
  return [state, run] as const;
};
