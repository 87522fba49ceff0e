import { storage } from 'wxt/utils/storage';
import type { AlertBatch } from '../../utils/alerts';
import { alertBatchSchema } from '../../utils/alerts';
import {
  fromStoredMonitorState,
  initialMonitorState,
  type MonitorState,
  storedMonitorStateSchema,
  toStoredMonitorState,
} from '../../utils/monitor';
import { monitorStateItem, pendingAlertItem } from '../../utils/storage-items';

const parseStoredState = (json: string | null, log: (line: string) => void): MonitorState => {
  if (json === null) return initialMonitorState;
  try {
    const parsed = storedMonitorStateSchema.safeParse(JSON.parse(json));
    if (parsed.success) return fromStoredMonitorState(parsed.data);
    log(`stored state is invalid (${parsed.error.issues[0]?.message}); starting from an empty state`);
  } catch (error) {
    log(`stored state is not JSON (${String(error)}); starting from an empty state`);
  }
  return initialMonitorState;
};

/** What a previous worker left: the known state and any alert still waiting to go out. */
export const loadSnapshot = async (log: (line: string) => void) => {
  const [json, pending] = await Promise.all([monitorStateItem.getValue(), pendingAlertItem.getValue()]);
  const batch = alertBatchSchema.safeParse(pending);
  return { state: parseStoredState(json, log), pending: batch.success ? batch.data : null };
};

/**
 * State and pending alert go out in one storage call, so a stopped worker never leaves a user "known"
 * without the alert that announces them (or the reverse).
 */
export const saveSnapshot = (state: MonitorState, pending: AlertBatch | null) =>
  storage.setItems([
    { item: monitorStateItem, value: JSON.stringify(toStoredMonitorState(state)) },
    { item: pendingAlertItem, value: pending },
  ]);

export const savePendingAlert = (batch: AlertBatch | null) => pendingAlertItem.setValue(batch);
