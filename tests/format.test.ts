import { describe, expect, it } from 'vitest';
import {
  datedFileName,
  formatClock,
  formatMilliseconds,
  formatNumber,
  formatPercent,
  formatRelativeTime,
  formatSeconds,
  formatShortDateTime,
  parseServerTime,
} from '../utils/format';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseServerTime', () => {
  it('reads the server timestamp as local time, microseconds cut to milliseconds', () => {
    expect(parseServerTime('2025-09-03T09:27:57.108204')).toBe(new Date(2025, 8, 3, 9, 27, 57, 108).getTime());
  });

  it('accepts the space form, missing seconds and an explicit zone', () => {
    expect(parseServerTime('2025-09-03 09:27:57')).toBe(new Date(2025, 8, 3, 9, 27, 57).getTime());
    expect(parseServerTime('2025-09-03T09:27')).toBe(new Date(2025, 8, 3, 9, 27).getTime());
    expect(parseServerTime('2025-09-03T09:27:57Z')).toBe(Date.UTC(2025, 8, 3, 9, 27, 57));
    expect(parseServerTime('2025-09-03T09:27:57+08:00')).toBe(Date.UTC(2025, 8, 3, 1, 27, 57));
  });

  it('refuses what is not a real time', () => {
    for (const text of ['', 'yesterday', '2025-02-31T10:00:00', '2025-13-01T10:00:00', '<script>', null, undefined]) {
      expect(parseServerTime(text), String(text)).toBeNull();
    }
  });
});

describe('formatRelativeTime', () => {
  const now = new Date(2025, 8, 3, 12, 0, 0).getTime();

  it('says how long ago in Chinese', () => {
    expect(formatRelativeTime(now - 2 * MINUTE, now, 'zh_CN', '刚刚')).toBe('2分钟前');
    expect(formatRelativeTime(now - 30 * SECOND, now, 'zh_CN', '刚刚')).toBe('30秒钟前');
    expect(formatRelativeTime(now - 3 * HOUR, now, 'zh_CN', '刚刚')).toBe('3小时前');
    expect(formatRelativeTime(now - DAY - HOUR, now, 'zh_CN', '刚刚')).toBe('昨天');
  });

  it('says how long ago in English', () => {
    expect(formatRelativeTime(now - 2 * MINUTE - 5 * SECOND, now, 'en', 'just now')).toBe('2 minutes ago');
    expect(formatRelativeTime(now - 59 * SECOND, now, 'en', 'just now')).toBe('59 seconds ago');
    expect(formatRelativeTime(now - 5 * DAY, now, 'en', 'just now')).toBe('5 days ago');
  });

  it('uses the caller’s words for the first seconds and for a time slightly ahead of the clock', () => {
    expect(formatRelativeTime(now - 3 * SECOND, now, 'zh_CN', '刚刚')).toBe('刚刚');
    expect(formatRelativeTime(now + 40 * SECOND, now, 'en', 'just now')).toBe('just now');
  });
});

describe('number formats', () => {
  it('groups thousands', () => {
    expect(formatNumber(100000, 'zh_CN')).toBe('100,000');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(0, 'en')).toBe('0');
  });

  it('formats percentages given as 0–100 with one decimal', () => {
    expect(formatPercent(29.3, 'en')).toBe('29.3%');
    expect(formatPercent(100, 'zh_CN')).toBe('100%');
    expect(formatPercent(33.333, 'en')).toBe('33.3%');
  });

  it('formats durations and latencies with their unit', () => {
    expect(formatSeconds(59.46917390823364, 'zh_CN')).toBe('59.5秒');
    expect(formatSeconds(59.46917390823364, 'en')).toBe('59.5 sec');
    expect(formatMilliseconds(12.5, 'en')).toBe('13 ms');
    expect(formatMilliseconds(12.4, 'zh_CN')).toBe('12毫秒');
  });
});

describe('time formats', () => {
  const now = new Date(2025, 8, 3, 12, 0).getTime();

  it('shows a clock time today and the date too on another day', () => {
    expect(formatClock(new Date(2025, 8, 3, 14, 5).getTime(), now, 'zh_CN')).toBe('14:05');
    expect(formatClock(new Date(2025, 8, 4, 0, 30).getTime(), now, 'zh_CN')).toBe('09/04 00:30');
  });

  it('names the month of another day when asked, and only then', () => {
    expect(formatClock(new Date(2025, 8, 3, 14, 5).getTime(), now, 'zh_CN', 'named')).toBe('14:05');
    expect(formatClock(new Date(2025, 8, 4, 0, 30).getTime(), now, 'zh_CN', 'named')).toBe('9月4日 00:30');
    expect(formatClock(new Date(2025, 8, 4, 0, 30).getTime(), now, 'en', 'named')).toBe('Sep 4, 00:30');
  });

  it('shows list times as month, day, hours and minutes', () => {
    expect(formatShortDateTime(new Date(2025, 8, 3, 9, 27, 57).getTime(), 'zh_CN')).toBe('09/03 09:27');
    expect(formatShortDateTime(new Date(2025, 8, 3, 9, 27, 57).getTime(), 'en')).toBe('09/03, 09:27');
  });
});

describe('datedFileName', () => {
  it('names the file after the local date', () => {
    expect(datedFileName('expired-tokens', 'csv', new Date(2026, 10, 25, 23, 59))).toBe(
      'expired-tokens-2026-11-25.csv',
    );
    expect(datedFileName('expired-tokens', 'csv', new Date(2026, 0, 5))).toBe('expired-tokens-2026-01-05.csv');
  });
});
