import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../utils/settings';
import { loadSettings, watchSettings } from '../utils/settings/settings-store';

/** The current settings, live: a change made anywhere (another page, the worker) re-renders. */
export const useSettings = (): Settings | null => {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let active = true;
    loadSettings().then((loaded) => active && setSettings(loaded));
    const unwatch = watchSettings(setSettings);
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return settings;
};
