import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SocketLike } from '../../../utils/connection';
import { type TestConnectionOptions, type TestResult, testConnection } from '../../../utils/connection/test-connection';
import { pingSchema } from '../../../utils/protocol';

const WELCOME = JSON.stringify({
  type: 'welcome',
  message: 'WebSocket连接成功',
  server_time: '2025-09-03T09:26:58.653925',
});
const STATUS = JSON.stringify({ type: 'current_status', total_expired: 0, expired_users: [] });
const pong = (latency?: number) =>
  JSON.stringify({ type: 'pong', timestamp: '2025-09-03T09:27:28.657779', latency_ms: latency });

/** A socket the test drives by hand: nothing happens until the test says so. */
class FakeSocket implements SocketLike {
  static instances: FakeSocket[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  readonly sent: string[] = [];
  closeCalls = 0;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }

  send(data: string) {
    this.sent.push(data);
  }

  close() {
    this.closeCalls += 1;
  }

  serverOpens() {
    this.onopen?.(new Event('open'));
  }

  serverSends(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }

  fails() {
    this.onerror?.(new Event('error'));
  }

  serverCloses(code: number, reason = '') {
    this.onclose?.({ code, reason, wasClean: code !== 1006 } as CloseEvent);
  }
}

const lastSocket = () => {
  const socket = FakeSocket.instances.at(-1);
  if (!socket) throw new Error('testConnection did not open a socket');
  return socket;
};

let clock = 0;

/** Sockets of the given kind, the test's clock, and timers that vi.useFakeTimers() drives. */
const environment = (Socket: new (url: string) => FakeSocket = FakeSocket): TestConnectionOptions => ({
  createSocket: (url) => new Socket(url),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
  now: () => clock,
});

const start = (url = 'ws://localhost:8765', timeoutMs = 5000) => {
  let result: TestResult | undefined;
  const promise = testConnection(url, { ...environment(), timeoutMs }).then((value) => {
    result = value;
    return value;
  });
  // Lets the test ask "has it settled yet?" after each server event.
  const settled = async () => {
    await Promise.resolve();
    return result;
  };
  return { promise, settled };
};

beforeEach(() => {
  FakeSocket.instances = [];
  clock = 1_000_000;
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('testConnection', () => {
  it('reports the measured round trip of the protocol ping, and the server latency', async () => {
    const { promise, settled } = start();
    const socket = lastSocket();
    expect(socket.url).toBe('ws://localhost:8765');

    socket.serverOpens();
    expect(socket.sent).toEqual([]);
    socket.serverSends(WELCOME);
    expect(socket.sent).toHaveLength(1);
    const ping = pingSchema.parse(JSON.parse(socket.sent[0] ?? ''));
    expect(ping.timestamp).toBe(new Date(1_000_000).toISOString());

    clock += 5;
    socket.serverSends(STATUS);
    expect(await settled(), 'a status frame is not the pong').toBeUndefined();

    clock += 7;
    socket.serverSends(pong(12.5));
    expect(await promise).toEqual({ ok: true, latencyMs: 12, serverLatencyMs: 12.5 });
    expect(socket.closeCalls).toBe(1);
  });

  it('leaves serverLatencyMs out when the pong has no latency_ms', async () => {
    const { promise } = start();
    const socket = lastSocket();
    socket.serverOpens();
    socket.serverSends(WELCOME);
    clock += 3;
    socket.serverSends(pong());
    expect(await promise).toEqual({ ok: true, latencyMs: 3 });
  });

  it('trims the address before connecting', async () => {
    start('  wss://monitor.example.com/ws  ');
    expect(lastSocket().url).toBe('wss://monitor.example.com/ws');
  });

  it.each([
    ['http://example.com', 'wrong-scheme'],
    ['not a url', 'not-a-url'],
  ] as const)('refuses %s without opening a socket', async (url, urlProblem) => {
    const result = await testConnection(url, environment());
    expect(result).toMatchObject({ ok: false, problem: 'invalid-url', urlProblem });
    expect(FakeSocket.instances).toHaveLength(0);
  });

  it('reports invalid-url when the WebSocket constructor throws', async () => {
    class ThrowingSocket extends FakeSocket {
      constructor(url: string) {
        super(url);
        throw new SyntaxError('fragments are not allowed');
      }
    }
    const result = await testConnection('ws://localhost:8765/#x', environment(ThrowingSocket));
    expect(result).toMatchObject({ ok: false, problem: 'invalid-url', detail: 'fragments are not allowed' });
  });

  it('reports refused when the socket fails before it opens, and closes it', async () => {
    const { promise } = start();
    const socket = lastSocket();
    socket.fails();
    socket.serverCloses(1006);
    expect(await promise).toMatchObject({ ok: false, problem: 'refused', stage: 'connect' });
    expect(socket.closeCalls).toBe(1);
  });

  it('reports refused when the socket closes before it opens', async () => {
    const { promise } = start();
    lastSocket().serverCloses(1006);
    expect(await promise).toMatchObject({ ok: false, problem: 'refused', closeCode: 1006 });
  });

  it.each([
    ['connect', (_socket: FakeSocket) => {}],
    ['welcome', (socket: FakeSocket) => socket.serverOpens()],
    [
      'pong',
      (socket: FakeSocket) => {
        socket.serverOpens();
        socket.serverSends(WELCOME);
      },
    ],
  ] as const)('times out while waiting for %s, and closes the socket', async (stage, progress) => {
    const { promise, settled } = start('ws://localhost:8765', 5000);
    const socket = lastSocket();
    progress(socket);
    await vi.advanceTimersByTimeAsync(4999);
    expect(await settled(), 'not before the timeout').toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(await promise).toMatchObject({ ok: false, problem: 'timeout', stage });
    expect(socket.closeCalls).toBe(1);
  });

  it('defaults to a 5 second timeout', async () => {
    const { promise, settled } = start('ws://localhost:8765', undefined);
    await vi.advanceTimersByTimeAsync(4999);
    expect(await settled()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(await promise).toMatchObject({ problem: 'timeout' });
  });

  it('reports closed with the code when the server hangs up after opening', async () => {
    const { promise } = start();
    const socket = lastSocket();
    socket.serverOpens();
    socket.serverSends(WELCOME);
    socket.fails();
    socket.serverCloses(1011, 'internal error');
    expect(await promise).toMatchObject({ ok: false, problem: 'closed', stage: 'pong', closeCode: 1011 });
    expect(socket.closeCalls).toBe(1);
  });

  it('reports not-token-monitor when frames arrive but none is a protocol message', async () => {
    const { promise } = start();
    const socket = lastSocket();
    socket.serverOpens();
    socket.serverSends('hello from an echo server');
    socket.serverSends(JSON.stringify({ type: 'chat', text: 'hi' }));
    socket.serverSends(new ArrayBuffer(4));
    expect(socket.sent, 'no ping to a stranger').toEqual([]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await promise).toMatchObject({ ok: false, problem: 'not-token-monitor' });
    expect(socket.closeCalls).toBe(1);
  });

  it('reports not-token-monitor when such a server hangs up', async () => {
    const { promise } = start();
    const socket = lastSocket();
    socket.serverOpens();
    socket.serverSends('<html>');
    socket.serverCloses(1000);
    expect(await promise).toMatchObject({ ok: false, problem: 'not-token-monitor' });
  });

  it('ignores socket events after it has settled', async () => {
    const { promise } = start();
    const socket = lastSocket();
    socket.serverOpens();
    socket.serverSends(WELCOME);
    socket.serverSends(pong(1));
    await promise;
    socket.serverCloses(1006);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await promise).toMatchObject({ ok: true });
    expect(socket.closeCalls).toBe(1);
  });
});
