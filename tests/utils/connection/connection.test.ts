import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ConnectionStatus, createConnection, DEFAULT_TIMING } from '../../../utils/connection';
import { fakeEnvironment } from '../../fakes/fake-socket';

const URL_A = 'ws://localhost:8765';
const URL_B = 'wss://monitor.example.com/ws';

const setup = (random?: () => number) => {
  const fake = fakeEnvironment(random);
  const frames: string[] = [];
  const statuses: ConnectionStatus[] = [];
  const connection = createConnection(fake.env, {
    onFrame: (text) => frames.push(text),
    onStatus: (status) => statuses.push(status),
    log: () => {},
  });
  return { ...fake, connection, frames, statuses };
};

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('connection lifecycle', () => {
  it('connects, reports open and passes frames on', () => {
    const { connection, latest, frames } = setup();
    connection.start(URL_A);
    expect(connection.status()).toMatchObject({ phase: 'connecting', url: URL_A, attempt: 1 });
    latest().open();
    expect(connection.status()).toMatchObject({ phase: 'open', url: URL_A });
    latest().receive('{"type":"welcome"}');
    expect(frames).toEqual(['{"type":"welcome"}']);
  });

  it('keeps one socket when start races with itself', () => {
    const { connection, sockets } = setup();
    connection.start(URL_A);
    connection.start(URL_A);
    sockets[0]?.open();
    connection.start(URL_A);
    expect(sockets).toHaveLength(1);
  });

  it('ignores events of a socket it replaced', () => {
    const { connection, sockets, frames } = setup();
    connection.start(URL_A);
    const first = sockets[0];
    connection.reconnectNow();
    first?.receive('{"type":"pong"}');
    first?.drop();
    expect(frames).toEqual([]);
    expect(sockets).toHaveLength(2);
    expect(connection.status().phase).toBe('connecting');
  });

  it('reconnects after the server closes, even with a normal close code', () => {
    const { connection, latest, sockets } = setup();
    connection.start(URL_A);
    latest().open();
    latest().drop(1000, 'bye');
    expect(connection.status()).toMatchObject({ phase: 'waiting', problem: { kind: 'closed', closeCode: 1000 } });
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
  });

  it('backs off exponentially while the server stays away, within 30 s', () => {
    const { connection, latest } = setup(() => 0.999);
    connection.start(URL_A);
    const delays: number[] = [];
    for (let failure = 0; failure < 8; failure++) {
      latest().drop();
      const status = connection.status();
      if (status.phase !== 'waiting') throw new Error(`expected waiting, got ${status.phase}`);
      delays.push(status.retryAt - Date.now());
      vi.advanceTimersByTime(status.retryAt - Date.now());
    }
    expect(delays[0]).toBeLessThanOrEqual(1000);
    expect(delays.slice(0, 5)).toEqual([...delays.slice(0, 5)].sort((a, b) => a - b));
    expect(Math.max(...delays)).toBeLessThanOrEqual(30_000);
    expect(delays.at(-1)).toBeGreaterThan(29_000);
  });

  it('resets the backoff after a minute of stable connection', () => {
    const { connection, latest } = setup(() => 0.999);
    connection.start(URL_A);
    for (let failure = 0; failure < 5; failure++) {
      latest().drop();
      vi.runOnlyPendingTimers();
    }
    latest().open();
    vi.advanceTimersByTime(DEFAULT_TIMING.stableMs / 2);
    latest().receive('{"type":"pong"}');
    vi.advanceTimersByTime(DEFAULT_TIMING.stableMs / 2);
    expect(connection.status().phase).toBe('open');
    latest().drop();
    const status = connection.status();
    expect(status.phase === 'waiting' && status.retryAt - Date.now()).toBeLessThanOrEqual(1000);
  });

  it('abandons a connect attempt that hangs for 10 s', () => {
    const { connection, sockets } = setup();
    connection.start(URL_A);
    vi.advanceTimersByTime(9_999);
    expect(connection.status().phase).toBe('connecting');
    vi.advanceTimersByTime(1);
    expect(connection.status()).toMatchObject({ phase: 'waiting', problem: { kind: 'timeout' } });
    expect(sockets[0]?.closedWith).not.toBeNull();
  });

  it('sends the protocol ping every 20 s while open', () => {
    const { connection, latest } = setup();
    connection.start(URL_A);
    latest().open();
    vi.advanceTimersByTime(19_999);
    expect(latest().sent).toEqual([]);
    vi.advanceTimersByTime(1);
    latest().receive('{"type":"pong"}');
    vi.advanceTimersByTime(20_000);
    expect(latest().sent.map((frame) => JSON.parse(frame))).toEqual([
      { type: 'ping', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) },
      { type: 'ping', timestamp: expect.any(String) },
    ]);
    expect(connection.lastPingAt()).toBe(Date.now());
  });

  it('replaces a socket that stays silent for 45 s', () => {
    const { connection, latest, sockets } = setup();
    connection.start(URL_A);
    latest().open();
    vi.advanceTimersByTime(30_000);
    latest().receive('{"type":"pong"}');
    vi.advanceTimersByTime(44_999);
    expect(connection.status().phase).toBe('open');
    vi.advanceTimersByTime(1);
    expect(connection.status()).toMatchObject({ phase: 'waiting', problem: { kind: 'silent' } });
    expect(sockets[0]?.closedWith).not.toBeNull();
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
  });

  it('moves to a new URL at once', () => {
    const { connection, sockets } = setup();
    connection.start(URL_A);
    sockets[0]?.open();
    connection.start(URL_B);
    expect(sockets.map((socket) => socket.url)).toEqual([URL_A, URL_B]);
    expect(sockets[0]?.closedWith).not.toBeNull();
  });

  it('stops for good when monitoring is turned off', () => {
    const { connection, latest, sockets } = setup();
    connection.start(URL_A);
    latest().open();
    connection.stop();
    expect(connection.status()).toEqual({ phase: 'off' });
    vi.advanceTimersByTime(10 * 60_000);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.closedWith?.code).toBe(1000);
  });

  it('reports a URL the browser refuses as a problem and keeps retrying', () => {
    const fake = fakeEnvironment();
    fake.env.createSocket = () => {
      throw new SyntaxError('The URL is invalid');
    };
    const connection = createConnection(fake.env, { onFrame: () => {}, onStatus: () => {}, log: () => {} });
    connection.start('ws://');
    expect(connection.status()).toMatchObject({ phase: 'waiting', problem: { kind: 'refused' } });
  });

  it('revives an overdue retry and leaves a live socket alone', () => {
    const { connection, latest, sockets } = setup();
    connection.start(URL_A);
    latest().drop();
    vi.setSystemTime(Date.now() + 5000);
    connection.ensure();
    expect(sockets).toHaveLength(2);
    latest().open();
    connection.ensure();
    expect(sockets).toHaveLength(2);
  });
});
