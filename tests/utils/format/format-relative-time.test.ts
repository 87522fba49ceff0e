import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from '../../../utils/format';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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
