import { createPing } from '../protocol';
import type { TimerHandle } from '../timers';
import { backoffDelay } from './backoff';
import type { ConnectionProblem, ConnectionStatus } from './connection-status';
import { type ConnectionTiming, DEFAULT_TIMING } from './connection-timing';
import { type ConnectionEnvironment, NORMAL_CLOSURE, type SocketLike } from './socket';

export interface ConnectionListener {
  onFrame(text: string): void;
  onStatus(status: ConnectionStatus): void;
  log(line: string): void;
}

export interface Connection {
  /** Watch this URL. Calling it again with the same URL while connected or connecting does nothing. */
  start(url: string): void;
  /** Stop watching: close the socket, cancel retries. */
  stop(): void;
  /** Replace the socket now, skipping any wait. */
  reconnectNow(): void;
  /** Revive a connection whose retry is overdue (after the browser suspended the worker's timers). */
  ensure(): void;
  status(): ConnectionStatus;
  /** When the last heartbeat ping went out, to measure the round trip when its pong arrives. */
  lastPingAt(): number | null;
}

type Timer = 'connect' | 'heartbeat' | 'silence' | 'stable' | 'retry';

const frameText = (data: unknown) => (typeof data === 'string' ? data : null);

/**
 * One WebSocket at a time to the Token Monitor server, kept alive and replaced when it fails. Every socket
 * event checks that it comes from the current socket, so events of a replaced socket can never race the
 * new one into a second connection.
 */
export const createConnection = (
  env: ConnectionEnvironment,
  listener: ConnectionListener,
  timing: ConnectionTiming = DEFAULT_TIMING,
): Connection => {
  let url: string | null = null;
  let socket: SocketLike | null = null;
  let failures = 0;
  let pingAt: number | null = null;
  let current: ConnectionStatus = { phase: 'off' };
  const timers = new Map<Timer, TimerHandle>();

  const setStatus = (status: ConnectionStatus) => {
    current = status;
    listener.onStatus(status);
  };

  const schedule = (timer: Timer, ms: number, callback: () => void) => {
    cancel(timer);
    timers.set(
      timer,
      env.setTimeout(() => {
        timers.delete(timer);
        callback();
      }, ms),
    );
  };

  const cancel = (timer: Timer) => {
    const handle = timers.get(timer);
    if (handle !== undefined) env.clearTimeout(handle);
    timers.delete(timer);
  };

  const cancelAll = () => {
    for (const timer of [...timers.keys()]) cancel(timer);
  };

  const discardSocket = (code: number, reason: string) => {
    const old = socket;
    socket = null;
    if (!old) return;
    old.onopen = old.onmessage = old.onclose = old.onerror = null;
    try {
      old.close(code, reason);
    } catch {
      // Closing a socket that never opened may throw in some implementations; it is gone either way.
    }
  };

  const fail = (problem: ConnectionProblem) => {
    discardSocket(4000, problem.kind);
    cancelAll();
    if (url === null) return setStatus({ phase: 'off' });
    const delay = backoffDelay(failures, env.random, timing.backoff);
    failures += 1;
    listener.log(
      `connection ${problem.kind}${problem.closeCode ? ` (${problem.closeCode})` : ''}; retry in ${delay} ms`,
    );
    setStatus({ phase: 'waiting', url, attempt: failures, retryAt: env.now() + delay, problem });
    schedule('retry', delay, connect);
  };

  const heartbeat = (target: SocketLike) => {
    schedule('heartbeat', timing.heartbeatMs, () => {
      if (socket !== target) return;
      pingAt = env.now();
      target.send(JSON.stringify(createPing(pingAt)));
      heartbeat(target);
    });
  };

  /**
   * A socket silent for silenceMs is replaced. Frames only move the deadline: the one timer, when it fires,
   * waits out whatever is left, so a flood of frames costs no timer calls.
   */
  let lastFrameAt = 0;
  const watchSilence = (ms: number) =>
    schedule('silence', ms, () => {
      const quietFor = env.now() - lastFrameAt;
      if (quietFor >= timing.silenceMs) fail({ kind: 'silent' });
      else watchSilence(timing.silenceMs - quietFor);
    });
  const expectFrameSoon = () => {
    lastFrameAt = env.now();
    if (!timers.has('silence')) watchSilence(timing.silenceMs);
  };

  const onOpen = (target: SocketLike, targetUrl: string) => {
    cancel('connect');
    setStatus({ phase: 'open', url: targetUrl, since: env.now() });
    heartbeat(target);
    expectFrameSoon();
    schedule('stable', timing.stableMs, () => {
      failures = 0;
    });
  };

  const onMessage = (data: unknown) => {
    expectFrameSoon();
    const text = frameText(data);
    if (text === null) listener.log('ignored a binary frame: the protocol is JSON text');
    else listener.onFrame(text);
  };

  function connect() {
    discardSocket(NORMAL_CLOSURE, 'replaced');
    cancelAll();
    if (url === null) return setStatus({ phase: 'off' });
    const targetUrl = url;
    let target: SocketLike;
    try {
      target = env.createSocket(targetUrl);
    } catch (error) {
      return fail({ kind: 'refused', detail: error instanceof Error ? error.message : String(error) });
    }
    socket = target;
    pingAt = null;
    setStatus({ phase: 'connecting', url: targetUrl, attempt: failures + 1, since: env.now() });
    schedule('connect', timing.connectTimeoutMs, () => fail({ kind: 'timeout' }));
    target.onopen = () => socket === target && onOpen(target, targetUrl);
    target.onmessage = (event) => socket === target && onMessage(event.data);
    // An error is always followed by a close event, which carries the code: act once, there.
    target.onerror = () => socket === target && listener.log('socket error');
    target.onclose = (event) => {
      if (socket !== target) return;
      const opened = current.phase === 'open';
      fail({ kind: opened ? 'closed' : 'refused', closeCode: event.code, detail: event.reason || undefined });
    };
  }

  return {
    start(next) {
      const busy = current.phase === 'open' || current.phase === 'connecting';
      if (next === url && busy) return;
      if (next !== url) failures = 0;
      url = next;
      connect();
    },
    stop() {
      url = null;
      discardSocket(NORMAL_CLOSURE, 'monitoring turned off');
      cancelAll();
      setStatus({ phase: 'off' });
    },
    reconnectNow() {
      if (url === null) return;
      failures = 0;
      connect();
    },
    ensure() {
      if (current.phase === 'waiting' && current.retryAt <= env.now()) connect();
    },
    status: () => current,
    lastPingAt: () => pingAt,
  };
};
