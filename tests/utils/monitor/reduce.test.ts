import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromStoredMonitorState,
  HISTORY_LIMIT,
  initialMonitorState,
  type MonitorEffect,
  type MonitorState,
  recordRoundTrip,
  reduce,
  storedMonitorStateSchema,
  summaryOf,
} from '../../../utils/monitor';
import { type ExpiredUser, parseServerMessage, type ServerMessage } from '../../../utils/protocol';
import { fcParameters, frames, propertyTimeout } from '../../fixtures/arbitraries';
import {
  checkCompleted,
  checkProgress,
  checkStarted,
  currentStatus,
  tokenExpired,
  user,
} from '../../fixtures/messages';

/** Feeds messages in order and collects every effect, as the background worker does. */
const run = (messages: ServerMessage[], from: MonitorState = initialMonitorState) =>
  messages.reduce<{ state: MonitorState; effects: MonitorEffect[] }>(
    (acc, message) => {
      const next = reduce(acc.state, message);
      return { state: next.state, effects: [...acc.effects, ...next.effects] };
    },
    { state: from, effects: [] },
  );

const announcedIds = (effects: MonitorEffect[]) =>
  effects.flatMap((effect) => (effect.type === 'announce' ? effect.users.map((u) => u.user_id) : []));

const afterFirstSnapshot = (users = [user(1)]) => run([currentStatus(users)]).state;

describe('announcing expiries', () => {
  it('sums up what is already expired on the very first snapshot', () => {
    const { effects } = run([currentStatus([user(1), user(2), user(3)])]);
    expect(effects).toEqual([{ type: 'announce', users: [user(1), user(2), user(3)], summary: true }]);
  });

  it('announces nothing when the first snapshot has no expired users', () => {
    expect(run([currentStatus([])]).effects).toEqual([]);
  });

  it('announces each new expiry of a token_expired message once', () => {
    const { state, effects } = run([tokenExpired([user(2), user(3)])], afterFirstSnapshot());
    expect(effects).toEqual([{ type: 'announce', users: [user(2), user(3)], summary: false }]);
    expect(state.totals.totalExpired).toBe(3);
  });

  it('never announces the same (user_id, expired_time) twice', () => {
    const repeated = tokenExpired([user(2)]);
    const { effects } = run([repeated, repeated, currentStatus([user(1), user(2)]), repeated], afterFirstSnapshot());
    expect(announcedIds(effects)).toEqual(['2']);
  });

  it('announces users that expired while the client was away, from the next snapshot', () => {
    const { effects } = run([currentStatus([user(1), user(5), user(6)])], afterFirstSnapshot());
    expect(effects).toEqual([{ type: 'announce', users: [user(5), user(6)], summary: false }]);
  });

  it('forgets a renewed user so that a later expiry is announced again', () => {
    const { effects, state } = run(
      [currentStatus([]), tokenExpired([user(1, '2025-09-04T10:00:00.000000')])],
      afterFirstSnapshot(),
    );
    expect(announcedIds(effects)).toEqual(['1']);
    expect(state.expired.get('1')?.expired_time).toBe('2025-09-04T10:00:00.000000');
  });

  it('announces again when the same user expires at a new time', () => {
    const { effects } = run([tokenExpired([user(1, '2025-09-05T00:00:00.000000')])], afterFirstSnapshot());
    expect(announcedIds(effects)).toEqual(['1']);
  });

  it('stays silent when a renewed user comes back with the expiry already announced', () => {
    const { effects, state } = run([currentStatus([]), currentStatus([user(1)])], afterFirstSnapshot());
    expect(announcedIds(effects)).toEqual([]);
    expect([...state.expired.keys()]).toEqual(['1']);
  });

  it('ignores a stale frame naming an older expiry of a user, and keeps the newer one', () => {
    const newer = user(1, '2025-09-05T00:00:00.000000');
    const { effects, state } = run([tokenExpired([newer]), tokenExpired([user(1)])], afterFirstSnapshot());
    expect(announcedIds(effects)).toEqual(['1']);
    expect(state.expired.get('1')).toEqual(newer);
  });

  it('remembers renewed users across a restart', () => {
    const renewed = run([currentStatus([])], afterFirstSnapshot()).state;
    const stored = storedMonitorStateSchema.parse(JSON.parse(JSON.stringify({ ...summaryOf(renewed), expired: [] })));
    expect(announcedIds(run([tokenExpired([user(1)])], fromStoredMonitorState(stored)).effects)).toEqual([]);
  });

  it('keeps users missing from a partial snapshot (fewer listed than total_expired)', () => {
    const start = afterFirstSnapshot([user(1), user(2)]);
    const { state, effects } = run([currentStatus([user(2)], { total_expired: 2 })], start);
    expect([...state.expired.keys()].sort()).toEqual(['1', '2']);
    expect(effects).toEqual([]);
  });

  it('keeps the very same list when the periodic snapshot repeats it', () => {
    const before = afterFirstSnapshot([user(1), user(2)]);
    const { state, effects } = run([currentStatus([user(2), user(1)])], before);
    expect(state.expired).toBe(before.expired);
    expect(effects).toEqual([]);
  });

  it('reads the announce memory back from storage, so a restarted worker stays silent about known users', () => {
    const before = afterFirstSnapshot([user(1), user(2)]);
    const stored = storedMonitorStateSchema.parse(
      JSON.parse(JSON.stringify({ ...summaryOf(before), expired: [...before.expired.values()] })),
    );
    const { effects } = run([currentStatus([user(1), user(2), user(3)])], fromStoredMonitorState(stored));
    expect(announcedIds(effects)).toEqual(['3']);
  });
});

describe('the round lifecycle', () => {
  it('follows started → progress → completed', () => {
    const started = run([checkStarted(4)], afterFirstSnapshot()).state;
    expect(started.round).toMatchObject({ round: 4, phase: 'running', current: 0, total: 410, percentage: 0 });

    const progressing = run([checkProgress(4, 120, 410, { percentage: 29.3, expired_found: 3 })], started).state;
    expect(progressing.round).toMatchObject({ current: 120, total: 410, percentage: 29.3, expiredFound: 3 });

    const done = run([checkCompleted(4, { new_expired_this_round: 2, total_expired: 3 })], progressing);
    expect(done.state.round).toMatchObject({ phase: 'completed', percentage: 100, duration: 12.5 });
    expect(done.state.history.at(-1)).toEqual({
      round: 4,
      duration: 12.5,
      totalUsers: 410,
      newExpired: 2,
      completedAt: '2025-09-03T09:27:57.108204',
    });
    expect(done.state.totals).toMatchObject({ totalExpired: 3, lastCheck: '2025-09-03T09:27:57.108204' });
  });

  it('computes the percentage to one decimal when the server leaves it out', () => {
    expect(run([checkProgress(1, 1, 3)]).state.round?.percentage).toBe(33.3);
  });

  it('joins a round already running from progress alone', () => {
    expect(run([checkProgress(9, 50, 100)]).state.round).toMatchObject({ round: 9, phase: 'running', current: 50 });
  });

  it('joins a running round announced by the snapshot', () => {
    const { state } = run([currentStatus([], { check_round: 3, is_running: true })]);
    expect(state.round).toMatchObject({ round: 3, phase: 'running' });
  });

  it('ignores progress of an older round that arrives late', () => {
    const state = run([checkStarted(5), checkProgress(5, 10)]).state;
    expect(run([checkProgress(4, 400)], state).state.round).toMatchObject({ round: 5, current: 10 });
  });

  it('ignores progress that arrives after its round completed', () => {
    const state = run([checkStarted(5), checkCompleted(5)]).state;
    expect(run([checkProgress(5, 3)], state).state.round).toMatchObject({ phase: 'completed', current: 410 });
  });

  it('keeps the last 50 rounds of history, one entry per round', () => {
    const rounds = Array.from({ length: HISTORY_LIMIT + 5 }, (_, index) => checkCompleted(index + 1));
    const { state } = run([...rounds, checkCompleted(HISTORY_LIMIT + 5, { duration: 1 })]);
    expect(state.history).toHaveLength(HISTORY_LIMIT);
    expect(state.history[0]?.round).toBe(6);
    expect(state.history.at(-1)).toMatchObject({ round: HISTORY_LIMIT + 5, duration: 1 });
  });

  it('asks for a reminder when a round ends with expired tokens remaining', () => {
    expect(run([checkCompleted(2, { total_expired: 4 })]).effects).toEqual([{ type: 'remind', totalExpired: 4 }]);
    expect(run([checkCompleted(2, { total_expired: 0 })]).effects).toEqual([]);
  });
});

describe('latency', () => {
  it('keeps the server figure from pong and the locally measured round trip', () => {
    const state = recordRoundTrip(run([{ type: 'pong', latency_ms: 12.5 }]).state, 8);
    expect(state.latency).toEqual({ serverMs: 12.5, roundTripMs: 8 });
  });

  it('leaves the state untouched by a welcome', () => {
    expect(run([{ type: 'welcome' }]).state).toBe(initialMonitorState);
  });
});

interface Step {
  message: ServerMessage;
  effects: MonitorEffect[];
  state: MonitorState;
}

/** What the background worker does with each frame: parse, drop what does not parse, reduce the rest. */
const replay = (texts: string[]): Step[] => {
  const steps: Step[] = [];
  let state = initialMonitorState;
  for (const text of texts) {
    const parsed = parseServerMessage(text);
    if (!parsed.ok) continue;
    const reduction = reduce(state, parsed.message);
    state = reduction.state;
    steps.push({ message: parsed.message, ...reduction });
  }
  return steps;
};

const announced = (effects: MonitorEffect[]) =>
  effects.flatMap((effect) => (effect.type === 'announce' ? effect.users : []));

const pair = ({ user_id, expired_time }: ExpiredUser) => `${user_id} @ ${expired_time}`;

/**
 * Walks the announcements in order with, for each, the latest expired_time announced before it for that user.
 * `step` is called before the step's announcements count, `user` for each announced user.
 */
const walkAnnouncements = (
  steps: Step[],
  visit: {
    step?: (step: Step, latest: ReadonlyMap<string, string>) => void;
    user?: (user: ExpiredUser, latest: string | undefined) => void;
  },
) => {
  const latest = new Map<string, string>();
  for (const step of steps) {
    visit.step?.(step, latest);
    for (const user of announced(step.effects)) {
      visit.user?.(user, latest.get(user.user_id));
      const previous = latest.get(user.user_id);
      if (previous === undefined || user.expired_time > previous) latest.set(user.user_id, user.expired_time);
    }
  }
};

const forAnyFrames = (predicate: (steps: Step[]) => void) =>
  fc.assert(
    fc.property(frames, (texts) => {
      predicate(replay(texts));
    }),
    fcParameters,
  );

describe('the reducer, for any sequence of frames', () => {
  it(
    'keeps one entry per user in the expired list, keyed by its user_id',
    () =>
      forAnyFrames((steps) => {
        for (const { state } of steps) {
          const mismatched = [...state.expired].filter(([key, user]) => key !== user.user_id);
          expect(mismatched).toEqual([]);
          const ids = [...state.expired.values()].map((user) => user.user_id);
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
    propertyTimeout,
  );

  it(
    'keeps the expired total non-negative and the round percentage within 0–100',
    () =>
      forAnyFrames((steps) => {
        for (const { state } of steps) {
          expect(state.totals.totalExpired).toBeGreaterThanOrEqual(0);
          if (state.round) expect(state.round.percentage).toBeGreaterThanOrEqual(0);
          if (state.round) expect(state.round.percentage).toBeLessThanOrEqual(100);
        }
      }),
    propertyTimeout,
  );

  it(
    'leaves a state that can be stored and read back',
    () =>
      forAnyFrames((steps) => {
        const state = steps.at(-1)?.state ?? initialMonitorState;
        const stored = { ...summaryOf(state), expired: [...state.expired.values()] };
        expect(storedMonitorStateSchema.safeParse(JSON.parse(JSON.stringify(stored))).success).toBe(true);
      }),
    propertyTimeout,
  );

  it(
    'announces each (user_id, expired_time) at most once',
    () =>
      forAnyFrames((steps) => {
        const pairs = steps.flatMap((step) => announced(step.effects).map(pair));
        expect(pairs.filter((key, index) => pairs.indexOf(key) !== index)).toEqual([]);
      }),
    propertyTimeout,
  );

  it(
    'announces again a user who expires later than last announced (renewed, then expired again)',
    () =>
      forAnyFrames((steps) => {
        const missed: string[] = [];
        walkAnnouncements(steps, {
          step: ({ message, effects }, latest) => {
            if (message.type !== 'current_status' && message.type !== 'token_expired') return;
            for (const user of message.expired_users) {
              const before = latest.get(user.user_id);
              if (before === undefined || user.expired_time <= before) continue;
              const again = announced(effects).some((a) => a.user_id === user.user_id && a.expired_time > before);
              if (!again) missed.push(`${pair(user)} (last announced @ ${before}) in ${message.type}`);
            }
          },
        });
        expect(missed).toEqual([]);
      }),
    propertyTimeout,
  );

  it(
    'never announces an expiry not later than one already announced for that user (stale or reordered frames)',
    () =>
      forAnyFrames((steps) => {
        const stale: string[] = [];
        walkAnnouncements(steps, {
          user: (user, latest) => {
            if (latest !== undefined && user.expired_time <= latest) stale.push(`${pair(user)} after @ ${latest}`);
          },
        });
        expect(stale).toEqual([]);
      }),
    propertyTimeout,
  );
});
