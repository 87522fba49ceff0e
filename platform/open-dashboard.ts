import { browser } from 'wxt/browser';
import { dashboardHash } from '../utils/ui/dashboard-route';

type DashboardBrowser = Pick<typeof browser, 'runtime' | 'tabs' | 'windows'>;

/**
 * Shows the dashboard: brings an open dashboard tab (and its window) to the front, or opens one. Given an
 * alert's id, the dashboard shows exactly the users that alert named (its hash changes; the page follows
 * without reloading). Called from the popup and from the worker's notification click, so one dashboard
 * serves both, and a second click focuses it instead of opening another.
 */
export const openDashboard = async (api: DashboardBrowser = browser, alertId?: string): Promise<void> => {
  const base = api.runtime.getURL('/dashboard.html');
  const url = alertId ? `${base}${dashboardHash({ view: 'list', alertId })}` : base;
  // Fragments are not matched: this finds the dashboard whatever it shows.
  const [tab] = await api.tabs.query({ url: base });
  if (tab?.id === undefined) {
    await api.tabs.create({ url });
    return;
  }
  await api.tabs.update(tab.id, alertId ? { active: true, url } : { active: true });
  // A tab made active in a background window stays out of sight until its window is focused.
  if (tab.windowId !== undefined) await api.windows.update(tab.windowId, { focused: true });
};
