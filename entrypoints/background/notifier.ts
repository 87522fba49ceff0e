import { type Browser, browser } from 'wxt/browser';
import type { NotificationText } from '../../utils/alerts';

export const BUTTON_OPEN_LIST = 0;
export const BUTTON_MUTE_HOUR = 1;

/**
 * Shows an alert under its own id; called again with the same id it replaces that notification, never adds
 * a second one. Chrome shows a list and two buttons; Firefox supports only basic notifications and refuses
 * options it does not know, so it gets title and message alone.
 */
export const showNotification = async (
  id: string,
  text: NotificationText,
  silent: boolean,
  buttons: readonly [string, string],
) => {
  const base: Browser.notifications.NotificationCreateOptions = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: text.title,
    message: text.message,
    priority: 2,
  };
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

/** Whether a notification with this id is still shown (or waiting in the notification centre). */
export const isNotificationShowing = async (id: string) => id in (await browser.notifications.getAll());
