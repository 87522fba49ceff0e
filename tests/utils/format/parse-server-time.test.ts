import { describe, expect, it } from 'vitest';
import { parseServerTime } from '../../../utils/format';

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
