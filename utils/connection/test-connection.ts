import { createPing, parseServerMessage } from '../protocol';
import { type ServerUrlProblem, serverUrlProblem } from '../settings/server-url';
import { type ConnectionEnvironment, NORMAL_CLOSURE, type SocketLike } from './socket';

/** Where the exchange was when it ended: connecting, waiting for the server's first frame, or for the pong. */
export type TestStage = 'connect' | 'welcome' | 'pong';

export type TestProblem = 'invalid-url' | 'refused' | 'timeout' | 'closed' | 'not-token-monitor';

export type TestResult =
  | {
      ok: true;
      /** The round trip of our ping as measured here, in milliseconds. */
      latencyMs: number;
      /** The pong's own `latency_ms`; it compares two clocks, so it may differ from the round trip. */
      serverLatencyMs?: number;
    }
  | {
      ok: false;
      problem: TestProblem;
      stage: TestStage;
      /** Technical detail for the curious (close code, URL problem); English, not for the headline. */
      detail: string;
      /** Set for invalid-url, so the page can reuse the server-URL field's wording. */
      urlProblem?: ServerUrlProblem;
      /** Set when the server closed the socket. */
      closeCode?: number;
    };

/** The connection's surroundings, bar the randomness only its backoff needs: the page passes the real ones. */
export interface TestConnectionOptions extends Omit<ConnectionEnvironment, 'random'> {
  timeoutMs?: number;
}

type Failure = Extract<TestResult, { ok: false }>;

const describeClose = (event: CloseEvent) =>
  `close code ${event.code}${event.reason ? ` (${event.reason.slice(0, 120)})` : ''}`;

/**
 * Opens a socket to a Token Monitor server, waits for its first frame (the `welcome` of
 * token-monitor-ws-api.md), sends the protocol ping and waits for the `pong`. Resolves, never rejects,
 * and always closes its socket.
 */
export const testConnection = (
  url: string,
  { timeoutMs = 5000, ...env }: TestConnectionOptions,
): Promise<TestResult> => {
  const target = url.trim();
  const urlProblem = serverUrlProblem(target);
  if (urlProblem) {
    return Promise.resolve({ ok: false, problem: 'invalid-url', stage: 'connect', detail: urlProblem, urlProblem });
  }

  let socket: SocketLike;
  try {
    socket = env.createSocket(target);
  } catch (error) {
    // new WebSocket() throws a SyntaxError for URLs the URL parser accepted but WebSocket does not (a fragment).
    const detail = error instanceof Error ? error.message : String(error);
    return Promise.resolve({ ok: false, problem: 'invalid-url', stage: 'connect', detail });
  }

  return new Promise((resolve) => {
    let stage: TestStage = 'connect';
    let framesSeen = 0;
    let protocolFramesSeen = 0;
    let pingSentAt = 0;

    const finish = (result: TestResult) => {
      env.clearTimeout(timer);
      socket.onopen = null;
      socket.onmessage = null;
      socket.onerror = null;
      socket.onclose = null;
      try {
        socket.close(NORMAL_CLOSURE, 'connection test done');
      } catch {
        // Already closed, or a socket that refuses close arguments: nothing left to release either way.
      }
      resolve(result);
    };

    // Frames that arrived but never made sense mean another kind of server answered, which says more than
    // "timeout" or "closed" would.
    const failure = (problem: Failure['problem'], detail: string, extra: Partial<Failure> = {}): Failure =>
      framesSeen > 0 && protocolFramesSeen === 0
        ? { ok: false, problem: 'not-token-monitor', stage, detail: `${framesSeen} frame(s), none a protocol message` }
        : { ok: false, problem, stage, detail, ...extra };

    const timer = env.setTimeout(
      () => finish(failure('timeout', `no ${stage === 'connect' ? 'connection' : stage} within ${timeoutMs} ms`)),
      timeoutMs,
    );

    socket.onopen = () => {
      stage = 'welcome';
    };

    socket.onerror = () => {
      // Browsers hide why a socket failed (no status, no reason): an error before open is all we learn.
      if (stage === 'connect') finish({ ok: false, problem: 'refused', stage, detail: 'could not open the socket' });
      // After open, an error is always followed by close, which carries the code.
    };

    socket.onclose = (event) => {
      if (stage === 'connect') {
        finish({ ok: false, problem: 'refused', stage, detail: describeClose(event), closeCode: event.code });
        return;
      }
      finish(failure('closed', describeClose(event), { closeCode: event.code }));
    };

    socket.onmessage = (event) => {
      framesSeen += 1;
      const parsed = typeof event.data === 'string' ? parseServerMessage(event.data) : undefined;
      if (!parsed?.ok) return;
      protocolFramesSeen += 1;
      if (stage === 'welcome') {
        stage = 'pong';
        pingSentAt = env.now();
        socket.send(JSON.stringify(createPing(pingSentAt)));
        return;
      }
      // current_status and check_* may arrive before the pong; only the pong ends the test.
      if (stage === 'pong' && parsed.message.type === 'pong') {
        const serverLatency = parsed.message.latency_ms;
        finish({
          ok: true,
          latencyMs: Math.max(0, env.now() - pingSentAt),
          ...(serverLatency === undefined ? {} : { serverLatencyMs: serverLatency }),
        });
      }
    };
  });
};
