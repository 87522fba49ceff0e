import { describe, expect, it } from 'vitest';
import { type AlertBatch, notificationText, speechText } from '../../../utils/alerts';
import { translatorFor } from '../../../utils/i18n';
import { user } from '../../fixtures/messages';

const zh = translatorFor('zh_CN');
const en = translatorFor('en');

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
