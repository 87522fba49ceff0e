import {
  fromStoredMonitorState,
  initialMonitorState,
  listParts,
  type MonitorState,
  readStoredExpired,
  summaryOf,
} from '../utils/monitor';
import type { ExpiredUser } from '../utils/protocol';

/** The worker stores the expired list as JSON strings of 10,000 users each (state-store.ts writeListParts). */
export const persistList = (state: MonitorState) =>
  listParts([...state.expired.values()]).map((part) => JSON.stringify(part));

/** JSON.parse of every part: the baseline of the restore. */
export const parseParts = (parts: readonly string[]): unknown[] => parts.map((part) => JSON.parse(part));

/** A restarted worker has no additions beside the list in these runs; the copy that joins them is paid all the same. */
const NO_RECENT: ExpiredUser[] = [];

/**
 * What a restarted worker does with those strings before it can answer anything (state-store.ts
 * readListParts, parseStoredState): JSON.parse and readStoredExpired of each part, the parts joined, then the
 * state with the list joined to its recent additions. The small summary beside it is left out: it is the
 * same few hundred bytes at every size.
 */
export const restoreList = (parts: readonly string[]): MonitorState => {
  const users: ExpiredUser[] = [];
  for (const part of parts) {
    const parsed = readStoredExpired(JSON.parse(part));
    if (!parsed.success) throw new Error('stored list did not validate');
    for (const user of parsed.data) users.push(user);
  }
  return fromStoredMonitorState({ ...summaryOf(initialMonitorState), expired: users.concat(NO_RECENT) });
};
