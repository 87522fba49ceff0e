import { describe, expect, it } from 'vitest';
import { datedFileName } from '../../../utils/format';

describe('datedFileName', () => {
  it('names the file after the local date', () => {
    expect(datedFileName('expired-tokens', 'csv', new Date(2026, 10, 25, 23, 59))).toBe(
      'expired-tokens-2026-11-25.csv',
    );
    expect(datedFileName('expired-tokens', 'csv', new Date(2026, 0, 5))).toBe('expired-tokens-2026-01-05.csv');
  });
});
