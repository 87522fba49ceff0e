import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionLine, type ConnectionLineProps } from '../../components/ConnectionLine';
import type { ConnectionStatus } from '../../utils/connection/connection-status';
import type { Locale } from '../../utils/i18n';
import { renderIn } from '../fixtures/render-in';

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

  it('says every server is connected, rather than naming one, when several are watched', () => {
    const { container } = connectionLine(
      { phase: 'open', url: URL, since: NOW - 1000 },
      { servers: { watched: 3, connected: 3 } },
      'zh_CN',
    );
    expect(container.querySelector('.connection__status')?.textContent).toBe('已连接全部 3 个服务器');
  });

  it('counts the servers connected when one is not, and names it in the tooltip only', () => {
    const { container } = connectionLine(waiting('refused'), { servers: { watched: 3, connected: 2 } });
    const status = container.querySelector('.connection__status');
    expect(status?.textContent).toBe('2 of 3 servers connected');
    expect(status?.getAttribute('title')).toBe(
      `2 of 3 servers connected\nNot connected: cannot reach ${URL}. Retrying in 5 s`,
    );
    expect(container.textContent).not.toContain('Is Token Monitor running?');
    expect(screen.getByRole('button', { name: 'Reconnect now' })).toBeTruthy();
  });

  it('says what the one server left on says, when the others are turned off', () => {
    const { container } = connectionLine(waiting('refused'), { servers: { watched: 1, connected: 0 } });
    expect(container.querySelector('.connection__status')?.textContent).toBe(
      `Not connected: cannot reach ${URL}. Retrying in 5 s`,
    );
  });
});
