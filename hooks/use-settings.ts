import type { Settings } from '../utils/settings';
import { loadSettings, watchSettings } from '../utils/settings/settings-store';
import { useStoredValue } from './use-stored-value';

/** The current settings, live: a change made anywhere (another page, the worker) re-renders. */
export const useSettings = (): Settings | null => useStoredValue(loadSettings, watchSettings);
