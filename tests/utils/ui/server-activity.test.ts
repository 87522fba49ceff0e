import { describe, expect, it } from 'vitest';
import type { Round, RoundSummary } from '../../../utils/monitor/monitor-state';
import { serverActivity } from '../../../utils/ui/server-activity';

const round = (change: Partial<Round> = {}): Round => ({
  round: 7,
  phase: 'running',
  current: 120,
  total: 410,
  percentage: 29.3,
  expiredFound: 0,
  duration: null,
  ...change,
});

const summary = (change: Partial<RoundSummary> = {}): RoundSummary => ({
  round: 6,
  duration: 20,
  totalUsers: 410,
  newExpired: 0,
  completedAt: '2025-09-03T09:27:57.108204',
  ...change,
});

describe('serverActivity', () => {
  it('gives the running round and how far it is', () => {
    expect(serverActivity({ round: round(), history: [summary()] })).toEqual({
      kind: 'running',
      round: 7,
      percentage: 29.3,
    });
  });

  it('gives when the last round ended once none is running', () => {
    const activity = serverActivity({
      round: round({ phase: 'completed', round: 6 }),
      history: [summary({ round: 5 }), summary()],
    });
    expect(activity).toEqual({ kind: 'checked', round: 6, at: new Date(2025, 8, 3, 9, 27, 57, 108).getTime() });
  });

  it('names the ended round when the server gave no time it can read', () => {
    expect(
      serverActivity({ round: round({ phase: 'completed' }), history: [summary({ completedAt: 'soon' })] }),
    ).toEqual({ kind: 'completed', round: 7 });
  });

  it('says nothing has been checked before the first round', () => {
    expect(serverActivity({ round: null, history: [] })).toEqual({ kind: 'none' });
  });
});
