import { browser } from 'wxt/browser';

/** Firefox 137+ opens its shortcut page itself; WXT's types follow Chrome, which has no such function. */
type ShortcutCommandsApi = typeof browser.commands & { openShortcutSettings?: () => Promise<void> };

type ShortcutSettingsBrowser = { commands: ShortcutCommandsApi; tabs: Pick<typeof browser.tabs, 'create'> };

// Chrome lets an extension open this page in a tab (Edge redirects it to edge://extensions/shortcuts).
const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

/**
 * Opens the browser's page for changing extension shortcuts. Resolves false when the browser offers no
 * way to open it (a Firefox older than 137: about:addons cannot be opened by an extension), so the page
 * can tell the user the way there instead.
 */
export const openShortcutSettings = async (
  api: ShortcutSettingsBrowser = browser,
  isFirefox: boolean = import.meta.env.FIREFOX,
): Promise<boolean> => {
  if (api.commands.openShortcutSettings) {
    await api.commands.openShortcutSettings();
    return true;
  }
  if (isFirefox) return false;
  await api.tabs.create({ url: CHROME_SHORTCUTS_URL });
  return true;
};
