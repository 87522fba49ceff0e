import { browser } from 'wxt/browser';
import { type Shortcut, toShortcuts } from '../../utils/shortcuts/shortcut';

type ShortcutsBrowser = { commands: Pick<typeof browser.commands, 'getAll'> };

/**
 * Reports the extension's shortcuts now and each time the page comes back into view: the keys are changed
 * on the browser's own page, in another tab, and neither browser tells this page when they change there.
 * A browser that cannot list them reports none. Returns a stop function.
 */
export const watchShortcuts = (
  onShortcuts: (shortcuts: Shortcut[]) => void,
  api: ShortcutsBrowser = browser,
  page: Document = document,
): (() => void) => {
  let active = true;
  const read = async () => {
    let shortcuts: Shortcut[] = [];
    try {
      shortcuts = toShortcuts(await api.commands.getAll());
    } catch {
      // Reported as none: the section then says the browser lists no shortcuts.
    }
    if (active) onShortcuts(shortcuts);
  };
  const onVisible = () => page.visibilityState === 'visible' && void read();
  page.addEventListener('visibilitychange', onVisible);
  void read();
  return () => {
    active = false;
    page.removeEventListener('visibilitychange', onVisible);
  };
};
