import { describe, expect, it } from 'vitest';
import { formatClock, formatShortDateTime } from '../../../utils/format';

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
