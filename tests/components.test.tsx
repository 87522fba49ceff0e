import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { ComponentChild, ComponentChildren } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionLine, type ConnectionLineProps } from '../components/ConnectionLine';
import { I18nProvider } from '../components/i18n-context';
import { ListStateNotice } from '../components/ListStateNotice';
import { MuteControl } from '../components/MuteControl';
import { RoundChart } from '../components/RoundChart';
import { RoundProgress } from '../components/RoundProgress';
import { TotalsPanel } from '../components/TotalsPanel';
import type { ConnectionStatus } from '../utils/connection/connection-status';
import type { Locale } from '../utils/i18n';
import type { RoundSummary } from '../utils/monitor/monitor-state';
import type { MonitorView } from '../utils/monitor/monitor-view';
import { listNoticeKind } from '../utils/ui/list-notice-kind';

/** Renders as a page does: inside its language (rerenders too). */
const renderIn = (locale: Locale, ui: ComponentChild) =>
  render(ui, {
    wrapper: ({ children }: { children: ComponentChildren }) => <I18nProvider locale={locale}>{children}</I18nProvider>,
  });
const NOW = new Date(2025, 8, 3, 12, 0, 0).getTime();
const URL = 'ws://localhost:8765';

afterEach(cleanup);

const connectionLine = (
  connection: ConnectionStatus | null,
  props: Partial<ConnectionLineProps> = {},
  locale: Locale = 'en',
) => {
  const handlers = { onReconnect: vi.fn(), onTurnOn: vi.fn(), onOpenSettings: vi.fn() };
  const view = renderIn(
    locale,
    <ConnectionLine connection={connection} latencyMs={12.4} now={NOW} {...handlers} {...props} />,
  );
  return { ...view, ...handlers };
};

const waiting = (kind: 'refused' | 'closed' | 'timeout' | 'silent', extra = {}): ConnectionStatus => ({
  phase: 'waiting',
  url: URL,
  attempt: 3,
  retryAt: NOW + 4200,
  problem: { kind, ...extra },
});

describe('ConnectionLine', () => {
  it('shows the server and latency when connected, and offers to reconnect', () => {
    const { container, onReconnect } = connectionLine({ phase: 'open', url: URL, since: NOW - 1000 });
    expect(container.textContent).toContain(`Connected to ${URL}`);
    expect(container.textContent).toContain('12 ms');
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect now' }));
    expect(onReconnect).toHaveBeenCalledOnce();
  });

  it('says it is connecting, without a latency from the last connection', () => {
    const { container } = connectionLine({ phase: 'connecting', url: URL, attempt: 1, since: NOW });
    expect(container.textContent).toContain(`Connecting to ${URL}…`);
    expect(container.textContent).not.toContain('ms');
  });

  it('counts down to the next attempt as time passes', () => {
    const { container, rerender } = connectionLine(waiting('timeout'));
    expect(container.textContent).toContain('Not connected: the server did not answer within 10 s. Retrying in 5 s');
    rerender(
      <ConnectionLine
        connection={waiting('timeout')}
        latencyMs={null}
        now={NOW + 2000}
        onReconnect={() => {}}
        onTurnOn={() => {}}
        onOpenSettings={() => {}}
      />,
    );
    expect(container.textContent).toContain('Retrying in 3 s');
    expect(container.textContent).not.toContain('Retrying in 5 s');
  });

  it('says it is retrying rather than "in 0 s" once the retry time has passed', () => {
    const { container } = connectionLine(waiting('silent'), { now: NOW + 10_000 });
    expect(container.textContent).toContain('the server went silent for 45 s. Retrying now…');
  });

  it('gives the reason a connection ended, with or without a close code', () => {
    expect(connectionLine(waiting('closed', { closeCode: 1011 })).container.textContent).toContain(
      'the server closed the connection (code 1011)',
    );
    cleanup();
    const { container } = connectionLine(waiting('closed'));
    expect(container.textContent).toContain('the server closed the connection.');
    expect(container.textContent).not.toContain('{code}');
  });

  it('points to the settings when the server cannot be reached', () => {
    const { container, onOpenSettings } = connectionLine(waiting('refused'));
    expect(container.textContent).toContain(`cannot reach ${URL}`);
    fireEvent.click(screen.getByRole('button', { name: 'Check settings' }));
    expect(onOpenSettings).toHaveBeenCalledOnce();
  });

  it('offers to turn monitoring on when it is off, and no reconnect', () => {
    const { container, onTurnOn } = connectionLine({ phase: 'off' });
    expect(container.textContent).toContain('Monitoring is off');
    expect(screen.queryByRole('button', { name: 'Reconnect now' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Turn on monitoring' }));
    expect(onTurnOn).toHaveBeenCalledOnce();
  });

  it('leaves the hint and the turn-on button to a larger notice that already explains them', () => {
    connectionLine(waiting('refused'), { explained: true });
    expect(screen.queryByRole('button', { name: 'Check settings' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Reconnect now' })).toBeTruthy();
    cleanup();
    connectionLine({ phase: 'off' }, { explained: true });
    expect(screen.queryByRole('button', { name: 'Turn on monitoring' })).toBeNull();
  });

  it('shows a neutral starting state before the worker has published', () => {
    const { container } = connectionLine(null);
    expect(container.textContent).toContain('Starting…');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('speaks Chinese', () => {
    const { container } = connectionLine(waiting('refused'), {}, 'zh_CN');
    expect(container.textContent).toContain(`未连接：无法连接 ${URL}。5 秒后重试`);
    expect(screen.getByRole('button', { name: '立即重新连接' })).toBeTruthy();
  });
});

describe('RoundProgress', () => {
  const round = {
    round: 4,
    phase: 'running' as const,
    current: 120,
    total: 410,
    percentage: 29.3,
    expiredFound: 3,
    duration: null,
  };

  it('is an accessible progress bar with the round’s numbers', () => {
    renderIn('en', <RoundProgress round={round} />);
    const bar = screen.getByRole('progressbar', { name: 'Progress of round 4' });
    expect(bar.getAttribute('aria-valuenow')).toBe('120');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('410');
    expect(bar.getAttribute('aria-valuetext')).toBe('120 of 410 users checked (29.3%)');
    expect(screen.getByText('Round 4 · checking')).toBeTruthy();
    expect(screen.getByText('3 expired this round')).toBeTruthy();
    expect((bar.firstElementChild as HTMLElement).style.transform).toBe('scaleX(0.293)');
  });

  it('says when a round is done and how long it took, in Chinese', () => {
    renderIn(
      'zh_CN',
      <RoundProgress
        round={{ ...round, phase: 'completed', current: 410, percentage: 100, duration: 59.469, expiredFound: 0 }}
      />,
    );
    expect(screen.getByText('第 4 轮 · 用时 59.5秒')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: '第 4 轮检查进度' }).getAttribute('aria-valuenow')).toBe('410');
    expect(screen.getByText('本轮暂未发现过期')).toBeTruthy();
  });

  it('is indeterminate before any round', () => {
    renderIn('en', <RoundProgress round={null} />);
    const bar = screen.getByRole('progressbar', { name: 'Check progress' });
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(screen.getByText('Waiting for the first check')).toBeTruthy();
  });

  it('formats large counts for the locale', () => {
    renderIn('en', <RoundProgress round={{ ...round, current: 12345, total: 100000, percentage: 12.3 }} />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(
      '12,345 of 100,000 users checked (12.3%)',
    );
  });
});

describe('TotalsPanel', () => {
  it('shows users checked, expired now and the last check relative, absolute on hover', () => {
    renderIn(
      'zh_CN',
      <TotalsPanel
        totals={{ totalUsers: 100000, totalExpired: 4, lastCheck: '2025-09-03T11:57:58.123456' }}
        now={NOW}
      />,
    );
    expect(screen.getByText('已检查用户').nextElementSibling?.textContent).toBe('100,000');
    expect(screen.getByText('当前过期').nextElementSibling?.textContent).toBe('4');
    const time = screen.getByText('2分钟前');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('title')).toBe('2025年9月3日 11:57:58');
  });

  it('shows a dash before the server has said, and an unreadable time as the server wrote it', () => {
    renderIn('en', <TotalsPanel totals={{ totalUsers: null, totalExpired: 0, lastCheck: 'soon™' }} now={NOW} />);
    expect(screen.getByText('Users checked').nextElementSibling?.textContent).toBe('—');
    expect(screen.getByText('soon™')).toBeTruthy();
  });
});

describe('RoundChart', () => {
  const history: RoundSummary[] = Array.from({ length: 30 }, (_, index) => ({
    round: index + 1,
    duration: index === 29 ? null : 10 + index,
    totalUsers: 410,
    newExpired: index % 3,
    completedAt: null,
  }));

  it('draws one bar per round for the last N rounds, each with a tooltip', () => {
    const { container } = renderIn('en', <RoundChart history={history} limit={20} width={340} height={40} />);
    const bars = container.querySelectorAll('.chart__bar');
    expect(bars).toHaveLength(20);
    const titles = [...container.querySelectorAll('.chart__round > title')].map((title) => title.textContent);
    expect(titles[0]).toBe('Round 11: 20 sec, 1 newly expired');
    expect(titles[19]).toBe('Round 30: duration unknown, 2 newly expired');
    expect(screen.getByRole('img', { name: 'Duration and new expiries of the last 20 rounds' })).toBeTruthy();
  });

  it('scales bars to the longest round', () => {
    const { container } = renderIn(
      'en',
      <RoundChart
        history={[
          { round: 1, duration: 10, totalUsers: 1, newExpired: 0, completedAt: null },
          { round: 2, duration: 20, totalUsers: 1, newExpired: 0, completedAt: null },
        ]}
        limit={2}
        width={100}
        height={47}
      />,
    );
    const heights = [...container.querySelectorAll('.chart__bar')].map((bar) => Number(bar.getAttribute('height')));
    expect(heights).toEqual([20, 40]);
  });

  it('says so when no round has finished yet', () => {
    const { container } = renderIn('zh_CN', <RoundChart history={[]} limit={50} width={1000} height={100} />);
    expect(container.querySelectorAll('.chart__bar')).toHaveLength(0);
    expect(screen.getByText('还没有完成的检查')).toBeTruthy();
  });
});

describe('MuteControl', () => {
  it('mutes, and shows until when it is muted', () => {
    const onChange = vi.fn();
    const { rerender } = renderIn('zh_CN', <MuteControl mutedUntil={null} now={NOW} onChange={onChange} />);
    const before = Date.now();
    fireEvent.click(screen.getByRole('button', { name: '静音 1 小时' }));
    expect(onChange).toHaveBeenCalledOnce();
    // An hour from the click, not from the `now` it was drawn with.
    const muted = onChange.mock.calls[0]?.[0] as number;
    expect(muted - before).toBeGreaterThanOrEqual(60 * 60 * 1000);
    expect(muted - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);

    const until = new Date(2025, 8, 3, 14, 5).getTime();
    rerender(<MuteControl mutedUntil={until} now={NOW} onChange={onChange} />);
    expect(screen.getByText('已静音至 14:05')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消静音' }));
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('treats a mute that has run out as no mute', () => {
    renderIn('en', <MuteControl mutedUntil={NOW - 1} now={NOW} onChange={() => {}} />);
    expect(screen.getByRole('button', { name: 'Mute 1 h' })).toBeTruthy();
    expect(screen.queryByText(/Muted until/)).toBeNull();
  });
});

const viewWith = (change: Partial<MonitorView>): MonitorView => ({
  connection: { phase: 'open', url: URL, since: NOW },
  hasSnapshot: true,
  round: null,
  totals: { totalUsers: 410, totalExpired: 0, lastCheck: null },
  history: [],
  latency: { serverMs: null, roundTripMs: null },
  expiredCount: 0,
  expiredVersion: 1,
  ...change,
});

describe('list states', () => {
  const kind = (view: MonitorView | null, matched: number | null = null, failed = false, search = '') =>
    listNoticeKind({ view, matched, failed, search });

  it('picks the state that explains an empty list', () => {
    expect(kind(null)).toBe('starting');
    expect(kind(viewWith({ connection: { phase: 'off' }, hasSnapshot: false }))).toBe('off');
    expect(kind(viewWith({ connection: waiting('refused'), hasSnapshot: false }))).toBe('unreachable');
    expect(kind(viewWith({ connection: waiting('timeout'), hasSnapshot: false }))).toBe('connecting');
    expect(kind(viewWith({ hasSnapshot: true }))).toBe('empty');
    expect(kind(viewWith({ expiredCount: 5 }), 0, false, '139')).toBe('no-match');
    expect(kind(viewWith({ expiredCount: 5 }), null, true)).toBe('error');
    expect(kind(viewWith({ expiredCount: 5 }), 5)).toBeNull();
  });

  const notice = (kindName: Parameters<typeof ListStateNotice>[0]['kind'], locale: Locale = 'en') => {
    const handlers = { onTurnOn: vi.fn(), onOpenSettings: vi.fn(), onReconnect: vi.fn(), onRetry: vi.fn() };
    renderIn(locale, <ListStateNotice kind={kindName} url={URL} search="<b>139</b>" {...handlers} />);
    return handlers;
  };

  it('offers to turn monitoring on', () => {
    const { onTurnOn } = notice('off');
    expect(screen.getByText('Monitoring is off')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn on monitoring' }));
    expect(onTurnOn).toHaveBeenCalledOnce();
  });

  it('explains an unreachable server and leads to the settings or a new attempt', () => {
    const { onOpenSettings, onReconnect } = notice('unreachable', 'zh_CN');
    expect(screen.getByText(`无法连接 ${URL}`)).toBeTruthy();
    expect(screen.getByText('请确认 Token 监控服务已启动，并在设置中检查服务器地址。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '检查设置' }));
    fireEvent.click(screen.getByRole('button', { name: '立即重新连接' }));
    expect(onOpenSettings).toHaveBeenCalledOnce();
    expect(onReconnect).toHaveBeenCalledOnce();
  });

  it('is friendly when nothing is expired', () => {
    notice('empty', 'zh_CN');
    expect(screen.getByRole('status').textContent).toContain('没有过期的 Token');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers a retry when the worker did not answer', () => {
    const { onRetry } = notice('error');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('repeats the search as text, never as markup', () => {
    const { container } = renderIn(
      'en',
      <ListStateNotice
        kind="no-match"
        url={URL}
        search="<b>139</b>"
        onTurnOn={() => {}}
        onOpenSettings={() => {}}
        onReconnect={() => {}}
        onRetry={() => {}}
      />,
    );
    expect(screen.getByText('No user matches “<b>139</b>”')).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
  });
});
