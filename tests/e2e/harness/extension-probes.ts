import type { JournalEntry } from '../../../utils/alerts';
import type { MonitorView } from '../../../utils/monitor';
import type { ExtensionBrowser } from './extension-browser';

/** What the user can see of the extension from outside: notifications, badge, stored alerts, live view. */
export const notificationIds = (browser: ExtensionBrowser) =>
  browser.inExtension(async () => Object.keys(await chrome.notifications.getAll()).sort());

export const badge = (browser: ExtensionBrowser) =>
  browser.inExtension(async () => {
    const [text, color, title] = await Promise.all([
      chrome.action.getBadgeText({}),
      chrome.action.getBadgeBackgroundColor({}),
      chrome.action.getTitle({}),
    ]);
    return { text, color, title };
  });

export const alertJournal = (browser: ExtensionBrowser) =>
  browser.inExtension(
    async () => ((await chrome.storage.local.get('alertJournal')).alertJournal ?? []) as JournalEntry[],
  );

export const monitorView = (browser: ExtensionBrowser) =>
  browser.inExtension(
    async () => ((await chrome.storage.session.get('monitorView')).monitorView ?? null) as MonitorView | null,
  );

export const setSettings = (browser: ExtensionBrowser, change: Record<string, unknown>) =>
  browser.inExtension(async (patch) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), ...patch } });
  }, change);

/** Polls until `read` satisfies `done`, or fails with the last value read. */
export const waitFor = async <T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeout = 15_000, interval = 200, what = 'condition' } = {},
): Promise<T> => {
  const deadline = Date.now() + timeout;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
    last = await read();
  }
  return last;
};

/** Stops the extension's service worker the way Chrome does when it is idle. */
export const killServiceWorker = async (browser: ExtensionBrowser) => {
  const page = await browser.context.newPage();
  try {
    const session = await browser.context.newCDPSession(page);
    const { targetInfos } = (await session.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const workers = targetInfos.filter(
      (target) => target.type === 'service_worker' && target.url.includes(browser.extensionId),
    );
    for (const worker of workers) await session.send('Target.closeTarget', { targetId: worker.targetId });
    return workers.length;
  } finally {
    await page.close();
  }
};
