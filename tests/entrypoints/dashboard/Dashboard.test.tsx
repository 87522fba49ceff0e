import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Dashboard } from '../../../entrypoints/dashboard/Dashboard';
import { sendMessage } from '../../../platform/messaging';
import { settingsItem } from '../../../platform/storage-items';
import type { ExpiredPage, ExpiredQuery } from '../../../utils/expired/expired-query';
import type { RoundSummary } from '../../../utils/monitor/monitor-state';
import type { MonitorView, ServerView } from '../../../utils/monitor/monitor-view';
import { defaultSettings, type Settings } from '../../../utils/settings';
import { journalEntry } from '../../fixtures/journal';

vi.mock('../../../platform/messaging', () => ({ sendMessage: vi.fn() }));

const CSV = '\uFEFFphone,user_id,expired_time\r\n13800138000,12345,2025-09-03T09:27:57.108204\r\n';

const history: RoundSummary[] = Array.from({ length: 50 }, (_, index) => ({
  round: index + 1,
  duration: 30 + (index % 7),
  totalUsers: 410,
  newExpired: index % 4,
  completedAt: '2025-09-03T09:27:57.108204',
}));

const view = (expiredCount: number): MonitorView => ({
  connection: { phase: 'open', url: 'ws://localhost:8765', since: Date.now() },
  hasSnapshot: true,
  round: { round: 51, phase: 'running', current: 10, total: 410, percentage: 2.4, expiredFound: 0, duration: null },
  totals: { totalUsers: 410, totalExpired: expiredCount, lastCheck: '2025-09-03T09:27:57.108204' },
  history,
  latency: { serverMs: 3, roundTripMs: null },
  expiredCount,
  expiredVersion: 7,
  servers: [],
});

const answer = ({ search = '', sort = 'newest', offset = 0, limit = 100 }: ExpiredQuery): ExpiredPage => {
  const all = Array.from({ length: 1000 }, (_, index) => ({
    server: 'default',
    user_id: `u${index}`,
    phone: `139${String(index).padStart(8, '0')}`,
    expired_time: '2025-09-03T09:27:57.108204',
    ignored: false,
  }));
  const matching = all.filter((row) => row.phone.includes(search) || row.user_id.includes(search));
  const sorted = sort === 'oldest' ? [...matching].reverse() : matching;
  return { version: 7, total: all.length, matched: sorted.length, offset, rows: sorted.slice(offset, offset + limit) };
};

const queries = () =>
  vi
    .mocked(sendMessage)
    .mock.calls.filter(([name]) => name === 'queryExpired')
    .map(([, query]) => query as ExpiredQuery);

const store = (change: Partial<Settings>) => settingsItem.setValue({ ...defaultSettings, ...change });

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(sendMessage)
    .mockReset()
    .mockImplementation((async (name: string, data: unknown) => {
      if (name === 'queryExpired') return answer(data as ExpiredQuery);
      if (name === 'exportCsv') return CSV;
      return undefined;
    }) as typeof sendMessage);
});

afterEach(cleanup);

describe('dashboard', () => {
  it('is titled in the chosen language and shows the whole header', async () => {
    await store({ language: 'zh_CN' });
    render(<Dashboard view={view(1000)} />);
    expect(await screen.findByRole('heading', { level: 1, name: '过期 Token 看板' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('过期 Token 看板 - Token 监控提醒'));
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByText('已连接 ws://localhost:8765')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: '第 51 轮检查进度' })).toBeTruthy();
    expect(screen.getByText('共 1,000 个')).toBeTruthy();
  });

  it('draws the last 50 rounds', async () => {
    await store({ language: 'en' });
    const { container } = render(<Dashboard view={view(0)} />);
    await screen.findByRole('img', { name: 'Duration and new expiries of the last 50 rounds' });
    expect(container.querySelectorAll('.chart__bar')).toHaveLength(50);
    expect(container.querySelector('.chart__round title')?.textContent).toBe('Round 1: 30 sec, 0 newly expired');
  });

  it('sorts by what the user picks, from the top', async () => {
    await store({ language: 'en' });
    render(<Dashboard view={view(1000)} />);
    await screen.findByText('139****0000');
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'oldest' } });
    expect(await screen.findByText('139****0999')).toBeTruthy();
    expect(queries().at(-1)).toEqual({ search: '', sort: 'oldest', show: 'all', offset: 0, limit: 100 });
  });

  it('counts the matches of a search', async () => {
    await store({ language: 'zh_CN' });
    render(<Dashboard view={view(1000)} />);
    fireEvent.input(await screen.findByRole('searchbox', { name: '按手机号或用户 ID 搜索' }), {
      target: { value: 'u99' },
    });
    expect(await screen.findByText('匹配 11 个，共 1,000 个')).toBeTruthy();
    expect(queries().at(-1)?.search).toBe('u99');
  });

  describe('alerts and ignored users', () => {
    const alert = journalEntry('token-expired:mx1-0', [
      ['u5', '13900000005'],
      ['u7', '13900000007'],
    ]);

    afterEach(() => window.history.replaceState(null, '', location.pathname));

    it('shows exactly the users a clicked alert named, and everyone again on request', async () => {
      await fakeBrowser.storage.local.set({ alertJournal: [alert] });
      window.history.replaceState(null, '', `#alert=${encodeURIComponent(alert.id)}`);
      render(<Dashboard view={view(1000)} />);
      expect(await screen.findByText(/Showing the 2 users one alert named/)).toBeTruthy();
      await waitFor(() => expect(queries().at(-1)?.userIds).toEqual(['u5', 'u7']));
      fireEvent.click(screen.getByRole('button', { name: 'Show everyone' }));
      await waitFor(() => expect(queries().at(-1)?.userIds).toBeUndefined());
    });

    it('lists the alert history and leads from an alert to its users', async () => {
      await fakeBrowser.storage.local.set({ alertJournal: [alert] });
      render(<Dashboard view={view(1000)} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Alert history' }));
      expect(await screen.findByText('139****0005')).toBeTruthy();
      expect(location.hash).toBe('#history');
      fireEvent.click(screen.getByRole('button', { name: 'Show these users' }));
      await waitFor(() => expect(queries().at(-1)?.userIds).toEqual(['u5', 'u7']));
    });

    it('ignores a user from the list and filters by who is ignored', async () => {
      render(<Dashboard view={view(1000)} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Ignore u0: it will never alert' }));
      await waitFor(async () =>
        expect((await settingsItem.getValue()) as Settings).toMatchObject({ ignoredUsers: ['u0'] }),
      );
      fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'ignored' } });
      await waitFor(() => expect(queries().at(-1)?.show).toBe('ignored'));
    });
  });

  describe('CSV export', () => {
    const downloads: Array<{ name: string; blob: Blob }> = [];

    beforeEach(() => {
      downloads.length = 0;
      const blobs = new Map<string, Blob>();
      vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob as Blob);
        return url;
      });
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        downloads.push({ name: this.download, blob: blobs.get(this.href) as Blob });
      });
    });

    it('saves the list as a dated CSV file, without tokens by default', async () => {
      await store({ language: 'en' });
      render(<Dashboard view={view(1)} />);
      const checkbox = (await screen.findByRole('checkbox', { name: 'Include tokens' })) as HTMLInputElement;
      expect(checkbox.checked).toBe(false);
      fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      await waitFor(() => expect(downloads).toHaveLength(1));
      expect(sendMessage).toHaveBeenCalledWith('exportCsv', { includeTokens: false });
      const today = new Date();
      const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      expect(downloads[0]?.name).toBe(`expired-tokens-${date}.csv`);
      // Byte for byte what the worker made, byte order mark included: Excel needs it to read UTF-8.
      const bytes = new Uint8Array(await (downloads[0] as { blob: Blob }).blob.arrayBuffer());
      expect([...bytes]).toEqual([...new TextEncoder().encode(CSV)]);
      expect(downloads[0]?.blob.type).toBe('text/csv;charset=utf-8');
      expect(await screen.findByText(`Saved expired-tokens-${date}.csv`)).toBeTruthy();
    });

    it('includes tokens only when asked, and warns about it', async () => {
      await store({ language: 'zh_CN' });
      render(<Dashboard view={view(1)} />);
      fireEvent.click(await screen.findByRole('checkbox', { name: '包含 Token' }));
      expect(screen.getByText('导出的文件将包含全部 Token，请妥善保管。')).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
      await waitFor(() => expect(sendMessage).toHaveBeenCalledWith('exportCsv', { includeTokens: true }));
    });

    it('says so when the export fails', async () => {
      await store({ language: 'en' });
      vi.mocked(sendMessage).mockRejectedValue(new Error('Receiving end does not exist.'));
      render(<Dashboard view={view(1)} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
      expect(await screen.findByText('Export failed: the background service did not answer.')).toBeTruthy();
      expect(downloads).toHaveLength(0);
    });
  });
});

describe('dashboard with several servers', () => {
  const roundsOf = (count: number, newExpired: number): RoundSummary[] =>
    Array.from({ length: count }, (_, index) => ({
      round: index + 1,
      duration: 10,
      totalUsers: 80,
      newExpired,
      completedAt: '2025-09-03T09:27:57.108204',
    }));

  const servers: ServerView[] = [
    {
      id: 'default',
      label: '生产',
      connection: { phase: 'open', url: 'ws://prod:8765', since: Date.now() },
      hasSnapshot: true,
      round: { round: 51, phase: 'running', current: 10, total: 410, percentage: 2.4, expiredFound: 0, duration: null },
      totalExpired: 600,
      history,
    },
    {
      id: 's2',
      label: '测试',
      connection: { phase: 'connecting', url: 'ws://test:8765', attempt: 1, since: Date.now() },
      hasSnapshot: true,
      round: { round: 12, phase: 'completed', current: 80, total: 80, percentage: 100, expiredFound: 2, duration: 10 },
      totalExpired: 400,
      history: roundsOf(12, 2),
    },
  ];

  const several = (change: Partial<MonitorView> = {}): MonitorView => ({ ...view(1000), servers, ...change });

  it('shows each server at a glance in place of the one round', async () => {
    await store({ language: 'en' });
    render(<Dashboard view={several()} />);
    const list = await screen.findByRole('list', { name: 'Servers' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((row) => row.querySelector('.server__state')?.textContent),
    ).toEqual(['Connected', 'Connecting']);
    expect(within(list).getByText('Round 51 · 2.4%')).toBeTruthy();
    expect(within(list).getByText('400 expired')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('draws the rounds of one server at a time, the one picked', async () => {
    await store({ language: 'en' });
    const { container } = render(<Dashboard view={several()} />);
    expect(
      await screen.findByRole('img', { name: 'Duration and new expiries of the last 50 rounds on 生产' }),
    ).toBeTruthy();
    expect(container.querySelectorAll('.chart__bar')).toHaveLength(50);
    const picker = screen.getByRole('combobox', { name: 'Rounds of' });
    expect([...(picker as HTMLSelectElement).options].map((option) => option.text)).toEqual(['生产', '测试']);
    fireEvent.change(picker, { target: { value: 's2' } });
    expect(screen.getByRole('img', { name: 'Duration and new expiries of the last 50 rounds on 测试' })).toBeTruthy();
    expect(container.querySelectorAll('.chart__bar')).toHaveLength(12);
    expect(container.querySelector('.chart__round title')?.textContent).toBe('Round 1: 10 sec, 2 newly expired');
  });

  it('falls back to the first server when the one picked for the chart is removed', async () => {
    await store({ language: 'en' });
    const { rerender } = render(<Dashboard view={several()} />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Rounds of' }), { target: { value: 's2' } });
    const third = { ...(servers[1] as ServerView), id: 's3', label: '备用' };
    rerender(<Dashboard view={several({ servers: [servers[0] as ServerView, third] })} />);
    expect(screen.getByRole('img', { name: 'Duration and new expiries of the last 50 rounds on 生产' })).toBeTruthy();
  });

  it('narrows the list to one server, and names the server of each row', async () => {
    await store({ language: 'zh_CN' });
    render(<Dashboard view={several()} />);
    await screen.findByText('139****0000');
    expect(screen.getByRole('columnheader', { name: '服务器' })).toBeTruthy();
    expect(screen.getAllByText('生产', { selector: '.xrow__server' }).length).toBeGreaterThan(0);
    fireEvent.change(screen.getByRole('combobox', { name: '服务器' }), { target: { value: 's2' } });
    await waitFor(() =>
      expect(queries().at(-1)).toEqual({
        search: '',
        sort: 'newest',
        show: 'all',
        server: 's2',
        offset: 0,
        limit: 100,
      }),
    );
    expect(await screen.findByText('匹配 1,000 个，共 1,000 个')).toBeTruthy();
  });

  it('shows the users of an alert from one server on that server only', async () => {
    const alert = journalEntry('token-expired:mx2-0', [['u5', '13900000005']]);
    const fromTest = { ...alert, users: alert.users.map((user) => ({ ...user, server: 's2' })) };
    await fakeBrowser.storage.local.set({ alertJournal: [fromTest] });
    window.history.replaceState(null, '', `#alert=${encodeURIComponent(alert.id)}`);
    try {
      render(<Dashboard view={several()} />);
      await waitFor(() => expect(queries().at(-1)).toMatchObject({ userIds: ['u5'], server: 's2' }));
    } finally {
      window.history.replaceState(null, '', location.pathname);
    }
  });

  it('keeps the CSV export of every server', async () => {
    await store({ language: 'en' });
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/0');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<Dashboard view={several()} />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Server' }), { target: { value: 's2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalledOnce());
    expect(sendMessage).toHaveBeenCalledWith('exportCsv', { includeTokens: false });
  });
});
