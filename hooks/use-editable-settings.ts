import { useEffect, useRef, useState } from 'preact/hooks';
import { saveSettings } from '../platform/settings-store';
import type { Settings } from '../utils/settings';
import { failedWith } from '../utils/ui/action-state';
import { useActionState } from './use-action-state';
import { useSettings } from './use-settings';

/**
 * The stored settings with the user's unsaved changes laid over them, so the page answers at once, and the
 * state of saving them ("Saved" fades after `savedFadeMs`).
 * Saves run one after another: saveSettings reads, merges and writes, and two overlapping calls would
 * each write back the other's old value. The overlay is dropped on the first storage change that arrives
 * once no save is pending (ours, or another window's, which then wins), or when a save fails.
 */
export const useEditableSettings = (savedFadeMs: number) => {
  const stored = useSettings();
  const [overlay, setOverlay] = useState<Partial<Settings>>({});
  const [saveState, setSaveState] = useActionState(savedFadeMs);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);

  useEffect(() => {
    if (inFlight.current === 0) setOverlay({});
  }, [stored]);

  const change = (partial: Partial<Settings>) => {
    setOverlay((previous) => ({ ...previous, ...partial }));
    inFlight.current += 1;
    setSaveState({ phase: 'running' });
    const settle = (failure?: unknown) => {
      inFlight.current -= 1;
      if (failure !== undefined) {
        // Show what is really stored rather than a change that did not happen.
        setOverlay({});
        setSaveState(failedWith(failure));
      } else if (inFlight.current === 0) {
        setSaveState((current) => (current.phase === 'failed' ? current : { phase: 'done' }));
      }
    };
    queue.current = queue.current.then(() =>
      saveSettings(partial).then(
        () => settle(),
        (error: unknown) => settle(error ?? 'unknown error'),
      ),
    );
  };

  return { settings: stored && { ...stored, ...overlay }, change, saveState };
};
