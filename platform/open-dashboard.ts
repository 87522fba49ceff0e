import { browser } from 'wxt/browser';

type DashboardBrowser = Pick<typeof browser, 'runtime' | 'tabs' | 'windows'>;

/**
 * Shows the dashboard: brings an open dashboard tab (and its window) to the front, or opens one.
 * Called from the popup and from the worker's notification click, so one dashboard serves both.
 */
export const openDashboard = async (api: DashboardBrowser = browser): Promise<void> => {
  const url = api.runtime.getURL('/dashboard.html');
  const [tab] = await api.tabs.query({ url });
  if (tab?.id === undefined) {
    await api.tabs.create({ url });
    return;
  }
  await api.tabs.update(tab.id, { active: true });
  // A tab made active in a background window stays out of sight until its window is focused.
  if (tab.windowId !== undefined) await api.windows.update(tab.windowId, { focused: true });
};
