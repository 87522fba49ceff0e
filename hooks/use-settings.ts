import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../utils/settings';
import { loadSettings, watchSettings } from '../utils/settings/settings-store';

/** The current settings, live: a change made anywhere (another page, the worker) re-renders. */
export const useSettings = (): Settings | null => {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let active = true;
    // A change that arrives while the first read is under way is newer than what that read returns.
    let changed = false;
    loadSettings().then((loaded) => active && !changed && setSettings(loaded));
    const unwatch = watchSettings((next) => {
      changed = true;
      setSettings(next);
    });
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return settings;
};
