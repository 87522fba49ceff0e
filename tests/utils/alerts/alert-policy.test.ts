import { describe, expect, it } from 'vitest';
import { type AlertBatch, planAlert } from '../../../utils/alerts';
import { defaultSettings, newServerEntry, type Settings } from '../../../utils/settings';
import { user } from '../../fixtures/messages';

const settings = (change: Partial<Settings> = {}): Settings => ({ ...defaultSettings, ...change });
const at = (clock: string) => new Date(`2026-11-25T${clock}:00`).getTime();

describe('alert policy', () => {
  const batch: AlertBatch = { kind: 'new', count: 2, sample: [user(1), user(2)], servers: [] };

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
    const reminder: AlertBatch = { kind: 'reminder', count: 4, sample: [], servers: [] };
    expect(planAlert(reminder, settings(), at('12:00')).notify).toBe(false);
    expect(planAlert(reminder, settings({ remindEveryRound: true }), at('12:00')).notify).toBe(true);
  });
});

describe('alert policy across servers', () => {
  const prod = newServerEntry('prod', 'ws://prod:8765', '生产');
  const staging = newServerEntry('staging', 'ws://staging:8765', '测试');
  const from = (...ids: string[]): AlertBatch => ({
    kind: 'new',
    count: ids.length,
    sample: [],
    servers: ids.map((id) => ({ id, label: id, count: 1 })),
  });

  it('follows the switches of the server an alert comes from', () => {
    const quietStaging = settings({ servers: [prod, { ...staging, notifications: false, speech: false }] });
    expect(planAlert(from('staging'), quietStaging, at('12:00'))).toEqual({
      notify: false,
      silent: false,
      speak: false,
    });
    expect(planAlert(from('prod'), quietStaging, at('12:00'))).toEqual({ notify: true, silent: false, speak: true });
  });

  it('speaks an alert from two servers when one of them wants speech and is not muted', () => {
    const mutedProd = settings({
      servers: [
        { ...prod, mutedUntil: at('13:00') },
        { ...staging, speech: true },
      ],
    });
    expect(planAlert(from('prod', 'staging'), mutedProd, at('12:00'))).toEqual({
      notify: true,
      silent: false,
      speak: true,
    });
    expect(planAlert(from('prod'), mutedProd, at('12:00'))).toEqual({ notify: true, silent: true, speak: false });
  });

  it('leaves an alert from a removed server to the global switches', () => {
    expect(planAlert(from('gone'), settings({ servers: [prod] }), at('12:00'))).toEqual({
      notify: true,
      silent: false,
      speak: true,
    });
  });
});
