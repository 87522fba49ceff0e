import { useMemo } from 'preact/hooks';
import { useMonitorView } from '../../hooks/use-monitor-view';
import { useThrottledValue } from '../../hooks/use-throttled-value';
import { Popup } from './Popup';

/** The view may change many times a second during a round; nobody reads faster than this. */
export const VIEW_RENDER_INTERVAL_MS = 100;

/**
 * The live view, at most ten times a second. useMonitorView re-renders this component on every storage
 * change; handing Preact the same memoised element makes it skip the popup until the throttled view moves.
 */
export const App = () => {
  const view = useThrottledValue(useMonitorView(), VIEW_RENDER_INTERVAL_MS);
  return useMemo(() => <Popup view={view} />, [view]);
};
