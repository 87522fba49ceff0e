import { describe, expect, it } from 'vitest';
import {
  type AlertBatch,
  addToBatch,
  BATCH_SAMPLE_SIZE,
  isWithinQuietHours,
  lastFourDigits,
  maskPhone,
  notificationText,
  planAlert,
  speechText,
} from '../utils/alerts';
import { translatorFor } from '../utils/i18n';
import { defaultSettings, type Settings } from '../utils/settings';
import { user } from './fixtures/messages';

const zh = translatorFor('zh_CN');
const en = translatorFor('en');
const announce = (ids: number[], summary = false) => ({
  type: 'announce' as const,
  users: ids.map((id) => user(id)),
  summary,
});
const settings = (change: Partial<Settings> = {}): Settings => ({ ...defaultSettings, ...change });
const at = (clock: string) => new Date(`2026-11-25T${clock}:00`).getTime();

describe('phone masking', () => {
  it('hides the middle of a mobile number', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });

  it('keeps at most the last four characters of short values', () => {
    expect(maskPhone('123456')).toBe('**3456');
    expect(maskPhone('123')).toBe('***');
  });

  it('gives speech only the last four digits', () => {
    expect(lastFourDigits('+86 138-0013-8000')).toBe('8000');
  });
});

describe('coalescing a burst', () => {
  it('adds counts and keeps the newest users first, up to the sample size', () => {
    const batch = addToBatch(addToBatch(null, announce([1, 2, 3])), announce([4, 5, 6, 7]));
    expect(batch.count).toBe(7);
    expect(batch.kind).toBe('new');
    expect(batch.sample.map((u) => u.user_id)).toEqual(['7', '6', '5', '4', '3']);
    expect(batch.sample).toHaveLength(BATCH_SAMPLE_SIZE);
  });

  it('lets news replace a waiting round reminder instead of adding the reminder’s total to it', () => {
    const reminder = { kind: 'reminder' as const, count: 3, sample: [] };
    expect(addToBatch(reminder, announce([4, 5]))).toMatchObject({ kind: 'new', count: 2 });
  });

  it('keeps a first-contact summary a summary', () => {
    expect(addToBatch(addToBatch(null, announce([1], true)), announce([2])).kind).toBe('summary');
  });
});

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

describe('alert text', () => {
  const batch: AlertBatch = {
    kind: 'new',
    count: 5,
    sample: [user(1), { ...user(2), phone: '13900139000' }, user(3), user(4)],
  };

  it('names a few masked phones and the rest as a count, in Chinese', () => {
    const text = notificationText(batch, zh, true);
    expect(text.title).toBe('5 个 Token 已过期');
    expect(text.message).toBe('138****0001、139****9000、138****0003 … 等 2 个');
    expect(text.items).toHaveLength(3);
  });

  it('shows full phones when masking is off, in English', () => {
    const text = notificationText({ ...batch, count: 1, sample: [user(1)] }, en, false);
    expect(text).toMatchObject({ title: '1 token expired', message: '13800000001' });
  });

  it('never puts a token into a notification or speech', () => {
    const text = notificationText(batch, zh, false);
    const all = [text.title, text.message, ...text.items.flatMap((i) => [i.title, i.message]), speechText(batch, zh)];
    expect(all.join(' ')).not.toMatch(/tok\d/);
  });

  it('sums up a first contact', () => {
    expect(notificationText({ kind: 'summary', count: 120, sample: [user(1)] }, zh, true).title).toBe(
      '已有 120 个 Token 过期',
    );
  });

  it('speaks the count and the last four digits of up to three phones', () => {
    expect(speechText(batch, zh)).toBe('发现 5 个 Token 过期用户，尾号 0001、9000、0003');
    expect(speechText({ kind: 'new', count: 1, sample: [user(1)] }, en)).toBe(
      'Found 1 user with an expired token, phones ending 0001',
    );
  });
});
