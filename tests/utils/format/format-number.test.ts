import { describe, expect, it } from 'vitest';
import { formatMilliseconds, formatNumber, formatPercent, formatSeconds } from '../../../utils/format';

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
