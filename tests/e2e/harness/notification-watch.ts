import type { ExtensionBrowser } from './extension-browser';

type Watched = typeof globalThis & {
  notificationsSeen?: Record<string, number>;
  /** The longest time between two readings of the notification centre that came back (ms). */
  notificationsLongestGap?: number;
};

/**
 * Watches the notification centre from an extension page of its own: every 10 ms it lists the notifications
 * shown and keeps when each id was first seen. Reading the list changes nothing, so the watch can neither
 * cause nor hide an alert.
 */
export const watchNotifications = async (browser: ExtensionBrowser) => {
  const page = await browser.context.newPage();
  await page.goto(browser.pageUrl('/options.html'));
  // A string, not a function: the test runner's transform would name inner functions with a helper the page
  // does not have.
  await page.evaluate(`(() => {
    const seen = {};
    globalThis.notificationsSeen = seen;
    globalThis.notificationsLongestGap = 0;
    let lastReading = Date.now();
    setInterval(async () => {
      const ids = Object.keys(await chrome.notifications.getAll());
      const now = Date.now();
      globalThis.notificationsLongestGap = Math.max(globalThis.notificationsLongestGap, now - lastReading);
      lastReading = now;
      for (const id of ids) seen[id] ??= now;
    }, 10);
  })()`);
  return {
    /** Each notification id seen so far, with when it was first seen (epoch ms). */
    seen: () => page.evaluate(() => ({ ...(globalThis as Watched).notificationsSeen })),
    /** The longest gap between two readings so far: a watch that stalled can miss a short-lived notification. */
    longestGap: () => page.evaluate(() => (globalThis as Watched).notificationsLongestGap ?? Number.NaN),
  };
};
