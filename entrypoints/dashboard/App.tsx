import { useMemo } from 'preact/hooks';
import { useMonitorView } from '../../hooks/use-monitor-view';
import { useThrottledValue } from '../../hooks/use-throttled-value';
import { Dashboard } from './Dashboard';

/** The view may change many times a second during a round; nobody reads faster than this. */
export const VIEW_RENDER_INTERVAL_MS = 100;

/** The live view, at most ten times a second (see the popup's App for how the memoised element helps). */
export const App = () => {
  const view = useThrottledValue(useMonitorView(), VIEW_RENDER_INTERVAL_MS);
  return useMemo(() => <Dashboard view={view} />, [view]);
};
