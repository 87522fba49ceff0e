import { storage } from 'wxt/utils/storage';
import type { AlertBatch } from '../../utils/alerts';
import { alertBatchSchema } from '../../utils/alerts';
import {
  fromStoredMonitorState,
  initialMonitorState,
  type MonitorState,
  storedExpiredSchema,
  storedSummarySchema,
} from '../../utils/monitor';
import { expiredUsersItem, monitorSummaryItem, pendingAlertItem } from '../../utils/storage-items';

type Log = (line: string) => void;

const parseJson = (json: string, log: Log): unknown => {
  try {
    return JSON.parse(json);
  } catch (error) {
    log(`stored expired list is not JSON (${String(error)})`);
    return undefined;
  }
};

const readSummary = (stored: unknown, log: Log) => {
  if (stored === null) return undefined;
  const parsed = storedSummarySchema.safeParse(stored);
  if (!parsed.success) log(`stored summary is invalid (${parsed.error.issues[0]?.message}); starting afresh`);
  return parsed.success ? parsed.data : undefined;
};

const readExpired = (json: string | null, log: Log) => {
  if (json === null) return undefined;
  const parsed = storedExpiredSchema.safeParse(parseJson(json, log));
  if (!parsed.success) log(`stored expired list is invalid (${parsed.error.issues[0]?.message}); starting afresh`);
  return parsed.success ? parsed.data : undefined;
};

const parseStoredState = (summary: unknown, expiredJson: string | null, log: Log): MonitorState => {
  const storedSummary = readSummary(summary, log);
  const expired = readExpired(expiredJson, log);
  // Without its expired list a summary would claim a snapshot whose users are unknown: both or neither.
  if (!storedSummary || !expired) return initialMonitorState;
  return fromStoredMonitorState({ ...storedSummary, expired });
};

/** What a previous worker left: the known state and any alert still waiting to go out. */
export const loadSnapshot = async (log: Log) => {
  const [summary, expiredJson, pending] = await Promise.all([
    monitorSummaryItem.getValue(),
    expiredUsersItem.getValue(),
    pendingAlertItem.getValue(),
  ]);
  const batch = alertBatchSchema.safeParse(pending);
  return { state: parseStoredState(summary, expiredJson, log), pending: batch.success ? batch.data : null };
};

/**
 * One storage call, so a stopped worker never leaves a user "known" without the alert that announces them
 * (or the reverse). The expired list (12 MB at 100,000 users) is written only when it changed.
 */
export const saveSnapshot = (state: MonitorState, pending: AlertBatch | null, expiredChanged: boolean) => {
  const { expired, ...summary } = state;
  return storage.setItems([
    { item: monitorSummaryItem, value: summary },
    { item: pendingAlertItem, value: pending },
    ...(expiredChanged ? [{ item: expiredUsersItem, value: JSON.stringify([...expired.values()]) }] : []),
  ]);
};

export const savePendingAlert = (batch: AlertBatch | null) => pendingAlertItem.setValue(batch);
