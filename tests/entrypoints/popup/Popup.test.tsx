import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/popup/App';
import { Popup } from '../../../entrypoints/popup/Popup';
import { sendMessage } from '../../../platform/messaging';
import { loadSettings } from '../../../platform/settings-store';
import { monitorViewItem, settingsItem } from '../../../platform/storage-items';
import type { ConnectionStatus } from '../../../utils/connection/connection-status';
import type { ExpiredPage, ExpiredQuery } from '../../../utils/expired/expired-query';
import type { MonitorView, ServerView } from '../../../utils/monitor/monitor-view';
import { defaultSettings, type Settings } from '../../../utils/settings';

// The worker does not run in a unit test: the test answers its messages.
vi.mock('../../../platform/messaging', () => ({ sendMessage: vi.fn() }));

const URL = 'ws://localhost:8765';
const HOUR = 60 * 60 * 1000;

const view = (change: Partial<MonitorView> = {}): MonitorView => ({
  connection: { phase: 'open', url: URL, since: Date.now() - 60_000 },
  hasSnapshot: true,
  round: { round: 4, phase: 'running', current: 120, total: 410, percentage: 29.3, expiredFound: 3, duration: null },
  totals: { totalUsers: 410, totalExpired: 0, lastCheck: null },
  history: [],
  latency: { serverMs: 12.5, roundTripMs: 8 },
  expiredCount: 0,
  expiredVersion: 1,
  servers: [],
  ...change,
});

const withExpired = (count: number, change: Partial<MonitorView> = {}) =>
  view({ expiredCount: count, totals: { totalUsers: 410, totalExpired: count, lastCheck: null }, ...change });

/** The worker's answer for a list of `total` users: user i has phone 138 followed by i on 8 digits. */
const answerFor =
  (total: number) =>
  ({ search = '', offset = 0, limit = 100 }: ExpiredQuery): ExpiredPage => {
    const matching = (index: number) => `138${String(index).padStart(8, '0')}`.includes(search);
    const indexes = search
      ? Array.from({ length: total }, (_, index) => index).filter(matching)
      : { length: total, slice: (from: number, to: number) => range(from, Math.min(to, total)) };
    const rows = indexes.slice(offset, offset + limit).map((index) => ({
      server: 'default',
      user_id: String(10_000 + index),
      phone: `138${String(index).padStart(8, '0')}`,
      expired_time: '2025-09-03T09:27:57.108204',
      ignored: false,
    }));
    return { version: 1, total, matched: indexes.length, offset, rows };
  };

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);

const worker = (total: number) =>
  vi.mocked(sendMessage).mockImplementation((async (name: string, data: unknown) => {
    if (name === 'queryExpired') return answerFor(total)(data as ExpiredQuery);
    return undefined;
  }) as typeof sendMessage);

const queries = () =>
  vi
    .mocked(sendMessage)
    .mock.calls.filter(([name]) => name === 'queryExpired')
    .map(([, query]) => query as ExpiredQuery);

const store = (change: Partial<Settings>) => settingsItem.setValue({ ...defaultSettings, ...change });

let clipboard: string[];

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(sendMessage).mockReset();
  worker(0);
  clipboard = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void clipboard.push(text) },
  });
  vi.spyOn(window, 'close').mockImplementation(() => {});
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('popup states', () => {
  it('shows a neutral starting state until the worker has published, in the chosen language', async () => {
    worker(3);
    await store({ language: 'zh_CN' });
    render(<App />);
    expect(await screen.findByText('后台监控正在启动，数据马上就会出现。')).toBeTruthy();
    expect(screen.getAllByText('正在启动…').length).toBeGreaterThan(0);
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
    expect(document.title).toBe('Token 监控提醒');
    // The first rows are asked for meanwhile, so that they are there when the view comes; not shown before it.
    expect(sendMessage).toHaveBeenCalledWith('queryExpired', expect.objectContaining({ offset: 0 }));
    expect(screen.queryByText('138****0001')).toBeNull();
  });

  it('does not wait long for slow settings: browser language, phones masked, mute state unknown', async () => {
    worker(3);
    await store({ language: 'zh_CN', maskPhones: false });
    // Storage can take seconds while the worker writes a large list.
    vi.spyOn(settingsItem, 'getValue').mockReturnValue(new Promise(() => {}));
    render(<Popup view={withExpired(3)} />);
    expect(await screen.findByText('138****0001', undefined, { timeout: 1000 })).toBeTruthy();
    expect(screen.getByText('Expired users')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Mute/ })).toBeNull();
  });

  it('follows the view the worker publishes', async () => {
    await store({ language: 'en' });
    render(<App />);
    await screen.findByText('The monitor is starting in the background. Data appears in a moment.');
    await monitorViewItem.setValue(view());
    expect(await screen.findByText('No expired tokens')).toBeTruthy();
    expect(screen.getByText(`Connected to ${URL}`)).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(document.title).toBe('Token Monitor Notifier');
  });

  it('says how to turn monitoring back on, and does it', async () => {
    await store({ language: 'zh_CN', monitoring: false });
    render(<Popup view={view({ connection: { phase: 'off' }, hasSnapshot: false, round: null })} />);
    expect(await screen.findByText('开启后将连接 ws://localhost:8765，Token 过期时会立即提醒你。')).toBeTruthy();
    const notice = screen.getByText('监控已关闭', { selector: '.notice__title' }).closest('.notice') as HTMLElement;
    fireEvent.click(within(notice).getByRole('button', { name: '开启监控' }));
    await waitFor(async () => expect((await loadSettings()).monitoring).toBe(true));
  });

  it('explains an unreachable server and opens the settings', async () => {
    await store({ language: 'zh_CN' });
    const openOptionsPage = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    const connection: ConnectionStatus = {
      phase: 'waiting',
      url: 'ws://10.0.0.9:8765',
      attempt: 2,
      retryAt: Date.now() + 5000,
      problem: { kind: 'refused' },
    };
    render(<Popup view={view({ connection, hasSnapshot: false, round: null })} />);
    expect(await screen.findByText('无法连接 ws://10.0.0.9:8765')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '检查设置' }));
    expect(openOptionsPage).toHaveBeenCalledOnce();
    fireEvent.click(screen.getAllByRole('button', { name: '立即重新连接' })[0] as HTMLElement);
    expect(sendMessage).toHaveBeenCalledWith('reconnectNow');
  });

  it('counts down to the next attempt live', async () => {
    await store({ language: 'zh_CN' });
    const connection: ConnectionStatus = {
      phase: 'waiting',
      url: URL,
      attempt: 2,
      retryAt: Date.now() + 4500,
      problem: { kind: 'timeout' },
    };
    render(<Popup view={withExpired(0, { connection })} />);
    expect(await screen.findByText(/5 秒后重试/)).toBeTruthy();
    expect(await screen.findByText(/4 秒后重试/, undefined, { timeout: 2000 })).toBeTruthy();
  });

  it('is friendly when no token is expired', async () => {
    await store({ language: 'en' });
    render(<Popup view={view()} />);
    expect(await screen.findByText('Every token is valid. You will be alerted the moment one expires.')).toBeTruthy();
  });

  it('shows the connection, round and totals', async () => {
    await store({ language: 'en' });
    render(<Popup view={withExpired(3)} />);
    expect(await screen.findByText(`Connected to ${URL}`)).toBeTruthy();
    // The page's own round-trip measurement is preferred to the server's figure.
    expect(screen.getByText('8 ms')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Progress of round 4' });
    expect(bar.getAttribute('aria-valuenow')).toBe('120');
    expect(screen.getByText('Expired now').nextElementSibling?.textContent).toBe('3');
  });
});

describe('popup expired list', () => {
  it('opens on 100,000 expired users by asking for one page and rendering one window', async () => {
    worker(100_000);
    await store({ language: 'en' });
    const { container } = render(<Popup view={withExpired(100_000)} />);
    expect(await screen.findByText('138****0000')).toBeTruthy();
    expect(queries()).toEqual([{ search: '', sort: 'newest', offset: 0, limit: 100 }]);
    expect(container.querySelectorAll('.xrow:not(.xrow--head)').length).toBeLessThan(30);
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('100001');

    const viewport = container.querySelector('.vlist__viewport') as HTMLElement;
    Object.defineProperty(viewport, 'scrollTop', { value: 50_000 * 34, configurable: true });
    fireEvent.scroll(viewport);
    expect(await screen.findByText('138****0000', { selector: '[aria-rowindex="50002"] > *' })).toBeTruthy();
    expect(queries().map((query) => query.offset)).toEqual([0, 50_000]);
  });

  it('searches with the typed text once typing pauses', async () => {
    worker(1000);
    await store({ language: 'en' });
    render(<Popup view={withExpired(1000)} />);
    const box = await screen.findByRole('searchbox', { name: 'Search by phone or user ID' });
    await waitFor(() => expect(queries()).toHaveLength(1));
    for (const text of ['9', '99', '999']) fireEvent.input(box, { target: { value: text } });
    await waitFor(() => expect(queries().at(-1)?.search).toBe('999'));
    expect(queries().map((query) => query.search)).toEqual(['', '999']);
    expect(await screen.findByText('1 of 1,000')).toBeTruthy();
  });

  it('says when nothing matches the search', async () => {
    worker(10);
    await store({ language: 'zh_CN' });
    render(<Popup view={withExpired(10)} />);
    fireEvent.input(await screen.findByRole('searchbox'), { target: { value: '77777' } });
    expect(await screen.findByText('没有匹配“77777”的用户')).toBeTruthy();
  });

  it('masks phones by default and reveals them on request', async () => {
    worker(3);
    await store({ language: 'zh_CN' });
    render(<Popup view={withExpired(3)} />);
    expect(await screen.findByText('138****0001')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: '显示号码' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByText('13800000001')).toBeTruthy();
    expect(screen.getByRole('button', { name: '隐藏号码' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows full phones and no reveal button when masking is off', async () => {
    worker(3);
    await store({ language: 'en', maskPhones: false });
    render(<Popup view={withExpired(3)} />);
    expect(await screen.findByText('13800000001')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show numbers' })).toBeNull();
  });

  it('copies one phone in full, even when it is shown masked', async () => {
    worker(3);
    await store({ language: 'zh_CN' });
    render(<Popup view={withExpired(3)} />);
    fireEvent.click(await screen.findByRole('button', { name: '复制 138****0002' }));
    await waitFor(() => expect(clipboard).toEqual(['13800000002']));
    expect(await screen.findByText('已复制手机号')).toBeTruthy();
  });

  it('copies every phone, page by page', async () => {
    worker(2500);
    await store({ language: 'zh_CN' });
    render(<Popup view={withExpired(2500)} />);
    fireEvent.click(await screen.findByRole('button', { name: '复制全部 2,500 个手机号' }));
    expect(await screen.findByText('已复制 2,500 个手机号')).toBeTruthy();
    const lines = clipboard[0]?.split('\n') ?? [];
    expect(lines).toHaveLength(2500);
    expect(lines[2499]).toBe('13800002499');
    expect(
      queries()
        .filter((query) => query.limit === 1000)
        .map((query) => query.offset),
    ).toEqual([0, 1000, 2000]);
  });
});

describe('popup actions', () => {
  it('mutes for an hour and says until when', async () => {
    await store({ language: 'en' });
    render(<Popup view={view()} />);
    const before = Date.now();
    fireEvent.click(await screen.findByRole('button', { name: 'Mute 1 h' }));
    await waitFor(async () => expect((await loadSettings()).mutedUntil).not.toBeNull());
    const until = (await loadSettings()).mutedUntil ?? 0;
    expect(until - before).toBeGreaterThanOrEqual(HOUR);
    expect(until - before).toBeLessThan(HOUR + 5000);
    // An hour from now is tomorrow in the day's last hour: the date is named then.
    expect(await screen.findByText(/^Muted until (\d\d\/\d\d, )?\d\d:\d\d$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    await waitFor(async () => expect((await loadSettings()).mutedUntil).toBeNull());
  });

  it('opens the dashboard, and the settings', async () => {
    await store({ language: 'en' });
    const openOptionsPage = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    render(<Popup view={view()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Dashboard' }));
    await waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(
        fakeBrowser.runtime.getURL('/dashboard.html'),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(openOptionsPage).toHaveBeenCalledOnce();
  });
});

describe('popup render rate', () => {
  it('renders at most about ten times a second however fast the view changes', async () => {
    await store({ language: 'en' });
    const { container } = render(<App />);
    await screen.findByText('The monitor is starting in the background. Data appears in a moment.');
    const bar = () => container.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
    const seen = new Set<string | null | undefined>();
    const observer = new MutationObserver(() => seen.add(bar()));
    observer.observe(container, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    const started = Date.now();
    // 100 progress frames, 2 ms apart: 200 ms of updates.
    for (let current = 1; current <= 100; current++) {
      await act(async () => {
        await monitorViewItem.setValue(
          view({
            round: { round: 4, phase: 'running', current, total: 410, percentage: 0, expiredFound: 0, duration: null },
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 2));
      });
    }
    await waitFor(() => expect(bar()).toBe('100'));
    observer.disconnect();
    const seconds = (Date.now() - started) / 1000;
    expect(seen.size).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 2);
    expect(seen.size).toBeLessThan(50);
  });
});

describe('popup with several servers', () => {
  const servers: ServerView[] = [
    {
      id: 'default',
      label: '生产',
      connection: { phase: 'open', url: 'ws://prod:8765', since: Date.now() - 60_000 },
      hasSnapshot: true,
      round: {
        round: 4,
        phase: 'running',
        current: 120,
        total: 410,
        percentage: 29.3,
        expiredFound: 1,
        duration: null,
      },
      totalExpired: 2,
      history: [],
    },
    {
      id: 's2',
      label: '测试',
      connection: {
        phase: 'waiting',
        url: 'ws://test:8765',
        attempt: 2,
        retryAt: Date.now() + 5000,
        problem: { kind: 'refused' },
      },
      hasSnapshot: true,
      round: null,
      totalExpired: 1,
      history: [],
    },
    {
      id: 's3',
      label: 'backup:8765',
      connection: { phase: 'off' },
      hasSnapshot: false,
      round: null,
      totalExpired: 0,
      history: [],
    },
  ];
  const IDS = servers.map((server) => server.id);

  /** Users 0…total-1, listed in turn by each server: user i is 10,000 + i / 3 on server i % 3. */
  const severalWorker = (total: number) =>
    vi.mocked(sendMessage).mockImplementation((async (name: string, data: unknown) => {
      if (name !== 'queryExpired') return undefined;
      const { server, offset = 0, limit = 100 } = data as ExpiredQuery;
      const listed = range(0, total).filter((index) => server === undefined || IDS[index % 3] === server);
      const rows = listed.slice(offset, offset + limit).map((index) => ({
        server: IDS[index % 3] ?? '',
        user_id: String(10_000 + Math.floor(index / 3)),
        phone: `138${String(index).padStart(8, '0')}`,
        expired_time: '2025-09-03T09:27:57.108204',
        ignored: false,
      }));
      return { version: 1, total, matched: listed.length, offset, rows };
    }) as typeof sendMessage);

  const several = (count: number) => withExpired(count, { servers });

  it('shows each server in a row of its own: name, state in words, round, expired count', async () => {
    await store({ language: 'zh_CN' });
    render(<Popup view={several(0)} />);
    const list = await screen.findByRole('list', { name: '服务器' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => row.getAttribute('data-phase'))).toEqual(['open', 'waiting', 'off']);
    expect(within(rows[0] as HTMLElement).getByText('已连接')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('第 4 轮 · 29.3%')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('2 个过期')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('未连接')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('尚未检查')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('已关闭')).toBeTruthy();
    // The rows take the place of the one round and its chart.
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('img', { name: /最近 20 轮/ })).toBeNull();
  });

  it('counts the servers connected rather than naming one, and gives no latency for all of them', async () => {
    await store({ language: 'en' });
    // The worker's connection is the least connected server's; the one turned off is not counted.
    const { connection } = servers[1] as ServerView;
    render(<Popup view={withExpired(3, { servers, connection })} />);
    expect(await screen.findByText('1 of 2 servers connected')).toBeTruthy();
    expect(screen.queryByText('8 ms')).toBeNull();
    expect(screen.queryByText(/Is Token Monitor running/)).toBeNull();
  });

  it('lists every server, or the one picked, and names the server of each row', async () => {
    severalWorker(30);
    await store({ language: 'en', maskPhones: false });
    render(<Popup view={several(30)} />);
    expect(await screen.findByText('13800000000')).toBeTruthy();
    expect(queries()).toEqual([{ search: '', sort: 'newest', offset: 0, limit: 100 }]);
    expect(screen.getByRole('columnheader', { name: 'Server' })).toBeTruthy();
    const firstRows = screen.getAllByRole('row').slice(1, 4);
    expect(firstRows.map((row) => row.querySelector('.xrow__server')?.textContent)).toEqual([
      '生产',
      '测试',
      'backup:8765',
    ]);

    const filter = screen.getByRole('combobox', { name: 'Server' });
    expect([...(filter as HTMLSelectElement).options].map((option) => option.text)).toEqual([
      'All servers',
      '生产',
      '测试',
      'backup:8765',
    ]);
    fireEvent.change(filter, { target: { value: 's2' } });
    await waitFor(() =>
      expect(queries().at(-1)).toEqual({ search: '', sort: 'newest', server: 's2', offset: 0, limit: 100 }),
    );
    expect(await screen.findByText('10 of 30')).toBeTruthy();
    expect(screen.queryByText('13800000000')).toBeNull();
    expect(screen.getByText('13800000001')).toBeTruthy();

    // Every server's list again, from the pages already fetched for it.
    fireEvent.change(filter, { target: { value: '' } });
    expect(await screen.findByText('13800000000')).toBeTruthy();
    expect(screen.queryByText('10 of 30')).toBeNull();
  });

  it('shows the same user_id of two servers as two rows', async () => {
    severalWorker(6);
    await store({ language: 'en', maskPhones: false });
    render(<Popup view={several(6)} />);
    await screen.findByText('13800000000');
    const users = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('.xrow__user')?.textContent);
    expect(users).toEqual(['10000', '10000', '10000', '10001', '10001', '10001']);
  });

  it('copies every phone of the server picked', async () => {
    severalWorker(3000);
    await store({ language: 'en' });
    render(<Popup view={several(3000)} />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Server' }), { target: { value: 's3' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Copy all 1,000 phone numbers' }));
    expect(await screen.findByText('1,000 phone numbers copied')).toBeTruthy();
    expect(clipboard[0]?.split('\n')[0]).toBe('13800000002');
    expect(
      queries()
        .filter((query) => query.limit === 1000)
        .map((query) => query.server),
    ).toEqual(['s3']);
  });

  it('looks as it always did with one server', async () => {
    worker(3);
    await store({ language: 'en' });
    const [only] = servers;
    render(<Popup view={withExpired(3, { servers: only ? [only] : [] })} />);
    await screen.findByText('138****0001');
    expect(screen.queryByRole('list', { name: 'Servers' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Server' })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Server' })).toBeNull();
    expect(screen.getByRole('progressbar', { name: 'Progress of round 4' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Duration and new expiries of the last 20 rounds' })).toBeTruthy();
    expect(screen.getByText(`Connected to ${URL}`)).toBeTruthy();
    expect(screen.getByText('8 ms')).toBeTruthy();
    expect(queries()).toEqual([{ search: '', sort: 'newest', offset: 0, limit: 100 }]);
  });
});
