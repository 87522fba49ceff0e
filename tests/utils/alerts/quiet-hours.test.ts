import { describe, expect, it } from 'vitest';
import { isWithinQuietHours } from '../../../utils/alerts';

const at = (clock: string) => new Date(`2026-11-25T${clock}:00`).getTime();

describe('quiet hours', () => {
  const night = { start: '22:00', end: '08:00' };

  it('wraps past midnight', () => {
    expect(isWithinQuietHours(new Date(at('23:30')), night)).toBe(true);
    expect(isWithinQuietHours(new Date(at('07:59')), night)).toBe(true);
    expect(isWithinQuietHours(new Date(at('08:00')), night)).toBe(false);
    expect(isWithinQuietHours(new Date(at('12:00')), night)).toBe(false);
  });

  it('handles a window within one day', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(isWithinQuietHours(new Date(at('12:30')), lunch)).toBe(true);
    expect(isWithinQuietHours(new Date(at('13:30')), lunch)).toBe(false);
  });
});
