import { storage } from 'wxt/utils/storage';
import {
  alertJournalItem,
  expiredAddedItem,
  expiredUsersItem,
  monitorSummaryItem,
  pendingAlertItem,
} from '../../platform/storage-items';
import {
  type AlertBurst,
  alertBatchSchema,
  alertBurstSchema,
  burstFromLegacyBatch,
  type JournalEntry,
  newAlertId,
} from '../../utils/alerts';
import {
  fromStoredMonitorState,
  initialMonitorState,
  type MonitorState,
  readStoredExpired,
  storedSummarySchema,
  summaryOf,
} from '../../utils/monitor';
import type { ExpiredUser } from '../../utils/protocol';

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

const readUsers = (value: unknown, what: string, log: Log) => {
  const parsed = readStoredExpired(value);
  if (!parsed.success) log(`stored ${what} is invalid (${parsed.error.issues[0]?.message}); starting afresh`);
  return parsed.success ? parsed.data : undefined;
};

/**
 * The known state, and the users announced since the list was last rewritten (`recent`): the next worker must
 * keep storing those beside the list until it rewrites it, or a third worker would not know them.
 */
const parseStoredState = (
  summary: unknown,
  expiredJson: string | null,
  added: unknown,
  log: Log,
): { state: MonitorState; recent: ExpiredUser[] } => {
  const storedSummary = readSummary(summary, log);
  // A list that has not been written yet is empty; its users are all in `added` then.
  const list = expiredJson === null ? [] : readUsers(parseJson(expiredJson, log), 'expired list', log);
  const recent = readUsers(added, 'list of recent expiries', log);
  // A summary whose users cannot be read would announce them all again: start as if new (one summary alert).
  if (!storedSummary || !list || !recent) return { state: initialMonitorState, recent: [] };
  return { state: fromStoredMonitorState({ ...storedSummary, expired: [...list, ...recent] }), recent };
};

/** What a previous worker left: the known state (with its recent additions) and any alert still waiting to go out. */
export const loadSnapshot = async (log: Log) => {
  const [summary, expiredJson, added, pending] = await Promise.all([
    monitorSummaryItem.getValue(),
    expiredUsersItem.getValue(),
    expiredAddedItem.getValue(),
    pendingAlertItem.getValue(),
  ]);
  return { ...parseStoredState(summary, expiredJson, added, log), pending: readOutbox(pending, log) };
};

/** The stored alert; an older version stored a bare batch that was not shown yet. */
const readOutbox = (stored: unknown, log: Log): AlertBurst | null => {
  if (stored === null || stored === undefined) return null;
  const burst = alertBurstSchema.safeParse(stored);
  if (burst.success) return burst.data;
  const legacy = alertBatchSchema.safeParse(stored);
  if (legacy.success) return burstFromLegacyBatch(legacy.data, newAlertId(Date.now()), Date.now());
  log(`stored alert is invalid (${burst.error.issues[0]?.message}); dropped`);
  return null;
};

/**
 * The frequent write, and the write ahead of every alert: state, the alert and the users announced since the
 * list was last rewritten, in one storage call, so a stopped worker never leaves a user "known" without the
 * alert that announces them (or the reverse). Small whatever the size of the list.
 */
export const saveSnapshot = (
  state: MonitorState,
  pending: AlertBurst | null,
  added: readonly ExpiredUser[],
  history?: readonly JournalEntry[],
) => {
  return storage.setItems([
    { item: monitorSummaryItem, value: summaryOf(state) },
    { item: pendingAlertItem, value: pending },
    { item: expiredAddedItem, value: added },
    ...withHistory(history),
  ]);
};

/**
 * The rare write: the whole expired list (10 MB at 100,000 users), which then holds every recent addition;
 * with the pending alert, since the list makes its users "known".
 */
export const saveExpiredList = (state: MonitorState, pending: AlertBurst | null, history?: readonly JournalEntry[]) => {
  return storage.setItems([
    { item: monitorSummaryItem, value: summaryOf(state) },
    { item: pendingAlertItem, value: pending },
    { item: expiredUsersItem, value: JSON.stringify([...state.expired.values()]) },
    { item: expiredAddedItem, value: [] },
    ...withHistory(history),
  ]);
};

/** The alert history, when it rides with a state write (see Journal.carriedBy). */
const withHistory = (history: readonly JournalEntry[] | undefined) =>
  history === undefined ? [] : [{ item: alertJournalItem, value: history }];
