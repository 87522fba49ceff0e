import type { Locale, MessageKey, Translate } from '../utils/i18n';
import { defaultSettings, type Settings } from '../utils/settings';
import { useElapsed } from './use-elapsed';
import { usePageLanguage } from './use-page-language';
import { useSettings } from './use-settings';

/**
 * Until settings arrive the language is unknown: a blank frame for a few milliseconds beats a flash of the
 * wrong language. But storage can be slow while the worker writes a large list (seconds, measured with
 * 100,000 users), so after this long the page shows itself in the browser's language and safe defaults
 * (phones masked) and corrects itself when the settings come.
 */
export const SETTINGS_PATIENCE_MS = 300;

export interface PageSettings {
  /** The stored settings; null until they have been read (what depends on them, like muting, waits). */
  stored: Settings | null;
  /** The stored settings, or the safe defaults until then. */
  settings: Settings;
  /** False while the page should still show a blank frame (see SETTINGS_PATIENCE_MS). */
  ready: boolean;
  locale: Locale;
  t: Translate;
}

/** The settings a page that only reads them (popup, dashboard) renders with, in their language. */
export const usePageSettings = (titleKey: MessageKey): PageSettings => {
  const stored = useSettings();
  const waited = useElapsed(SETTINGS_PATIENCE_MS);
  const { locale, t } = usePageLanguage(stored?.language, titleKey);
  return { stored, settings: stored ?? defaultSettings, ready: stored !== null || waited, locale, t };
};
