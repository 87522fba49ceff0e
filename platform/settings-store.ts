import { readSettings, type Settings } from '../utils/settings/settings-schema';
import { settingsItem } from './storage-items';

// The one place pages and the worker read and change settings. Changes apply everywhere at once:
// every open page and the worker watch the same storage item.

const log = (replaced: string[]) => {
  if (replaced.length > 0)
    console.warn(`[settings] replaced invalid stored values by defaults: ${replaced.join(', ')}`);
};

export const loadSettings = async (): Promise<Settings> => {
  const { settings, replaced } = readSettings(await settingsItem.getValue());
  log(replaced);
  return settings;
};

// Saving is read, merge, write: two saves that overlap would lose one change, so a page saves in turn.
let saving: Promise<unknown> = Promise.resolve();

/** Saves a change to some settings; the others keep their stored values. */
export const saveSettings = (change: Partial<Settings>): Promise<Settings> => {
  const save = saving.then(async () => {
    const next = { ...(await loadSettings()), ...change };
    await settingsItem.setValue(next);
    return next;
  });
  saving = save.catch(() => {});
  return save;
};

export const watchSettings = (onChange: (settings: Settings) => void): (() => void) =>
  settingsItem.watch((stored) => {
    const { settings, replaced } = readSettings(stored);
    log(replaced);
    onChange(settings);
  });
