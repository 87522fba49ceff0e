import type { ExtensionBrowser } from './extension-browser';

type Watched = typeof globalThis & { notificationsSeen?: Record<string, number> };

/**
 * Watches the notification centre from an extension page of its own: every 10 ms it lists the notifications
 * shown and keeps when each id was first seen. Reading the list changes nothing, so the watch can neither
 * cause nor hide an alert.
 */
export const watchNotifications = async (browser: ExtensionBrowser) => {
  const page = await browser.context.newPage();
  await page.goto(browser.pageUrl('/options.html'));
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    (globalThis as Watched).notificationsSeen = seen;
    const poll = async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) seen[id] ??= Date.now();
      setTimeout(poll, 10);
    };
    void poll();
  });
  return {
    /** Each notification id seen so far, with when it was first seen (epoch ms). */
    seen: () => page.evaluate(() => ({ ...(globalThis as Watched).notificationsSeen })),
  };
};
