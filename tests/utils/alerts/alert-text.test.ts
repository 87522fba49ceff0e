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
    servers: [{ id: 'default', label: 'localhost:8765', count: 5 }],
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
    expect(notificationText({ kind: 'summary', count: 120, sample: [user(1)], servers: [] }, zh, true).title).toBe(
      '已有 120 个 Token 过期',
    );
  });

  it('speaks the count and the last four digits of up to three phones', () => {
    expect(speechText(batch, zh)).toBe('发现 5 个 Token 过期用户，尾号 0001、9000、0003');
    expect(speechText({ kind: 'new', count: 1, sample: [user(1)], servers: [] }, en)).toBe(
      'Found 1 user with an expired token, phones ending 0001',
    );
  });
});

describe('alert text with several servers watched', () => {
  const fromTwo: AlertBatch = {
    kind: 'new',
    count: 4,
    sample: [user(1), user(2)],
    servers: [
      { id: 'prod', label: '生产', count: 3 },
      { id: 'test', label: '测试', count: 1 },
    ],
  };

  it('says in one notification how many expired on each server', () => {
    const text = notificationText(fromTwo, zh, true, true);
    expect(text.title).toBe('4 个 Token 已过期');
    expect(text.message).toBe('生产 3 个，测试 1 个\n138****0001、138****0002 … 等 2 个');
    expect(notificationText(fromTwo, en, true, true).message.split('\n')[0]).toBe('生产: 3, 测试: 1');
  });

  it('names the servers in one utterance', () => {
    expect(speechText(fromTwo, zh, false, true)).toBe('生产 3 个，测试 1 个 Token 过期，尾号 0001、0002');
  });

  it('names no server while only one is watched', () => {
    expect(notificationText(fromTwo, zh, true, false).message).toBe('138****0001、138****0002 … 等 2 个');
    expect(speechText(fromTwo, zh, false, false)).toBe('发现 4 个 Token 过期用户，尾号 0001、0002');
  });
});
