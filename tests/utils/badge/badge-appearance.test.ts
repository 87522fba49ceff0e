import { describe, expect, it } from 'vitest';
import { BADGE_GREY, BADGE_RED, badgeAppearance, countText } from '../../../utils/badge/badge-appearance';
import type { ConnectionStatus } from '../../../utils/connection';
import { translatorFor } from '../../../utils/i18n';

const zh = translatorFor('zh_CN');
const open = { phase: 'open' as const, url: 'ws://localhost:8765', since: 0 };
const one = (connection: ConnectionStatus) => [{ label: 'localhost:8765', connection }];

describe('badge', () => {
  it('shows the expired count in red while connected, nothing at zero', () => {
    expect(badgeAppearance(one(open), 3, zh, 0)).toMatchObject({ text: '3', color: BADGE_RED });
    expect(badgeAppearance(one(open), 0, zh, 0)).toMatchObject({ text: '', title: 'Token 监控提醒: 没有过期的 Token' });
  });

  it('caps the count at 999+', () => {
    expect(countText(999)).toBe('999');
    expect(countText(1000)).toBe('999+');
    expect(countText(100_000)).toBe('999+');
  });

  it('shows a grey mark with the reason and the next retry while not connected', () => {
    const waiting = {
      phase: 'waiting' as const,
      url: 'ws://localhost:8765',
      attempt: 2,
      retryAt: 12_000,
      problem: { kind: 'refused' as const },
    };
    expect(badgeAppearance(one(waiting), 5, zh, 4_500)).toEqual({
      text: '!',
      color: BADGE_GREY,
      title: 'Token 监控提醒: 未连接：无法连接 ws://localhost:8765。8 秒后重试. 5 个 Token 已过期',
    });
  });

  it('says when monitoring is off', () => {
    expect(badgeAppearance(one({ phase: 'off' }), 0, translatorFor('en'), 0)).toMatchObject({
      text: 'off',
      color: BADGE_GREY,
      title: 'Token Monitor Notifier: Monitoring is off. No expired tokens',
    });
  });
});

describe('badge over several servers', () => {
  const refused = {
    phase: 'waiting' as const,
    url: 'ws://staging:8765',
    attempt: 1,
    retryAt: 12_000,
    problem: { kind: 'refused' as const },
  };

  it('counts in red across every server while all are connected', () => {
    const servers = [
      { label: '生产', connection: open },
      { label: '测试', connection: open },
    ];
    expect(badgeAppearance(servers, 7, zh, 0)).toMatchObject({ text: '7', color: BADGE_RED });
  });

  it('turns grey and names the server that is not connected, keeping the count of the others', () => {
    const servers = [
      { label: '生产', connection: open },
      { label: '测试', connection: refused },
      { label: '停用', connection: { phase: 'off' as const } },
    ];
    expect(badgeAppearance(servers, 7, zh, 4_500)).toEqual({
      text: '7',
      color: BADGE_GREY,
      title: 'Token 监控提醒: 7 个 Token 已过期. 测试: 未连接：无法连接 ws://staging:8765。8 秒后重试',
    });
  });
});
