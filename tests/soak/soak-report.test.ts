import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../utils/alerts';
import { soakPassed, soakReport } from './soak-report';

const TIME = '2025-09-03T10:00:00.000000';
const pair = (id: string, at = 1000, heard = true) => ({ user_id: id, expired_time: TIME, at, heard });
const entry = (id: string, users: string[], change: Partial<JournalEntry> = {}): JournalEntry => ({
  id,
  at: 1000,
  kind: 'new',
  count: users.length,
  notified: true,
  silent: false,
  speech: 'end',
  users: users.map((user) => ({ server: 'default', user_id: user, expired_time: TIME, phone: '' })),
  spoken: users.length,
  ...change,
});

describe('the soak report', () => {
  const clean = {
    truth: [pair('1', 1000), pair('2', 1010), pair('3', 5000)],
    journal: [entry('b', ['3']), entry('a', ['1', '2'])],
    screen: new Map([
      ['a', 1040],
      ['b', 5100],
    ]),
    badgeText: '3',
    totalExpired: 3,
  };

  it('passes when every expiry is named by exactly one alert that was on screen, and times each first expiry', () => {
    const report = soakReport(clean);
    expect(soakPassed(report)).toBe(true);
    expect(report.latencyMs).toEqual({ measured: 2, p50: 40, p99: 100, max: 100 });
    expect(report.speech).toEqual({ spokenUsers: 3, announcedUsers: 3, saidTwice: [] });
  });

  it('counts an expiry no alert named as missed', () => {
    const report = soakReport({ ...clean, truth: [...clean.truth, pair('4')] });
    expect(report.missed).toEqual([`4@${TIME}`]);
    expect(soakPassed(report)).toBe(false);
  });

  it('sets apart an unannounced expiry that no live client could have read, and passes', () => {
    const report = soakReport({ ...clean, truth: [...clean.truth, pair('4', 6000, false)] });
    expect(report.missed).toEqual([]);
    expect(report.lostInFlight).toEqual([`4@${TIME}`]);
    expect(soakPassed(report)).toBe(true);
  });

  it('counts an expiry named by two alerts as repeated', () => {
    const report = soakReport({ ...clean, journal: [entry('c', ['2']), ...clean.journal] });
    expect(report.repeated).toEqual([{ pair: `2@${TIME}`, ids: ['c', 'a'] }]);
    expect(soakPassed(report)).toBe(false);
  });

  it('counts an announced user the server never sent as invented', () => {
    const report = soakReport({ ...clean, journal: [entry('b', ['3', 'polluted-root']), entry('a', ['1', '2'])] });
    expect(report.phantom).toEqual([`polluted-root@${TIME}`]);
    expect(soakPassed(report)).toBe(false);
  });

  it('fails on an alert never on screen, and on a notification no alert accounts for', () => {
    expect(soakReport({ ...clean, screen: new Map([['a', 1040]]) }).unshown).toEqual(['b']);
    const extra = soakReport({ ...clean, screen: new Map([...clean.screen, ['z', 9000]]) });
    expect(extra.unrecorded).toEqual(['z']);
    expect(soakPassed(extra)).toBe(false);
  });

  it('fails on a user spoken twice and on a badge that does not end at the server total', () => {
    const twice = soakReport({ ...clean, journal: [entry('b', ['3'], { spoken: 2 }), entry('a', ['1', '2'])] });
    expect(twice.speech.saidTwice).toEqual(['b']);
    expect(soakPassed(twice)).toBe(false);
    expect(soakPassed(soakReport({ ...clean, badgeText: '2' }))).toBe(false);
  });
});
