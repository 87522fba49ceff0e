import { useEffect, useState } from 'preact/hooks';
import { type DashboardRoute, dashboardHash, parseDashboardRoute } from '../utils/ui/dashboard-route';

/** The dashboard's place, from and to its URL's hash, followed when a notification click changes it. */
export const useDashboardRoute = (): [DashboardRoute, (route: DashboardRoute) => void] => {
  const [route, setRoute] = useState(() => parseDashboardRoute(location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseDashboardRoute(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  const go = (next: DashboardRoute) => {
    const hash = dashboardHash(next);
    // Back goes back to where the operator was; an empty hash leaves no lone '#'.
    history.pushState(null, '', hash || location.pathname);
    setRoute(next);
  };
  return [route, go];
};
