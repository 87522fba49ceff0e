import type { MonitorView } from '../utils/monitor/monitor-view';
import { useMonitorView } from './use-monitor-view';
import { useThrottledValue } from './use-throttled-value';

/** The view may change many times a second during a round; nobody reads faster than this. */
export const VIEW_RENDER_INTERVAL_MS = 100;

/** The worker's live view, changed at most ten times a second. */
export const useLiveView = (): MonitorView | null => useThrottledValue(useMonitorView(), VIEW_RENDER_INTERVAL_MS);
