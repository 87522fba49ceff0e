import { describe, expect, it } from 'vitest';
import { nextMorning } from '../../../utils/alerts/mute-end';

describe('do not disturb', () => {
  // Local times, so the tests hold in any time zone.
  const afternoon = new Date(2025, 8, 3, 14, 30).getTime();

  it('finds the next 08:00', () => {
    expect(nextMorning(afternoon)).toBe(new Date(2025, 8, 4, 8, 0).getTime());
    expect(nextMorning(new Date(2025, 8, 3, 2, 0).getTime())).toBe(new Date(2025, 8, 3, 8, 0).getTime());
    expect(nextMorning(new Date(2025, 8, 3, 8, 0).getTime())).toBe(new Date(2025, 8, 4, 8, 0).getTime());
  });
});
