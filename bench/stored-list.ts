import {
  fromStoredMonitorState,
  initialMonitorState,
  type MonitorState,
  readStoredExpired,
  summaryOf,
} from '../utils/monitor';
import type { ExpiredUser } from '../utils/protocol';

/** The worker stores the expired list as one JSON string (entrypoints/background/state-store.ts saveExpiredList). */
export const persistList = (state: MonitorState) => JSON.stringify([...state.expired.values()]);

/** A restarted worker has no additions beside the list in these runs; the copy that joins them is paid all the same. */
const NO_RECENT: ExpiredUser[] = [];

/**
 * What a restarted worker does with that string before it can answer anything (state-store.ts
 * parseStoredState): JSON.parse, readStoredExpired, then the state with the list joined to its recent
 * additions. The small summary beside it is left out: it is the same few hundred bytes at every size.
 */
export const restoreList = (json: string): MonitorState => {
  const parsed = readStoredExpired(JSON.parse(json));
  if (!parsed.success) throw new Error('stored list did not validate');
  return fromStoredMonitorState({ ...summaryOf(initialMonitorState), expired: [...parsed.data, ...NO_RECENT] });
};
