import { type Browser, browser } from 'wxt/browser';
import type { NotificationText } from '../../utils/alerts';

const NOTIFICATION_PREFIX = 'token-expired:';
export const BUTTON_OPEN_LIST = 0;
export const BUTTON_MUTE_HOUR = 1;

export const isAlertNotification = (id: string) => id.startsWith(NOTIFICATION_PREFIX);

/**
 * Chrome shows a list and two buttons; Firefox supports only basic notifications and refuses options it
 * does not know, so it gets title and message alone.
 */
export const showNotification = async (text: NotificationText, silent: boolean, buttons: [string, string]) => {
  const base: Browser.notifications.NotificationCreateOptions = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: text.title,
    message: text.message,
    priority: 2,
  };
  const id = `${NOTIFICATION_PREFIX}${Date.now()}`;
  if (import.meta.env.FIREFOX) return browser.notifications.create(id, base);
  // A list shows every named user on its own line; with a single user the basic layout reads better.
  const list = text.items.length > 1 ? { type: 'list' as const, items: text.items } : {};
  return browser.notifications.create(id, {
    ...base,
    ...list,
    silent,
    buttons: buttons.map((title) => ({ title })),
  });
};
