// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Simulator, type SimulatorOptions, startSimulator } from '../../simulator/server.ts';
import type { ServerMessageOf } from '../../utils/protocol';
import { clients, connect, connected, ofType, type TestClient, waitFor } from '../fixtures/simulator-client';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

// Rounds only when a test asks for one, so what a test sees does not depend on timing.
const MANUAL: SimulatorOptions = {
  port: 0,
  users: 50,
  seed: 20250903,
  interval: 60,
  firstRoundDelay: 60,
  checkDuration: 0.3,
  progressInterval: 0.05,
  expireRate: 0.2,
  renewRate: 0,
  initialExpired: 4,
  statusInterval: 60,
  log: () => {},
};

const simulators: Simulator[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.terminate();
  await Promise.all(simulators.splice(0).map((simulator) => simulator.stop()));
});

const start = async (options: SimulatorOptions = {}): Promise<Simulator> => {
  const simulator = await startSimulator({ ...MANUAL, ...options });
  simulators.push(simulator);
  return simulator;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ping = (client: TestClient, sentAt = Date.now()) =>
  client.socket.send(JSON.stringify({ type: 'ping', timestamp: new Date(sentAt).toISOString() }));

const ids = (users: readonly { user_id: string }[]) => users.map((user) => user.user_id);

describe('simulator connection', () => {
  it('greets with welcome, then a current_status that lists every expired user', async () => {
    const simulator = await start({ initialExpired: 4 });
    const client = await connected(simulator);

    expect(client.messages.map((message) => message.type).slice(0, 2)).toEqual(['welcome', 'current_status']);
    const welcome = client.messages[0] as ServerMessageOf<'welcome'>;
    expect(welcome.message).toBe('WebSocket连接成功');
    expect(welcome.server_time).toMatch(TIMESTAMP);
    expect(welcome.client_address).toMatch(/^\('127\.0\.0\.1', \d+\)$/);

    const status = client.messages[1] as ServerMessageOf<'current_status'>;
    expect(status).toMatchObject({ total_expired: 4, check_round: 0, is_running: false, total_users: 50 });
    expect(status.expired_users).toHaveLength(status.total_expired);
    expect(new Set(ids(status.expired_users)).size).toBe(4);
    for (const user of status.expired_users) {
      expect(user.user_id).toMatch(/^\d{5,}$/);
      expect(user.phone).toMatch(/^1(3\d|5\d|8\d|9\d)\d{8}$/);
      expect(user.token).toMatch(/^[a-z0-9]{6}\.\.\.$/);
      expect(user.expired_time).toMatch(TIMESTAMP);
    }
    expect(client.problems).toEqual([]);
  });

  it('answers a ping with a pong carrying latency_ms, and ignores malformed frames', async () => {
    const lines: string[] = [];
    const simulator = await start({ log: (line) => lines.push(line) });
    const client = await connected(simulator);

    client.socket.send('not json');
    client.socket.send(JSON.stringify({ type: 'hello' }));
    client.socket.send(Buffer.from([1, 2, 3]));
    ping(client, Date.now() - 40);
    const pong = await waitFor(client, ofType('pong'));

    expect(pong.latency_ms).toBeGreaterThanOrEqual(40);
    expect(pong.latency_ms).toBeLessThan(5000);
    expect(Math.round((pong.latency_ms ?? 0) * 10) / 10).toBe(pong.latency_ms);
    expect(pong.timestamp).toMatch(TIMESTAMP);
    expect(pong.server_time).toBe(pong.timestamp);
    expect(simulator.stats().pingsReceived).toBe(1);
    expect(lines.filter((line) => line.startsWith('ignored'))).toHaveLength(3);
    expect(client.messages.filter((message) => message.type === 'pong')).toHaveLength(1);
    expect(client.problems).toEqual([]);
  });

  it('clamps latency_ms at zero when the ping claims to come from the future', async () => {
    const simulator = await start();
    const client = await connected(simulator);
    ping(client, Date.now() + 60_000);
    expect((await waitFor(client, ofType('pong'))).latency_ms).toBe(0);
  });
});

describe('simulator rounds', () => {
  it('runs a round: started, rising progress, token_expired after its progress, completed with its count', async () => {
    // 47 users: progress fractions like 7/47 need the rounding to one decimal.
    const simulator = await start({ users: 47, interval: 0.6, firstRoundDelay: 0.05, statusInterval: 60 });
    const client = await connected(simulator);
    const started = await waitFor(client, ofType('check_started'));
    const completed = await waitFor(
      client,
      ofType('check_completed', (m) => m.check_round === started.check_round),
    );

    const round = client.messages.slice(client.messages.indexOf(started), client.messages.indexOf(completed) + 1);
    // On a slow machine the client may join during round 1 and watch round 2: count from the last total before.
    const before = client.messages.slice(0, client.messages.indexOf(started));
    const baseline = before.findLast(
      (message) =>
        message.type === 'current_status' || message.type === 'token_expired' || message.type === 'check_completed',
    )?.total_expired;
    if (baseline === undefined) throw new Error('no total_expired before the round');
    expect(started.message).toBe(`开始第 ${started.check_round} 轮Token检查`);
    expect(started.timestamp).toMatch(TIMESTAMP);

    const progress = round.filter(ofType('check_progress'));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    let announced = 0;
    round.forEach((message, index) => {
      if (index === 0 || index === round.length - 1) return;
      if (message.type === 'check_progress') {
        const following = round[index + 1];
        const foundHere = following?.type === 'token_expired' ? following.expired_users.length : 0;
        expect(message.expired_found).toBe(announced + foundHere);
        expect(message.check_round).toBe(started.check_round);
        expect(message.percentage).toBe(Math.round((message.current / message.total) * 1000) / 10);
        return;
      }
      expect(message.type).toBe('token_expired');
      if (message.type !== 'token_expired') return;
      expect(round[index - 1]?.type).toBe('check_progress');
      expect(message.count).toBe(message.expired_users.length);
      expect(message.check_round).toBe(started.check_round);
      announced += message.expired_users.length;
      expect(message.total_expired).toBe(baseline + announced);
    });

    const currents = progress.map((message) => message.current);
    expect(currents).toEqual([...currents].sort((a, b) => a - b));
    expect(new Set(currents).size).toBe(currents.length);
    expect(progress.at(-1)).toMatchObject({ current: 47, total: 47, percentage: 100 });
    expect(progress.some((message) => !Number.isInteger(message.percentage))).toBe(true);

    expect(announced).toBeGreaterThan(0);
    expect(completed).toMatchObject({
      total_users: 47,
      new_expired_this_round: announced,
      total_expired: baseline + announced,
    });
    expect(completed.duration).toBeGreaterThanOrEqual(0.25);
    for (const text of client.raw) expect(text).not.toContain('new_expired_users');
    expect(client.problems).toEqual([]);
  });

  it('sends only frames that parseServerMessage reads without warnings', async () => {
    const simulator = await start({ statusInterval: 0.1 });
    const client = await connected(simulator);
    ping(client);
    const round = simulator.startRound();
    await waitFor(client, ofType('check_started'));
    simulator.expireNow(1);
    await round;
    simulator.expireNow(2);
    simulator.renew();
    await waitFor(
      client,
      ofType('current_status', (m) => m.total_expired === 0),
    );

    expect(new Set(client.messages.map((message) => message.type))).toEqual(
      new Set([
        'welcome',
        'current_status',
        'pong',
        'check_started',
        'check_progress',
        'token_expired',
        'check_completed',
      ]),
    );
    expect(client.messages).toHaveLength(client.raw.length);
    expect(client.problems).toEqual([]);
  });

  it('counts expiries requested during a round in that round', async () => {
    const simulator = await start({ expireRate: 0 });
    const client = await connected(simulator);
    const round = simulator.startRound();
    await waitFor(client, ofType('check_started'));
    const expired = simulator.expireNow(2);
    const late = (await connected(simulator)).messages[1];
    expect(late).toMatchObject({ type: 'current_status', is_running: true, check_round: 1, total_expired: 6 });
    const outcome = await round;

    const announcement = await waitFor(client, ofType('token_expired'));
    expect(announcement).toMatchObject({ count: 2, check_round: 1 });
    expect(ids(announcement.expired_users)).toEqual(ids(expired));
    expect(outcome.newExpiredUserIds).toEqual(ids(expired));
    const completed = await waitFor(client, ofType('check_completed'));
    expect(completed.new_expired_this_round).toBe(2);
  });

  it('renews users silently: they leave the expired set and the next current_status', async () => {
    const simulator = await start({ initialExpired: 4, renewRate: 1, expireRate: 0 });
    const before = (await connected(simulator)).messages[1] as ServerMessageOf<'current_status'>;
    const [first] = ids(before.expired_users);
    expect(simulator.renew([first ?? '', 'no-such-user'])).toEqual([first]);

    const after = (await connected(simulator)).messages[1] as ServerMessageOf<'current_status'>;
    expect(after.total_expired).toBe(3);
    expect(ids(after.expired_users)).not.toContain(first);

    const outcome = await simulator.startRound();
    expect(outcome.renewed).toBe(3);
    expect(simulator.stats().totalExpired).toBe(0);
  });

  it('is deterministic: the same seed gives the same population and the same first-round expiries', async () => {
    const [a, b, other] = await Promise.all([start({ seed: 42 }), start({ seed: 42 }), start({ seed: 43 })]);
    const [snapshotA, snapshotB, snapshotOther] = [a.snapshot(), b.snapshot(), other.snapshot()];
    expect(snapshotA.users).toEqual(snapshotB.users);
    expect(ids(snapshotA.expired)).toEqual(ids(snapshotB.expired));
    expect(snapshotOther.users).not.toEqual(snapshotA.users);

    const [roundA, roundB] = await Promise.all([a.startRound(), b.startRound()]);
    expect(roundA.newExpiredUserIds.length).toBeGreaterThan(0);
    expect(roundA.newExpiredUserIds).toEqual(roundB.newExpiredUserIds);
  });
});

describe('simulator controls', () => {
  it('restores a snapshot on the same port with the same expired set', async () => {
    const first = await start({ seed: 7, initialExpired: 5 });
    first.expireNow(3);
    await first.startRound();
    const snapshot = JSON.parse(JSON.stringify(first.snapshot())) as ReturnType<Simulator['snapshot']>;
    await first.stop();

    const second = await start({ port: first.port, state: snapshot, users: 3, initialExpired: 0 });
    expect(second.port).toBe(first.port);
    const status = (await connected(second)).messages[1] as ServerMessageOf<'current_status'>;
    expect(status.total_expired).toBeGreaterThanOrEqual(8);
    expect(status.expired_users.map(({ user_id, expired_time }) => ({ user_id, expired_time }))).toEqual(
      snapshot.expired,
    );
    expect(status).toMatchObject({ check_round: 1, total_users: 50, last_check: snapshot.lastCheck });
    expect(second.snapshot()).toEqual(snapshot);
  });

  it('dropClients cuts the connection without a close frame', async () => {
    const simulator = await start();
    const client = await connected(simulator);
    expect(simulator.dropClients()).toBe(1);
    expect(await client.closed).toBe(1006);
    await sleep(50);
    expect(simulator.stats()).toMatchObject({ clientsConnected: 0, connectionsAccepted: 1 });
  });

  it('setSilent sends nothing, not even a pong, while rounds go on; speaking resumes afterwards', async () => {
    const simulator = await start();
    const client = await connected(simulator);
    const received = client.raw.length;

    simulator.setSilent(true);
    ping(client);
    await simulator.startRound();
    simulator.expireNow(1);
    await sleep(100);
    expect(client.raw.length).toBe(received);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    expect(simulator.stats()).toMatchObject({ pingsReceived: 1, checkRound: 1, silent: true });
    expect(simulator.stats().framesSuppressed).toBeGreaterThan(0);

    simulator.setSilent(false);
    ping(client);
    await waitFor(client, ofType('pong'));
    expect(client.raw.length).toBe(received + 1);
  });

  it('broadcastRaw delivers a frame verbatim', async () => {
    const simulator = await start();
    const client = await connected(simulator);
    expect(simulator.broadcastRaw('{"type":"mystery"}')).toBe(1);
    await sleep(50);
    expect(client.raw.at(-1)).toBe('{"type":"mystery"}');
    expect(client.problems).toEqual(['unknown-type: {"type":"mystery"}']);
    expect(simulator.stats().messagesSent.raw).toBe(1);
  });

  it('announces expireNow to every client with one token_expired', async () => {
    const simulator = await start({ initialExpired: 4 });
    const [one, two] = await Promise.all([connected(simulator), connected(simulator)]);
    const expired = simulator.expireNow(2);
    expect(expired).toHaveLength(2);

    for (const client of [one, two]) {
      const message = await waitFor(client, ofType('token_expired'));
      expect(message).toMatchObject({ count: 2, total_expired: 6, check_round: 0 });
      expect(ids(message.expired_users)).toEqual(ids(expired));
    }
    expect(simulator.stats().messagesSent.token_expired).toBe(2);
  });

  it('offers the same controls over HTTP on the same port', async () => {
    const simulator = await start({ initialExpired: 1 });
    const client = await connected(simulator);
    const base = simulator.url.replace('ws://', 'http://');

    const expire = await fetch(`${base}/control/expire?count=2`, { method: 'POST' });
    expect(expire.status).toBe(200);
    const expired = (await expire.json()) as { expired: string[] };
    expect(ids((await waitFor(client, ofType('token_expired'))).expired_users)).toEqual(expired.expired);

    const state = (await (await fetch(`${base}/control/state`)).json()) as { totalExpired: number };
    expect(state.totalExpired).toBe(3);
    expect((await fetch(`${base}/control/round`, { method: 'POST' })).status).toBe(202);
    await waitFor(client, ofType('check_started'));
    expect((await fetch(`${base}/control/silence?on=maybe`, { method: 'POST' })).status).toBe(400);
    expect((await fetch(`${base}/control/round`)).status).toBe(405);
    expect((await fetch(`${base}/control/nothing`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/control/drop`, { method: 'POST' })).status).toBe(200);
    expect(await client.closed).toBe(1006);
  });

  it('stop closes clients with 1001', async () => {
    const simulator = await start();
    const client = await connected(simulator);
    await simulator.stop();
    expect(await client.closed).toBe(1001);
  });

  it('rejects impossible options', async () => {
    await expect(start({ users: 0 })).rejects.toThrow('--users must be an integer from 1');
    await expect(start({ interval: 1, checkDuration: 2 })).rejects.toThrow('--check-duration must be shorter');
    await expect(start({ users: 3, initialExpired: 4 })).rejects.toThrow('--initial-expired must not exceed');
  });
});

describe('simulator at scale', () => {
  it('serves a current_status for 100,000 of 300,000 users', { timeout: 15_000 }, async () => {
    const simulator = await start({ users: 300_000, initialExpired: 100_000 });
    const client = await connect(simulator.url);
    const status = await waitFor(client, ofType('current_status'), 10_000);
    expect(status.total_expired).toBe(100_000);
    expect(status.expired_users).toHaveLength(100_000);
    expect(client.problems).toEqual([]);
  });
});
