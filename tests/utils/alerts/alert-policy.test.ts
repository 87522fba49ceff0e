import { describe, expect, it } from 'vitest';
import { type AlertBatch, planAlert } from '../../../utils/alerts';
import { defaultSettings, type Settings } from '../../../utils/settings';
import { user } from '../../fixtures/messages';

const settings = (change: Partial<Settings> = {}): Settings => ({ ...defaultSettings, ...change });
const at = (clock: string) => new Date(`2026-11-25T${clock}:00`).getTime();

describe('alert policy', () => {
  const batch: AlertBatch = { kind: 'new', count: 2, sample: [user(1), user(2)] };

  it('notifies with sound and speaks by default', () => {
    expect(planAlert(batch, settings(), at('12:00'))).toEqual({ notify: true, silent: false, speak: true });
  });

  it('keeps a silent notification and no speech while muted', () => {
    const muted = settings({ mutedUntil: at('13:00') });
    expect(planAlert(batch, muted, at('12:00'))).toEqual({ notify: true, silent: true, speak: false });
    expect(planAlert(batch, muted, at('13:00'))).toEqual({ notify: true, silent: false, speak: true });
  });

  it('is quiet in quiet hours', () => {
    const quiet = settings({ quietHours: { enabled: true, start: '22:00', end: '08:00' } });
    expect(planAlert(batch, quiet, at('23:00'))).toEqual({ notify: true, silent: true, speak: false });
  });

  it('follows the notification and speech switches', () => {
    const off = settings({ notifications: false, speech: { ...defaultSettings.speech, enabled: false } });
    expect(planAlert(batch, off, at('12:00'))).toEqual({ notify: false, silent: false, speak: false });
  });

  it('reminds after a round only when asked to', () => {
    const reminder: AlertBatch = { kind: 'reminder', count: 4, sample: [] };
    expect(planAlert(reminder, settings(), at('12:00')).notify).toBe(false);
    expect(planAlert(reminder, settings({ remindEveryRound: true }), at('12:00')).notify).toBe(true);
  });
});
