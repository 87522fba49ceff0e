/**
 * Where the dashboard is, written in its URL's hash so a notification can lead to it and the operator can
 * bookmark it: `#history` is the alert history, `#alert=ID` the expired list narrowed to the users one alert
 * named, anything else the whole list. The hash, not the query string: tabs.query ignores fragments, so an
 * open dashboard is found whatever it shows, and changing it does not reload the page.
 */
export type DashboardRoute = { view: 'list'; alertId: string | null } | { view: 'history' };

const ALERT_PREFIX = '#alert=';

export const parseDashboardRoute = (hash: string): DashboardRoute => {
  if (hash === '#history') return { view: 'history' };
  if (hash.startsWith(ALERT_PREFIX)) {
    const alertId = decodeURIComponent(hash.slice(ALERT_PREFIX.length));
    return { view: 'list', alertId: alertId || null };
  }
  return { view: 'list', alertId: null };
};

export const dashboardHash = (route: DashboardRoute): string => {
  if (route.view === 'history') return '#history';
  return route.alertId ? `${ALERT_PREFIX}${encodeURIComponent(route.alertId)}` : '';
};
