import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../utils/alerts';
import type { ObservedCall } from './e2e/harness/alert-observer';
import { soakPassed, soakReport, usersSpokenOf } from './soak/soak-report';

const pair = (id: string, at = 1000) => ({ user_id: id, expired_time: '2025-09-03T10:00:00.000000', at });
const entry = (id: string, users: string[], change: Partial<JournalEntry> = {}): JournalEntry => ({
  id,
  at: 1000,
  kind: 'new',
  count: users.length,
  notified: true,
  silent: false,
  speech: 'end',
  users: users.map((user) => ({ user_id: user, expired_time: '2025-09-03T10:00:00.000000' })),
  ...change,
});
const shown = (id: string, at: number): ObservedCall => ({ kind: 'notify', id, at, title: 't' });
const spoken = (text: string): ObservedCall => ({ kind: 'speak', text, at: 0 });

describe('the soak report', () => {
  const clean = {
    truth: [pair('1', 1000), pair('2', 1010)],
    journal: [entry('a', ['1', '2'])],
    calls: [shown('a', 1040), spoken('发现 1 个 Token 过期用户'), spoken('又有 1 个 Token 过期用户')],
    badgeText: '2',
    totalExpired: 2,
  };

  it('passes when every expiry is named by exactly one alert, and measures how soon it was shown', () => {
    const report = soakReport(clean);
    expect(soakPassed(report)).toBe(true);
    expect(report.latencyMs).toEqual({ measured: 2, p50: 30, p99: 40, max: 40 });
    expect(report.speech).toEqual({ utterances: 2, spokenUsers: 2, announcedUsers: 2 });
  });

  it('counts an expiry no alert named as missed', () => {
    const report = soakReport({ ...clean, truth: [...clean.truth, pair('3')] });
    expect(report.missed).toEqual(['3@2025-09-03T10:00:00.000000']);
    expect(soakPassed(report)).toBe(false);
  });

  it('counts an expiry named by two alerts as repeated', () => {
    const report = soakReport({ ...clean, journal: [...clean.journal, entry('b', ['2'])] });
    expect(report.repeated).toEqual([{ pair: '2@2025-09-03T10:00:00.000000', ids: ['a', 'b'] }]);
    expect(soakPassed(report)).toBe(false);
  });

  it('counts an announced user the server never sent as a phantom', () => {
    const report = soakReport({ ...clean, journal: [entry('a', ['1', '2', 'polluted-root'])] });
    expect(report.phantom).toEqual(['polluted-root@2025-09-03T10:00:00.000000']);
    expect(soakPassed(report)).toBe(false);
  });

  it('fails on a badge that does not end at the server total, and on speech that says a user twice', () => {
    expect(soakPassed(soakReport({ ...clean, badgeText: '1' }))).toBe(false);
    expect(soakPassed(soakReport({ ...clean, calls: [...clean.calls, spoken('发现 1 个 Token 过期用户')] }))).toBe(
      false,
    );
  });

  it('reads the count out of Chinese alert sentences, and none out of a reminder', () => {
    expect(usersSpokenOf('发现 12 个 Token 过期用户，尾号 0001')).toBe(12);
    expect(usersSpokenOf('又有 1 个 Token 过期用户')).toBe(1);
    expect(usersSpokenOf('仍有 5 个 Token 过期')).toBe(0);
  });
});
