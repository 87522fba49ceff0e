import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initialMonitorState,
  type MonitorEffect,
  type MonitorState,
  reduce,
  storedMonitorStateSchema,
  summaryOf,
} from '../utils/monitor';
import { type ExpiredUser, parseServerMessage, type ServerMessage } from '../utils/protocol';
import { fcParameters, frames, propertyTimeout } from './fixtures/arbitraries';

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
