import { loadSettings, watchSettings } from '../platform/settings-store';
import type { Settings } from '../utils/settings';
import { useStoredValue } from './use-stored-value';

/** The current settings, live: a change made anywhere (another page, the worker) re-renders. */
export const useSettings = (): Settings | null => useStoredValue(loadSettings, watchSettings);
