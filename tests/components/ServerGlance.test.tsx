import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ServerGlance } from '../../components/ServerGlance';
import type { ServerView } from '../../utils/monitor/monitor-view';
import { renderIn } from '../fixtures/render-in';

afterEach(cleanup);

const NOW = new Date(2025, 8, 3, 9, 30, 0).getTime();

const servers: ServerView[] = [
  {
    id: 'default',
    label: '生产',
    connection: { phase: 'open', url: 'ws://prod:8765', since: NOW - 60_000 },
    hasSnapshot: true,
    round: { round: 4, phase: 'running', current: 120, total: 410, percentage: 29.3, expiredFound: 1, duration: null },
    totalExpired: 3,
    history: [],
  },
  {
    id: 's2',
    label: 'staging:8765',
    connection: {
      phase: 'waiting',
      url: 'ws://staging:8765',
      attempt: 2,
      retryAt: NOW + 5000,
      problem: { kind: 'refused' },
    },
    hasSnapshot: true,
    round: { round: 9, phase: 'completed', current: 80, total: 80, percentage: 100, expiredFound: 0, duration: 4 },
    totalExpired: 0,
    history: [{ round: 9, duration: 4, totalUsers: 80, newExpired: 0, completedAt: '2025-09-03T09:28:00' }],
  },
  {
    id: 's3',
    label: '测试',
    connection: { phase: 'off' },
    hasSnapshot: false,
    round: null,
    totalExpired: 0,
    history: [],
  },
];

const rowTexts = () =>
  screen
    .getAllByRole('listitem')
    .map((row) => [...row.querySelectorAll('span:not([aria-hidden])')].map((cell) => cell.textContent).filter(Boolean));

describe('ServerGlance', () => {
  it('gives each server a row: its name, its state in words, its round or last check, its expired count', () => {
    renderIn('en', <ServerGlance servers={servers} now={NOW} />);
    expect(screen.getByRole('list', { name: 'Servers' })).toBeTruthy();
    expect(rowTexts()).toEqual([
      ['生产', 'Connected', 'Round 4 · 29.3%', '3 expired'],
      ['staging:8765', 'Not connected', 'Checked 2 minutes ago', '0 expired'],
      ['测试', 'Off', 'Not checked yet', '0 expired'],
    ]);
  });

  it('says in Chinese too, and why a server is not connected', () => {
    renderIn('zh_CN', <ServerGlance servers={servers} now={NOW} />);
    const [, staging] = screen.getAllByRole('listitem');
    const state = within(staging as HTMLElement).getByText('未连接');
    expect(state.getAttribute('title')).toBe('未连接：无法连接 ws://staging:8765。5 秒后重试');
    expect(within(staging as HTMLElement).getByText('上次检查 2分钟前')).toBeTruthy();
    expect(screen.getByText('3 个过期').classList).toContain('server__expired--some');
  });

  it('marks each state for its colour as well as its words', () => {
    const { container } = renderIn('en', <ServerGlance servers={servers} now={NOW} />);
    expect([...container.querySelectorAll('.server')].map((row) => row.getAttribute('data-phase'))).toEqual([
      'open',
      'waiting',
      'off',
    ]);
  });

  it('scrolls past the rows it may show, and can then be scrolled from the keyboard', () => {
    const { rerender } = renderIn('en', <ServerGlance servers={servers} now={NOW} visibleRows={2} />);
    const list = screen.getByRole('list', { name: 'Servers' });
    expect(list.tabIndex).toBe(0);
    expect(list.classList).toContain('servers--scrolls');
    rerender(<ServerGlance servers={servers} now={NOW} visibleRows={3} />);
    expect(screen.getByRole('list').hasAttribute('tabindex')).toBe(false);
  });
});
