import { monitorViewItem } from '../platform/storage-items';
import { type MonitorView, monitorViewSchema } from '../utils/monitor';
import { useStoredValue } from './use-stored-value';

const validView = (stored: unknown): MonitorView | null => {
  const parsed = monitorViewSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
};

const loadView = async () => validView(await monitorViewItem.getValue());
const watchView = (onChange: (view: MonitorView | null) => void) =>
  monitorViewItem.watch((stored) => onChange(validView(stored)));

/**
 * The worker's live summary. null until the worker has published one (a fresh browser start): pages show
 * a neutral "starting" state then. Reading session storage does not need the worker to be awake.
 */
export const useMonitorView = (): MonitorView | null => useStoredValue(loadView, watchView);
