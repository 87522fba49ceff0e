import { storage } from 'wxt/utils/storage';
import {
  alertJournalItem,
  legacyExpiredUsersItem,
  pendingAlertItem,
  type ServerStore,
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
  type ListSlot,
  listParts,
  type MonitorState,
  readStoredExpired,
  type StoredListManifest,
  storedListManifestSchema,
  storedSummarySchema,
  summaryOf,
} from '../../utils/monitor';
import type { ExpiredUser } from '../../utils/protocol';

type Log = (line: string) => void;

/** A list stored as a JSON string; an older version stored some as plain values, which pass as they are. */
const parseJson = (json: unknown, what: string, log: Log): unknown => {
  try {
    return typeof json === 'string' ? JSON.parse(json) : json;
  } catch (error) {
    log(`stored ${what} is not JSON (${String(error)})`);
    return undefined;
  }
};

const readSummary = (stored: unknown, log: Log) => {
  if (stored === null) return undefined;
  const parsed = storedSummarySchema.safeParse(stored);
  if (!parsed.success) log(`stored summary is invalid (${parsed.error.issues[0]?.message}); starting afresh`);
  return parsed.success ? parsed.data : undefined;
};

/** Users stored as a JSON string (or, by an older version, as the array itself); undefined if unreadable. */
const readStoredUsers = (stored: unknown, what: string, log: Log) => {
  const parsed = readStoredExpired(parseJson(stored, what, log));
  if (!parsed.success) log(`stored ${what} is invalid (${parsed.error.issues[0]?.message}); starting afresh`);
  return parsed.success ? parsed.data : undefined;
};

/**
 * The known state, and the users announced since the list was last rewritten (`recent`): the next worker must
 * keep storing those beside the list until it rewrites it, or a third worker would not know them.
 */
const parseStoredState = (
  summary: unknown,
  list: ExpiredUser[] | undefined,
  added: unknown,
  log: Log,
): { state: MonitorState; recent: ExpiredUser[] } => {
  const storedSummary = readSummary(summary, log);
  const recent = readStoredUsers(added, 'list of recent expiries', log);
  // A summary whose users cannot be read would announce them all again: start as if new (one summary alert).
  if (!storedSummary || !list || !recent) return { state: initialMonitorState, recent: [] };
  return { state: fromStoredMonitorState({ ...storedSummary, expired: list.concat(recent) }), recent };
};

const partKeys = (store: ServerStore, slot: ListSlot, parts: number) =>
  Array.from({ length: parts }, (_, index) => store.partKey(slot, index));

/** The committed list, its parts joined; undefined when any part is missing or unreadable. */
const readListParts = async (store: ServerStore, { slot, parts }: StoredListManifest, log: Log) => {
  const stored = await storage.getItems(partKeys(store, slot, parts));
  const users: ExpiredUser[] = [];
  for (const [index, { value }] of stored.entries()) {
    if (value === null) log(`stored expired list is invalid (part ${slot}:${index} is missing); starting afresh`);
    const part = value === null ? undefined : readStoredUsers(value, 'expired list', log);
    if (!part) return undefined;
    for (const user of part) users.push(user);
  }
  return users;
};

/**
 * The expired list, from the slot the manifest names, or (the first server only) as an older version stored
 * it. A list that has not been written yet is empty (its users are all in `added` then); one that cannot be
 * read is undefined.
 */
const readList = async (
  store: ServerStore,
  manifest: unknown,
  log: Log,
): Promise<{ list?: ExpiredUser[]; committed: StoredListManifest | null }> => {
  if (manifest === null) {
    const stored = store.ownsLegacyList ? await legacyExpiredUsersItem.getValue() : null;
    return { list: stored === null ? [] : readStoredUsers(stored, 'expired list', log), committed: null };
  }
  const parsed = storedListManifestSchema.safeParse(manifest);
  if (!parsed.success) {
    log(`stored list manifest is invalid (${parsed.error.issues[0]?.message}); starting afresh`);
    return { committed: null };
  }
  return { list: await readListParts(store, parsed.data, log), committed: parsed.data };
};

/**
 * What a previous worker left of one server: the known state (with its recent additions) and where its list
 * is stored (the first server's also as a version before the parts stored it).
 */
export const loadServerSnapshot = async (store: ServerStore, log: Log) => {
  const [summary, manifest, added] = await Promise.all([
    store.summary.getValue(),
    store.manifest.getValue(),
    store.added.getValue(),
  ]);
  const { list, committed } = await readList(store, manifest, log);
  return { ...parseStoredState(summary, list, added, log), committed };
};

export type ServerSnapshot = Awaited<ReturnType<typeof loadServerSnapshot>>;

/** The alert still waiting to go out, if a previous worker left one. */
export const loadOutbox = async (log: Log) => readOutbox(await pendingAlertItem.getValue(), log);

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

/** One server's part of a state write: its state and the users beside its list, each when it changed. */
export interface ServerItems {
  store: ServerStore;
  state: MonitorState | undefined;
  added: readonly ExpiredUser[] | undefined;
}

/**
 * The frequent write, and the write ahead of every alert: every server's state, the alert and the users
 * announced since each list was last rewritten, in one storage call, so a stopped worker never leaves a user
 * "known" without the alert that announces them (or the reverse). A server's users go only when they changed
 * since they were last stored (`added` undefined otherwise): after a first contact they are the whole
 * snapshot until the list takes them.
 */
export const saveSnapshot = (
  servers: readonly ServerItems[],
  pending: AlertBurst | null,
  history?: readonly JournalEntry[],
) => storage.setItems([...servers.flatMap(serverItems), ...sharedItems(pending, history)]);

const serverItems = ({ store, state, added }: ServerItems) => [
  ...(state === undefined ? [] : [{ item: store.summary, value: summaryOf(state) }]),
  ...(added === undefined ? [] : [{ item: store.added, value: JSON.stringify(added) }]),
];

/** What every state write stores beside the servers' state: the alert, and the history when it changed. */
const sharedItems = (pending: AlertBurst | null, history: readonly JournalEntry[] | undefined) => [
  { item: pendingAlertItem, value: pending },
  ...(history === undefined ? [] : [{ item: alertJournalItem, value: history }]),
];

/**
 * The rare write, first half: the whole list (10 MB at 100,000 users) into the spare slot, one part per
 * storage call, so frames and alerts are handled between parts. Stops before the next part once `goOn`
 * says so, returning null; otherwise the number of parts written.
 */
export const writeListParts = async (
  store: ServerStore,
  users: readonly ExpiredUser[],
  slot: ListSlot,
  goOn: () => boolean,
): Promise<number | null> => {
  const parts = listParts(users);
  for (const [index, part] of parts.entries()) {
    if (!goOn()) return null;
    await storage.setItem(store.partKey(slot, index), JSON.stringify(part));
  }
  return parts.length;
};

/**
 * The rare write, second half: the manifest that makes the new slot the list, in one write with the state,
 * the pending alert and the users announced since the list's snapshot (the list makes its users "known").
 */
export const commitExpiredList = (
  server: ServerItems,
  pending: AlertBurst | null,
  manifest: StoredListManifest,
  history?: readonly JournalEntry[],
) =>
  storage.setItems([
    ...serverItems(server),
    ...sharedItems(pending, history),
    { item: server.store.manifest, value: manifest },
  ]);

/**
 * Frees the list a commit replaced, and (the first server's commit) the list as an older version stored it.
 * Parts of a rewrite stopped halfway stay until the next rewrite into that slot overwrites them: at most one
 * list's worth.
 */
export const dropReplacedList = (store: ServerStore, replaced: StoredListManifest | null) =>
  storage.removeItems([
    ...(store.ownsLegacyList ? [legacyExpiredUsersItem] : []),
    ...(replaced ? partKeys(store, replaced.slot, replaced.parts) : []),
  ]);

/** Parts a removed server's slots are cleared of: 640,000 users, beyond any list this is built for. */
const PARTS_TO_SWEEP = 64;

/** Everything stored of a server that was removed: its state, its list in both slots, its recent users. */
export const forgetServer = (store: ServerStore) =>
  storage.removeItems([
    store.summary,
    store.manifest,
    store.added,
    ...partKeys(store, 'a', PARTS_TO_SWEEP),
    ...partKeys(store, 'b', PARTS_TO_SWEEP),
  ]);
