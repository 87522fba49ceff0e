import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What the control routes need from a simulator, and no more: the simulator satisfies it structurally, so this
 * module depends on nothing and the server imports it, never the other way round. Tests call the same methods
 * on the simulator directly.
 */
export interface ControlTarget {
  startRound(): Promise<unknown>;
  expireNow(count: number): readonly { user_id: string }[];
  renew(userIds?: readonly string[]): readonly string[];
  dropClients(): number;
  setSilent(on: boolean): void;
  broadcastRaw(text: string): number;
  /** The whole state; `GET /control/state?full=1` returns it as it is. */
  snapshot(): { expired: readonly { user_id: string }[] };
  /** Counters; `GET /control/state` returns all of them. */
  stats(): { checkRound: number; totalExpired: number };
  /** Chaos mode's ground-truth log, for `GET /control/truth`; a plain simulator has none. */
  truth?(): unknown;
}

type Reply = { status: number; body: unknown };

interface Route {
  method: 'GET' | 'POST';
  handle: (target: ControlTarget, query: URLSearchParams, body: string) => Reply;
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const badRequest = (error: string): Reply => ({ status: 400, body: { error } });

const MAX_EXPIRE_COUNT = 10_000_000;
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const ROUTES: Record<string, Route> = {
  '/control/round': {
    method: 'POST',
    handle: (target) => {
      void target.startRound();
      return { status: 202, body: { check_round: target.stats().checkRound } };
    },
  },
  '/control/expire': {
    method: 'POST',
    handle: (target, query) => {
      const count = Number(query.get('count') ?? '1');
      if (!Number.isInteger(count) || count < 1 || count > MAX_EXPIRE_COUNT) {
        return badRequest(`count must be an integer from 1 to ${MAX_EXPIRE_COUNT}`);
      }
      const users = target.expireNow(count);
      return ok({ expired: users.map((user) => user.user_id), total_expired: target.stats().totalExpired });
    },
  },
  '/control/renew': {
    method: 'POST',
    handle: (target, query) => {
      const ids = query.get('user_ids');
      const renewed = target.renew(ids === null ? undefined : ids.split(',').filter((id) => id !== ''));
      return ok({ renewed, total_expired: target.stats().totalExpired });
    },
  },
  '/control/drop': { method: 'POST', handle: (target) => ok({ dropped: target.dropClients() }) },
  '/control/silence': {
    method: 'POST',
    handle: (target, query) => {
      const on = query.get('on');
      if (on !== '1' && on !== '0') return badRequest('on must be 1 or 0');
      target.setSilent(on === '1');
      return ok({ silent: on === '1' });
    },
  },
  '/control/raw': { method: 'POST', handle: (target, _query, body) => ok({ delivered: target.broadcastRaw(body) }) },
  '/control/state': {
    method: 'GET',
    handle: (target, query) => {
      const snapshot = target.snapshot();
      if (query.get('full') === '1') return ok(snapshot);
      return ok({ ...target.stats(), expired_user_ids: snapshot.expired.map((user) => user.user_id) });
    },
  },
  '/control/truth': {
    method: 'GET',
    handle: (target) =>
      target.truth ? ok(target.truth()) : { status: 404, body: { error: 'the truth log exists in chaos mode only' } },
  },
};

const USAGE = [
  'Token Monitor simulator. Connect a WebSocket client to this address.',
  '',
  'Controls:',
  '  POST /control/round                 begin a round now',
  '  POST /control/expire?count=N        expire N valid users now (token_expired to all clients)',
  '  POST /control/renew[?user_ids=a,b]  renew those users (all expired users without user_ids)',
  '  POST /control/drop                  cut every client connection without a close frame',
  '  POST /control/silence?on=1|0        stop/resume sending anything (half-open connection)',
  '  POST /control/raw                   send the request body verbatim to every client',
  '  GET  /control/state[?full=1]        counters and expired user ids (full=1: the whole snapshot)',
  '  GET  /control/truth                 chaos mode: every expiry made known, every fault, total_expired',
  '',
].join('\n');

const respond = (response: ServerResponse, { status, body }: Reply): void => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(`${JSON.stringify(body)}\n`);
};

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) request.destroy(new Error('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

const handle = async (target: ControlTarget, request: IncomingMessage, response: ServerResponse) => {
  const url = new URL(request.url ?? '/', 'http://simulator.invalid');
  if (url.pathname === '/' && request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(USAGE);
    return;
  }
  const route = ROUTES[url.pathname];
  if (!route) return respond(response, { status: 404, body: { error: `no such endpoint: ${url.pathname}` } });
  if (request.method !== route.method) {
    response.setHeader('allow', route.method);
    return respond(response, { status: 405, body: { error: `use ${route.method} for ${url.pathname}` } });
  }
  const body = route.method === 'POST' ? await readBody(request) : '';
  respond(response, route.handle(target, url.searchParams, body));
};

/** An http request listener for the control endpoints; the WebSocket shares the same server and port. */
export const controlHandler =
  (target: ControlTarget, log: (line: string) => void) => (request: IncomingMessage, response: ServerResponse) => {
    handle(target, request, response).catch((error: unknown) => {
      log(`control request ${request.method ?? ''} ${request.url ?? ''} failed: ${String(error)}`);
      if (!response.headersSent) respond(response, { status: 500, body: { error: String(error) } });
      else response.destroy();
    });
  };
