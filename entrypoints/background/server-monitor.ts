import type { ServerStore } from '../../platform/storage-items';
import type { AlertBurst } from '../../utils/alerts';
import { type ConnectionEnvironment, createConnection } from '../../utils/connection';
import {
  type ExpiredSort,
  type ExpiredSource,
  isFiltered,
  type NewestUsers,
  newestUsersOf,
  type ParsedQuery,
  sortExpired,
  withAddedUsers,
} from '../../utils/expired';
import {
  initialMonitorState,
  knowingAlerted,
  type MonitorEffect,
  type MonitorState,
  recordRoundTrip,
  reduce,
} from '../../utils/monitor';
import { describeParseFailure, type ExpiredUser, parseServerMessage } from '../../utils/protocol';
import { throttle } from '../../utils/throttle';
import type { Journal } from './journal';
import { createListRewriter } from './list-rewriter';
import { forgetServer, type ServerItems, type ServerSnapshot } from './state-store';

/**
 * The whole list, 10 MB at 100,000 users, ties up the extension's storage for about a second (in parts, so
 * the worker is never blocked that long) and is copied to every open page's change listener: rewritten at
 * most every 30 s, additions in between go with the small write.
 */
const LIST_INTERVAL_MS = 30_000;
const MAX_ADDED_BESIDE_LIST = 1000;
/** Rows down to this depth are picked by one scan of the list rather than read from a sorted copy. */
const SCAN_PAGE_LIMIT = 1000;
/** How soon after a snapshot changed the list its newest users are read again (one pass over the list). */
const NEWEST_WARM_UP_MS = 1000;

/** The users a reduction announces: for a `token_expired`, exactly the users it adds to the list. */
const announced = (effects: readonly MonitorEffect[]) =>
  effects.flatMap((effect) => (effect.type === 'announce' ? effect.users : []));

type AnnounceEffect = Extract<MonitorEffect, { type: 'announce' }>;

export interface ServerMonitorDeps {
  id: string;
  store: ServerStore;
  env: ConnectionEnvironment;
  /** Something pages or the badge show changed: the connection, the counts, the round. */
  changed(): void;
  /** News from this server, already among the users the next small write stores beside the list. */
  announce(effect: AnnounceEffect): void;
  /** A round of this server ended while expired tokens remain. */
  remind(): void;
  outbox(): AlertBurst | null;
  carriedBy: Journal['carriedBy'];
  /** Asks for the small write, soon (it is throttled). */
  persist(): void;
  log(line: string): void;
}

/**
 * One watched server: its socket, what it told (reduced into the monitor state) and its stored list. Alerts,
 * the history and the small write are shared by every server and live with the service.
 */
export const createServerMonitor = (deps: ServerMonitorDeps) => {
  const { env, log } = deps;
  let state: MonitorState = initialMonitorState;
  // Starts from the clock so a restarted worker never repeats a version an open page has seen.
  let version = env.now();
  let sorted: { version: number; sort: ExpiredSort; users: ExpiredUser[] } | null = null;
  /**
   * The newest users, kept up to date by each `token_expired` at the cost of its own users; null once a
   * snapshot changed the list, until the next page asked for (or the warm-up below) reads it again.
   */
  let newest: NewestUsers | null = null;
  /** The state the last small write took (null: none yet, or it was refused). */
  let handedState: MonitorState | null = null;

  const connection = createConnection(env, {
    onFrame: (text) => receive(text),
    onStatus: () => deps.changed(),
    log: (line) => log(`[connection] ${line}`),
  });

  const list = createListRewriter({
    store: deps.store,
    state: () => state,
    outbox: deps.outbox,
    carriedBy: deps.carriedBy,
    log,
  });
  /** Set once the server is removed: a rewrite still due must not store its list again. */
  let removed = false;
  const rewriteList = throttle(() => removed || list.request(), LIST_INTERVAL_MS, env);

  const newestUsers = () => {
    newest ??= newestUsersOf(state.expired.values(), state.expired.size);
    return newest;
  };
  /** A snapshot that changed the list is read again for its newest users soon, not when the popup opens. */
  const warmNewest = throttle(() => void newestUsers(), NEWEST_WARM_UP_MS, env);

  /** `added`: the list changed only by these users joining it (a `token_expired`); otherwise in any way. */
  const commit = (next: MonitorState, effects: readonly MonitorEffect[] = [], added?: readonly ExpiredUser[]) => {
    if (next === state && effects.length === 0) return;
    const listChanged = next.expired !== state.expired;
    if (listChanged) {
      version += 1;
      const before = state.expired;
      newest = newest && added ? withAddedUsers(newest, added, (userId) => before.has(userId)) : null;
    }
    state = next;
    if (listChanged && !newest) warmNewest.request();
    // The view for open pages and the badge first: neither is kept across a restart, and a first contact's
    // write ahead (the whole snapshot beside the list) would otherwise hold the new counts back.
    deps.changed();
    // Then the alerts: the write ahead of each stores this state with the alert it caused, before any other
    // durable write can store the new users as known without it.
    for (const effect of effects) carryOut(effect);
    if (listChanged) rewriteList.request();
    // Thousands of additions (a first contact, a long absence) are cheaper in the list than beside it.
    if (list.addedCount() > MAX_ADDED_BESIDE_LIST) rewriteList.flush();
    deps.persist();
  };

  const carryOut = (effect: MonitorEffect) => {
    if (effect.type === 'remind') return deps.remind();
    for (const user of effect.users) list.add(user);
    deps.announce(effect);
  };

  const receive = (text: string) => {
    const result = parseServerMessage(text);
    if (!result.ok) return log(`[protocol] ${describeParseFailure(result)}`);
    const { message, warnings } = result;
    for (const warning of warnings) log(`[protocol] ${message.type}: ${warning}`);
    const reduction = reduce(state, message);
    const pingAt = connection.lastPingAt();
    const next =
      message.type === 'pong' && pingAt !== null
        ? recordRoundTrip(reduction.state, env.now() - pingAt)
        : reduction.state;
    const added = message.type === 'token_expired' ? announced(reduction.effects) : undefined;
    commit(next, reduction.effects, added);
  };

  const sortedUsers = (sort: ExpiredSort) => {
    if (sorted?.version !== version || sorted.sort !== sort) {
      sorted = { version, sort, users: sortExpired(state.expired.values(), sort) };
    }
    return sorted.users;
  };

  return {
    id: deps.id,
    /** What a previous worker left of this server, and the users the pending alert names as announced. */
    restore(snapshot: ServerSnapshot, pending: AlertBurst | null) {
      const known = knowingAlerted(snapshot.state, deps.id, pending?.users ?? []);
      state = known.state;
      // Still only beside the list: kept there by the small writes until this worker rewrites the list.
      list.restore(snapshot.committed, [...snapshot.recent, ...known.added]);
    },
    /** Watches this address, or nothing (null): a changed address is applied at once. */
    watch(url: string | null) {
      if (url === null) connection.stop();
      else connection.start(url);
    },
    state: () => state,
    status: () => connection.status(),
    /** Changes whenever the expired list changes. */
    version: () => version,
    /**
     * This server's part of the small write: its state only when it changed since the last write took it
     * (ten quiet servers cost nothing), the users beside the list only when they changed.
     */
    items(): ServerItems {
      const changed = state !== handedState;
      handedState = state;
      return { store: deps.store, state: changed ? state : undefined, added: list.addedToStore() };
    },
    /** A small write that carried this server's part was refused: the next one carries it again. */
    notStored() {
      handedState = null;
      list.addedNotStored();
    },
    /**
     * A page near the top (what the popup and a fresh dashboard ask for) is picked from the list in one
     * scan; only a page further down pays for a whole sort, which is then kept until the list changes.
     */
    sourceFor(query: ParsedQuery): ExpiredSource {
      const { sort, offset, limit } = query;
      if (!isFiltered(query) && sort === 'newest') {
        const { users, complete } = newestUsers();
        if (complete || offset + limit <= users.length) return { first: users, size: state.expired.size };
      }
      if (sorted?.version === version && sorted.sort === sort) return { sorted: sorted.users };
      if (offset + limit <= SCAN_PAGE_LIMIT) return { unsorted: state.expired.values(), size: state.expired.size };
      return { sorted: sortedUsers(sort) };
    },
    sortedUsers,
    ensure: () => connection.ensure(),
    reconnectNow() {
      if (connection.status().phase !== 'off') connection.reconnectNow();
    },
    /** Back online: a waiting connection need not wait out its backoff. */
    onOnline() {
      if (connection.status().phase === 'waiting') connection.reconnectNow();
    },
    /** Forgets what this server told; a fresh snapshot refills it as a first contact (one summary). */
    clear() {
      list.forget();
      commit(initialMonitorState);
      rewriteList.flush();
      if (connection.status().phase !== 'off') connection.reconnectNow();
    },
    /** The server was removed: no socket, no more writes, and its stored data goes. */
    async remove() {
      removed = true;
      connection.stop();
      list.forget();
      await forgetServer(deps.store);
    },
  };
};

export type ServerMonitor = ReturnType<typeof createServerMonitor>;
