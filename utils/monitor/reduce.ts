import { PersistentMap } from '../persistent-map';
import type { ExpiredUser, ServerMessage, ServerMessageOf } from '../protocol';
import type { MonitorEffect } from './effects';
import { HISTORY_LIMIT, type MonitorState, RENEWED_LIMIT, type Round, type RoundSummary } from './monitor-state';

export interface Reduction {
  state: MonitorState;
  effects: MonitorEffect[];
}

const unchanged = (state: MonitorState): Reduction => ({ state, effects: [] });

const later = (a: string | undefined, b: string | undefined) => (a === undefined || (b !== undefined && b > a) ? b : a);

/**
 * The renewed memory after a snapshot: who left the list joins it; who is back leaves it, unless they came
 * back with an older expiry than the one remembered (a stale snapshot must not lower the memory).
 */
const renewedAfter = (state: MonitorState, expired: PersistentMap<ExpiredUser>) => {
  if (expired === state.expired) return state.renewed;
  const renewed = new Map(state.renewed);
  if (renewed.size > 0) {
    expired.forEach((user, id) => {
      const remembered = renewed.get(id);
      if (remembered !== undefined && user.expired_time >= remembered) renewed.delete(id);
    });
  }
  state.expired.forEach((user, id) => {
    if (!expired.has(id)) renewed.set(id, later(renewed.get(id), user.expired_time) ?? user.expired_time);
  });
  // Insertion order is age: let the oldest go.
  for (const id of renewed.keys()) {
    if (renewed.size <= RENEWED_LIMIT) break;
    renewed.delete(id);
  }
  return renewed;
};

/** Users who expired again are no longer only remembered as renewed. */
const withoutReturning = (renewed: ReadonlyMap<string, string>, users: readonly ExpiredUser[]) => {
  if (!users.some((user) => renewed.has(user.user_id))) return renewed;
  const rest = new Map(renewed);
  for (const user of users) rest.delete(user.user_id);
  return rest;
};

const announce = (users: ExpiredUser[], summary = false): MonitorEffect[] =>
  users.length > 0 ? [{ type: 'announce', users, summary }] : [];

const roundedPercentage = (current: number, total: number) =>
  total > 0 ? Math.min(100, Math.round((current / total) * 1000) / 10) : 0;

const startRound = (round: number, total: number): Round => ({
  round,
  phase: 'running',
  current: 0,
  total,
  percentage: 0,
  expiredFound: 0,
  duration: null,
});

/** Progress for an older round than the one shown arrives only when messages cross; it must not roll back. */
const isStale = (state: MonitorState, round: number | undefined) =>
  round !== undefined && state.round !== null && round < state.round.round;

/**
 * One pass over the users of a message. News is an expiry later than the latest one told of this user,
 * counting the message's own earlier entries. Server timestamps share one format, so their string order is
 * their time order: a stale, repeated or reordered frame, or a user listed twice, is never news twice.
 * `sameAsKnown` says the message lists exactly the known users with their known expiries: the server repeats
 * its snapshot every 30 s, mostly unchanged, and keeping the same map then spares the worker re-sorting and
 * re-storing 100,000 users for nothing.
 */
const scanExpiries = (state: MonitorState, users: readonly ExpiredUser[]) => {
  const fresh: ExpiredUser[] = [];
  const toldNow = new Map<string, string>();
  let sameAsKnown = users.length === state.expired.size;
  for (const user of users) {
    const id = user.user_id;
    const known = state.expired.get(id)?.expired_time;
    if (known !== user.expired_time) sameAsKnown = false;
    const remembered = state.renewed.size > 0 ? state.renewed.get(id) : undefined;
    const latest = later(later(known, remembered), toldNow.get(id));
    if (latest !== undefined && user.expired_time <= latest) continue;
    toldNow.set(id, user.expired_time);
    fresh.push(user);
  }
  return { fresh, sameAsKnown };
};

/**
 * The list after a snapshot: a complete one replaces it, a partial one adds to it. A snapshot never takes a
 * user back to an older expiry than the one already known (or listed twice).
 */
const mergeSnapshot = (state: MonitorState, incoming: readonly ExpiredUser[], complete: boolean) => {
  const later = (next: ExpiredUser, current: ExpiredUser) =>
    current.expired_time > next.expired_time ? current : next;
  const users = incoming.map((user) => {
    const known = state.expired.get(user.user_id);
    return known ? later(user, known) : user;
  });
  // A complete snapshot is the whole list: built at its size at once, not grown from empty.
  if (complete) return PersistentMap.fromValues(users, (user) => user.user_id, later);
  return state.expired.withAll(
    users.map((user) => [user.user_id, user] as const),
    later,
  );
};

const onCurrentStatus = (state: MonitorState, message: ServerMessageOf<'current_status'>): Reduction => {
  const incoming = message.expired_users;
  const { fresh, sameAsKnown } = scanExpiries(state, incoming);
  // The document's own sample lists fewer users than total_expired. A list that short is a partial view:
  // users missing from it are kept, since forgetting them would announce them a second time later.
  const complete = incoming.length >= message.total_expired;
  const expired = sameAsKnown ? state.expired : mergeSnapshot(state, incoming, complete);

  const joinsRunningRound =
    message.is_running === true &&
    message.check_round !== undefined &&
    (state.round === null || state.round.round < message.check_round);

  return {
    state: {
      ...state,
      hasSnapshot: true,
      expired,
      renewed: renewedAfter(state, expired),
      totals: {
        totalUsers: message.total_users ?? state.totals.totalUsers,
        totalExpired: message.total_expired,
        lastCheck: message.last_check ?? state.totals.lastCheck,
      },
      round: joinsRunningRound ? startRound(message.check_round ?? 0, message.total_users ?? 0) : state.round,
    },
    effects: announce(fresh, !state.hasSnapshot),
  };
};

const onCheckStarted = (state: MonitorState, message: ServerMessageOf<'check_started'>): Reduction =>
  isStale(state, message.check_round)
    ? unchanged(state)
    : { state: { ...state, round: startRound(message.check_round, state.totals.totalUsers ?? 0) }, effects: [] };

const onCheckProgress = (state: MonitorState, message: ServerMessageOf<'check_progress'>): Reduction => {
  if (isStale(state, message.check_round)) return unchanged(state);
  const roundNumber = message.check_round ?? state.round?.round ?? 0;
  const base = state.round && state.round.round === roundNumber ? state.round : startRound(roundNumber, message.total);
  if (base.phase === 'completed') return unchanged(state);
  const round: Round = {
    ...base,
    current: message.current,
    total: message.total,
    percentage: message.percentage ?? roundedPercentage(message.current, message.total),
    expiredFound: message.expired_found ?? base.expiredFound,
  };
  return { state: { ...state, round }, effects: [] };
};

const onTokenExpired = (state: MonitorState, message: ServerMessageOf<'token_expired'>): Reduction => {
  const { fresh } = scanExpiries(state, message.expired_users);
  if (fresh.length === 0 && message.total_expired === undefined) return unchanged(state);
  const expired = fresh.length === 0 ? state.expired : state.expired.withAll(fresh.map((user) => [user.user_id, user]));
  return {
    state: {
      ...state,
      expired,
      renewed: withoutReturning(state.renewed, fresh),
      totals: {
        ...state.totals,
        totalExpired: message.total_expired ?? Math.max(state.totals.totalExpired, expired.size),
      },
    },
    effects: announce(fresh),
  };
};

const summarise = (message: ServerMessageOf<'check_completed'>, round: Round | null): RoundSummary => ({
  round: message.check_round,
  duration: message.duration ?? null,
  totalUsers: message.total_users ?? null,
  newExpired: message.new_expired_this_round ?? round?.expiredFound ?? 0,
  completedAt: message.timestamp ?? null,
});

const onCheckCompleted = (state: MonitorState, message: ServerMessageOf<'check_completed'>): Reduction => {
  if (isStale(state, message.check_round)) return unchanged(state);
  const previous = state.round?.round === message.check_round ? state.round : null;
  const checked = message.total_users;
  const round: Round = {
    ...(previous ?? startRound(message.check_round, checked ?? 0)),
    phase: 'completed',
    duration: message.duration ?? null,
    // A completed round that names its user count checked every one of them.
    ...(checked === undefined ? {} : { current: checked, total: checked, percentage: 100 }),
  };
  const history = [
    ...state.history.filter((entry) => entry.round !== message.check_round),
    summarise(message, previous),
  ].slice(-HISTORY_LIMIT);
  const totalExpired = message.total_expired ?? state.totals.totalExpired;
  return {
    state: {
      ...state,
      round,
      history,
      totals: {
        totalUsers: message.total_users ?? state.totals.totalUsers,
        totalExpired,
        lastCheck: message.timestamp ?? state.totals.lastCheck,
      },
    },
    effects: totalExpired > 0 ? [{ type: 'remind', totalExpired }] : [],
  };
};

const onPong = (state: MonitorState, message: ServerMessageOf<'pong'>): Reduction =>
  message.latency_ms === undefined
    ? unchanged(state)
    : { state: { ...state, latency: { ...state.latency, serverMs: message.latency_ms } }, effects: [] };

/** The whole protocol as one pure function: what the extension knows after a message, and what to do. */
export const reduce = (state: MonitorState, message: ServerMessage): Reduction => {
  switch (message.type) {
    case 'welcome':
      return unchanged(state);
    case 'current_status':
      return onCurrentStatus(state, message);
    case 'check_started':
      return onCheckStarted(state, message);
    case 'check_progress':
      return onCheckProgress(state, message);
    case 'token_expired':
      return onTokenExpired(state, message);
    case 'check_completed':
      return onCheckCompleted(state, message);
    case 'pong':
      return onPong(state, message);
  }
};

/** Ping to pong as measured here; kept beside the server's own figure. */
export const recordRoundTrip = (state: MonitorState, roundTripMs: number): MonitorState => ({
  ...state,
  latency: { ...state.latency, roundTripMs },
});
