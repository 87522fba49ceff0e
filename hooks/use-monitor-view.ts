import { useEffect, useState } from 'preact/hooks';
import { type MonitorView, monitorViewSchema } from '../utils/monitor';
import { monitorViewItem } from '../utils/storage-items';

const validView = (stored: unknown): MonitorView | null => {
  const parsed = monitorViewSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
};

/**
 * The worker's live summary. null until the worker has published one (a fresh browser start): pages show
 * a neutral "starting" state then. Reading session storage does not need the worker to be awake.
 */
export const useMonitorView = (): MonitorView | null => {
  const [view, setView] = useState<MonitorView | null>(null);
  useEffect(() => {
    let active = true;
    monitorViewItem.getValue().then((stored) => active && setView(validView(stored)));
    const unwatch = monitorViewItem.watch((stored) => setView(validView(stored)));
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return view;
};
