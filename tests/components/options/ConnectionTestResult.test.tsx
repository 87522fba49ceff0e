import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionTestResult } from '../../../components/options/ConnectionTestResult';
import type { TestResult } from '../../../utils/connection/test-connection';
import type { Locale } from '../../../utils/i18n';
import { renderIn } from '../../fixtures/render-in';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('connection test result', () => {
  const show = (result: TestResult, locale: Locale = 'en') => {
    renderIn(
      locale,
      <ConnectionTestResult state={{ phase: 'done', url: 'ws://localhost:8765', result }} timeoutMs={5000} />,
    );
    return screen.getByRole('status');
  };

  it('shows nothing before a test', () => {
    renderIn('en', <ConnectionTestResult state={{ phase: 'idle' }} timeoutMs={5000} />);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('shows the round trip in milliseconds', () => {
    const status = show({ ok: true, latencyMs: 12.4, serverLatencyMs: 3 });
    expect(status.textContent).toBe('Connected — 12 ms');
    expect(status.className).toContain('ok');
  });

  it('shows the round trip in Chinese', () => {
    expect(show({ ok: true, latencyMs: 40 }, 'zh_CN').textContent).toBe('连接成功，往返 40 毫秒');
  });

  it.each<[string, TestResult, string]>([
    [
      'refused',
      { ok: false, problem: 'refused', stage: 'connect', detail: 'could not open the socket' },
      'Could not connect. Check the address and port',
    ],
    [
      'timeout while connecting',
      { ok: false, problem: 'timeout', stage: 'connect', detail: '' },
      'No connection within 5 s',
    ],
    [
      'timeout waiting for welcome',
      { ok: false, problem: 'timeout', stage: 'welcome', detail: '' },
      'Connected, but the server sent nothing within 5 s.',
    ],
    [
      'timeout waiting for pong',
      { ok: false, problem: 'timeout', stage: 'pong', detail: '' },
      'Connected, but the server did not answer the ping within 5 s.',
    ],
    [
      'closed',
      { ok: false, problem: 'closed', stage: 'pong', detail: 'close code 1011', closeCode: 1011 },
      'The server closed the connection (code 1011).',
    ],
    [
      'not-token-monitor',
      { ok: false, problem: 'not-token-monitor', stage: 'welcome', detail: '2 frame(s)' },
      'it is not a Token Monitor server',
    ],
    [
      'invalid-url',
      { ok: false, problem: 'invalid-url', stage: 'connect', detail: 'wrong-scheme', urlProblem: 'wrong-scheme' },
      'The address must start with ws:// or wss://.',
    ],
  ])('explains %s', (_name, result, text) => {
    const status = show(result);
    expect(status.textContent).toContain(text);
    expect(status.className).toContain('error');
  });

  it('adds the technical detail under a failure', () => {
    const status = show({ ok: false, problem: 'refused', stage: 'connect', detail: 'close code 1006' });
    expect(status.textContent).toContain('Details: close code 1006');
  });
});
