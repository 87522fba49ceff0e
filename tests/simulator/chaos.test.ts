// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  type ChaosOptions,
  type ChaosSimulator,
  FAULT_KINDS,
  type FaultKind,
  JUNK_VARIANTS,
  startChaosSimulator,
  type TruthEntry,
} from '../../simulator/chaos.ts';
import { isRecord, type Received, typeOf, type Watcher, watch } from '../fixtures/chaos-watcher';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

// No scheduled faults and no rounds unless a test asks: what a test sees does not depend on chance or timing.
const QUIET: ChaosOptions = {
  port: 0,
  users: 60,
  seed: 42,
  faultInterval: 0,
  faultTimeScale: 0.01,
  interval: 60,
  firstRoundDelay: 60,
  checkDuration: 0.3,
  progressInterval: 0.05,
  expireRate: 0.1,
  renewRate: 0,
  initialExpired: 4,
  statusInterval: 60,
  log: () => {},
};

// Everything fast: rounds every half second, a fault every ~30 ms, silences and downtimes of a few tens of ms
// (a "long" silence is ~0.25 s), so a few seconds hold dozens of faults of every kind.
const FRANTIC: ChaosOptions = {
  port: 0,
  users: 80,
  faultInterval: 0.03,
  faultTimeScale: 0.005,
  interval: 0.5,
  firstRoundDelay: 0.05,
  checkDuration: 0.2,
  progressInterval: 0.05,
  expireRate: 0.05,
  renewRate: 0.1,
  initialExpired: 5,
  statusInterval: 0.3,
  log: () => {},
};

const simulators: ChaosSimulator[] = [];
const watchers: Watcher[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(watchers.splice(0).map((watcher) => watcher.stop()));
  await Promise.all(simulators.splice(0).map((simulator) => simulator.stop()));
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const start = async (options: ChaosOptions = {}): Promise<ChaosSimulator> => {
  const simulator = await startChaosSimulator({ ...QUIET, ...options });
  simulators.push(simulator);
  return simulator;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const watching = async (simulator: ChaosSimulator): Promise<Watcher> => {
  const watcher = watch(simulator.url);
  watchers.push(watcher);
  await watcher.waitFor((frame) => typeOf(frame) === 'current_status');
  return watcher;
};

const frameAt = (watcher: Watcher, count: number) => (frame: Received) => watcher.frames.indexOf(frame) >= count;

/** The expiries a frame tells of, read the way a client of the document reads them. */
const pairsOf = (frame: Received): string[] => {
  const { value } = frame;
  if (!isRecord(value)) return [];
  let list: unknown;
  if (value.type === 'current_status') list = value.expired_users;
  else if (value.type === 'token_expired') list = value.expired_users ?? value.new_expired_users;
  if (!Array.isArray(list)) return [];
  return list.flatMap((user: unknown) =>
    isRecord(user) && typeof user.user_id === 'string' && typeof user.expired_time === 'string'
      ? [`${user.user_id} @ ${user.expired_time}`]
      : [],
  );
};

const truthPairs = (simulator: ChaosSimulator): string[] =>
  simulator.truth().expiries.map((entry) => `${entry.user_id} @ ${entry.expired_time}`);

const statusesOf = (watcher: Watcher) =>
  watcher.frames.filter((frame) => typeOf(frame) === 'current_status').map((frame) => frame.value as StatusFrame);

interface StatusFrame {
  check_round: number;
  total_expired: number;
  expired_users: { user_id: string; expired_time: string }[];
}

const comparable = (simulator: ChaosSimulator, count: number) =>
  simulator
    .faultLog()
    .filter((record) => !record.manual)
    .slice(0, count)
    .map(({ index, kind, params }) => ({ index, kind, params }));

describe('chaos schedule', () => {
  it('is the same for the same seed, and a run long enough has every kind of fault', { timeout: 30_000 }, async () => {
    const seed = 42;
    const [a, b] = await Promise.all([start({ ...FRANTIC, seed }), start({ ...FRANTIC, seed })]);
    expect(a.plan(60)).toEqual(b.plan(60));
    expect(a.plan(60).map((fault) => fault.kind)).not.toEqual(
      (await start({ ...QUIET, seed: seed + 1 })).plan(60).map((fault) => fault.kind),
    );
    expect(new Set(a.plan(100).map((fault) => fault.kind))).toEqual(new Set(FAULT_KINDS));

    // A client on one of them changes what the faults touch, but not which faults come, nor when.
    await watching(a);
    const enough = (simulator: ChaosSimulator) => simulator.faultLog().filter((record) => record.endedAt).length >= 100;
    const deadline = Date.now() + 25_000;
    while (!(enough(a) && enough(b)) && Date.now() < deadline) await sleep(50);

    expect(comparable(a, 100)).toEqual(comparable(b, 100));
    expect(comparable(a, 100)).toEqual(a.plan(100).map(({ index, kind, params }) => ({ index, kind, params })));
    for (const kind of FAULT_KINDS) expect(a.faults()[kind], kind).toBeGreaterThan(0);
  });

  it('rejects a host other than loopback and unknown fault kinds', async () => {
    await expect(start({ host: '0.0.0.0' })).rejects.toThrow('--host must be a loopback address');
    await expect(start({ faultKinds: ['drop', 'meteor' as FaultKind] })).rejects.toThrow('--faults knows no meteor');
  });
});

describe('chaos ground truth', () => {
  it('holds exactly the expiries a client that reads every frame was sent', { timeout: 30_000 }, async () => {
    const simulator = await start({ ...FRANTIC, seed: 7 });
    const watcher = await watching(simulator);
    // Every kind once more by hand, between the scheduled ones, so none is left to chance.
    for (const kind of FAULT_KINDS) await simulator.triggerFault(kind);
    for (const variant of JUNK_VARIANTS) await simulator.triggerFault('junk', { variant });
    await sleep(2000);
    await simulator.stop();
    await watcher.stop();
    const faultsRun = simulator.faultLog().length;
    await sleep(200);
    expect(simulator.faultLog()).toHaveLength(faultsRun);

    const seen = new Set(watcher.frames.flatMap(pairsOf));
    const truth = truthPairs(simulator);
    expect(new Set(truth).size).toBe(truth.length);
    expect(truth.length).toBeGreaterThan(50);
    expect([...seen].filter((pair) => !truth.includes(pair))).toEqual([]);
    expect(truth.filter((pair) => !seen.has(pair))).toEqual([]);

    const counts = simulator.faults();
    for (const kind of FAULT_KINDS) expect(counts[kind], kind).toBeGreaterThan(0);
    // Which closes this client saw depends on whether it was connected at the time; the codes do not.
    expect(watcher.connections).toBeGreaterThan(3);
    for (const code of watcher.closes) expect([1001, 1006, 1011]).toContain(code);
    for (const entry of simulator.truth().expiries) expect(entry.expired_time).toMatch(TIMESTAMP);
  });

  it('records each pair once with when it was first sent, the faults, and every change of total_expired', async () => {
    const simulator = await start();
    const before = Date.now();
    const watcher = await watching(simulator);
    const expired = simulator.expireNow(2);
    await watcher.waitFor((frame) => typeOf(frame) === 'token_expired');
    await simulator.triggerFault('drop');
    await watcher.waitFor(frameAt(watcher, watcher.frames.length));

    const truth = simulator.truth();
    const expiries = truth.expiries;
    expect(expiries).toHaveLength(6);
    expect(expiries.slice(0, 4).every((entry) => entry.frame === 'current_status')).toBe(true);
    expect(expiries.slice(4).map((entry) => [entry.user_id, entry.frame])).toEqual(
      expired.map((user) => [user.user_id, 'token_expired']),
    );
    for (const entry of expiries) {
      expect(entry.at).toBeGreaterThanOrEqual(before - 5);
      expect(entry.at).toBeLessThanOrEqual(Date.now() + 5);
      expect(entry.time).toBe(new Date(entry.at).toISOString());
    }
    expect(truth.faults.map((fault) => [fault.kind, fault.manual, fault.effect.clients])).toEqual([['drop', true, 1]]);
    expect(truth.totalExpired).toBe(6);
    const totals = truth.entries.filter((entry) => entry.event === 'total').map((entry) => entry.total_expired);
    expect(totals).toEqual([4, 6]);
    expect(truth.entries.map((entry) => entry.event)).toContain('fault_end');
  });

  it('counts a pair as heard once a socket that carried it stayed open a second, not when it closed at once', async () => {
    const simulator = await start({ initialExpired: 0 });
    const doomed = await watching(simulator);
    const [lost] = simulator.expireNow(1);
    await doomed.waitFor((frame) => typeOf(frame) === 'token_expired');
    await doomed.stop();
    // The renewal takes it off the list before any other client hears of it.
    simulator.renew([lost?.user_id ?? '']);
    const lasting = await watching(simulator);
    const [kept] = simulator.expireNow(1);
    await lasting.waitFor((frame) => typeOf(frame) === 'token_expired');
    await sleep(1300);
    expect(truthPairs(simulator)).toEqual([
      `${lost?.user_id} @ ${lost?.expired_time}`,
      `${kept?.user_id} @ ${kept?.expired_time}`,
    ]);
    expect(simulator.truth().heard).toEqual([`${kept?.user_id}@${kept?.expired_time}`]);
  });

  it('does not count what a silence kept back or what went to nobody', async () => {
    const simulator = await start({ initialExpired: 0 });
    const watcher = await watching(simulator);
    const silenced = simulator.triggerFault('silence', { durationMs: 400, silence: 'lose' });
    await sleep(20);
    const [quiet] = simulator.expireNow(1);
    await sleep(100);
    expect(watcher.frames.some((frame) => typeOf(frame) === 'token_expired')).toBe(false);
    expect(watcher.isOpen()).toBe(true);
    expect(simulator.truth().expiries).toEqual([]);
    // Only sockets open when the silence began are half-open: a new client is served.
    const late = await watching(simulator);
    const status = statusesOf(late).at(-1);
    expect(status?.expired_users.map((user) => user.user_id)).toEqual([quiet?.user_id]);
    expect(truthPairs(simulator)).toEqual([`${quiet?.user_id} @ ${quiet?.expired_time}`]);
    expect((await silenced).effect).toMatchObject({ clients: 1, mode: 'lose' });

    const stalled = simulator.triggerFault('silence', { durationMs: 200, silence: 'stall' });
    await sleep(20);
    const received = watcher.frames.length;
    const [held] = simulator.expireNow(1);
    await sleep(50);
    expect(watcher.frames).toHaveLength(received);
    expect((await stalled).effect).toMatchObject({ clients: 2, mode: 'stall', flushed: 2, lost: 0 });
    const delivered = await watcher.waitFor((frame) => typeOf(frame) === 'token_expired');
    expect(pairsOf(delivered)).toEqual([`${held?.user_id} @ ${held?.expired_time}`]);
  });

  it('writes the log as JSON lines to a file and serves it at GET /control/truth', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chaos-truth-'));
    tempDirs.push(dir);
    const file = join(dir, 'truth.jsonl');
    const simulator = await start({ truthFile: file });
    const watcher = await watching(simulator);
    simulator.expireNow(1);
    await watcher.waitFor((frame) => typeOf(frame) === 'token_expired');
    await simulator.triggerFault('junk', { variant: 'not-json' });

    const base = simulator.url.replace('ws://', 'http://');
    const served = (await (await fetch(`${base}/control/truth`)).json()) as {
      expiries: unknown[];
      totalExpired: number;
    };
    expect(served.expiries).toHaveLength(5);
    expect(served.totalExpired).toBe(5);
    const state = (await (await fetch(`${base}/control/state`)).json()) as { listening: boolean; faultsRun: number };
    expect(state).toMatchObject({ listening: true, faultsRun: 1 });
    expect((await fetch(`${base}/control/expire?count=1`, { method: 'POST' })).status).toBe(200);
    await simulator.stop();

    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as TruthEntry);
    expect(entries[0]).toMatchObject({ event: 'start', port: simulator.port, details: { seed: 42 } });
    expect(entries.at(-1)).toMatchObject({ event: 'stop' });
    expect(entries.filter((entry) => entry.event === 'expiry')).toHaveLength(6);
    expect(entries.find((entry) => entry.event === 'fault')).toMatchObject({
      kind: 'junk',
      params: { variant: 'not-json' },
    });
    expect(entries).toEqual(simulator.truth().entries);
  });
});

describe('chaos faults', () => {
  it('closes with 1006 (no close frame), 1001 and 1011', async () => {
    const simulator = await start();
    const watcher = await watching(simulator);
    for (const kind of ['drop', 'close-1001', 'close-1011'] as const) {
      const connections = watcher.connections;
      await simulator.triggerFault(kind);
      await watcher.waitFor((frame) => frame.connection > connections && typeOf(frame) === 'current_status');
    }
    expect(watcher.closes).toEqual([1006, 1001, 1011]);
    expect(simulator.faults()).toMatchObject({ drop: 1, 'close-1001': 1, 'close-1011': 1, restart: 0 });
  });

  it('restarts on the same port: refused meanwhile, then the same state, or a new one from a lower check_round', async () => {
    const simulator = await start();
    const watcher = await watching(simulator);
    await simulator.startRound();
    await simulator.startRound();
    const before = statusesOf(await watching(simulator)).at(-1) as StatusFrame;
    expect(before.check_round).toBe(2);

    const kept = simulator.triggerFault('restart', { durationMs: 300, keepState: true, cut: 'terminate' });
    while (simulator.isListening()) await sleep(5);
    await expect(
      new Promise((resolve, reject) => {
        const probe = new WebSocket(simulator.url);
        probe.on('open', resolve);
        probe.on('error', reject);
      }),
    ).rejects.toThrow(/ECONNREFUSED/);
    const keptRecord = await kept;
    expect(simulator.isListening()).toBe(true);
    expect(keptRecord.effect).toMatchObject({ restarted: true, checkRoundBefore: 2, checkRoundAfter: 2 });
    const connections = watcher.connections;
    const again = await watcher.waitFor(
      (frame) => frame.connection > connections && typeOf(frame) === 'current_status',
    );
    expect((again.value as StatusFrame).check_round).toBe(2);
    expect((again.value as StatusFrame).expired_users).toEqual(before.expired_users);
    expect(watcher.closes.at(-1)).toBe(1006);

    const latestBefore =
      before.expired_users
        .map((user) => user.expired_time)
        .sort()
        .at(-1) ?? '';
    const reset = await simulator.triggerFault('restart', { durationMs: 100, keepState: false, cut: 'close-1001' });
    expect(reset.effect).toMatchObject({ restarted: true, keepState: false, checkRoundAfter: 0 });
    const fresh = await watcher.waitFor(
      (frame) => frame.connection > connections + 1 && typeOf(frame) === 'current_status',
    );
    const status = fresh.value as StatusFrame;
    expect(status.check_round).toBeLessThan(before.check_round);
    expect(status.expired_users.length).toBeGreaterThan(0);
    expect(status.expired_users).not.toEqual(before.expired_users);
    for (const user of status.expired_users) {
      expect(user.expired_time).toMatch(TIMESTAMP);
      expect(user.expired_time > latestBefore).toBe(true);
    }
    expect(watcher.closes.at(-1)).toBe(1001);
    expect(simulator.port).toBe(Number(new URL(simulator.url).port));
    expect((await simulator.startRound()).checkRound).toBe(1);
  });

  it('re-expires a user with a new, later expired_time, announced by token_expired', async () => {
    const simulator = await start({ initialExpired: 3 });
    const watcher = await watching(simulator);
    const record = await simulator.triggerFault('re-expire', { users: 2, gapMs: 50 });
    const users = record.effect.users as { user_id: string; previous: string; expired_time: string }[];
    expect(users).toHaveLength(2);
    const announced = await watcher.waitFor((frame) => typeOf(frame) === 'token_expired');
    expect(pairsOf(announced)).toEqual(users.map((user) => `${user.user_id} @ ${user.expired_time}`));
    for (const user of users) {
      expect(user.expired_time).toMatch(TIMESTAMP);
      expect(user.expired_time > user.previous).toBe(true);
      const truth = simulator.truth().expiries.filter((entry) => entry.user_id === user.user_id);
      expect(truth.map((entry) => entry.expired_time)).toEqual([user.previous, user.expired_time]);
    }
    const status = statusesOf(await watching(simulator)).at(-1) as StatusFrame;
    expect(status.total_expired).toBe(3);
    expect(status.expired_users).toEqual(
      expect.arrayContaining(
        users.map(({ user_id, expired_time }) => expect.objectContaining({ user_id, expired_time })),
      ),
    );
  });

  it('sends junk of every variant, and the server keeps serving', async () => {
    const simulator = await start();
    const watcher = await watching(simulator);
    const received = watcher.frames.length;
    for (const variant of JUNK_VARIANTS) {
      const record = await simulator.triggerFault('junk', { variant });
      expect(record.effect).toMatchObject({ variant, delivered: 1 });
    }
    const junk = () => watcher.frames.slice(received);
    while (junk().length < JUNK_VARIANTS.length) await watcher.waitFor(frameAt(watcher, received + junk().length));

    const [notJson, notObject, binary, unknownType, wrongTypes, protoKeys, legacy, huge] = junk();
    expect(notJson?.value).toBeUndefined();
    expect(isRecord(notObject?.value)).toBe(false);
    expect(binary?.binary?.length).toBeGreaterThan(0);
    expect(['token_expired', 'current_status']).not.toContain(typeOf(unknownType as Received));
    expect(pairsOf(wrongTypes as Received)).toEqual([]);
    expect(protoKeys?.text).toContain('"__proto__"');
    expect(protoKeys?.text).toContain('"constructor"');
    expect(pairsOf(protoKeys as Received)).toEqual([]);
    expect(legacy?.value).toMatchObject({ type: 'token_expired' });
    expect(legacy?.value).not.toHaveProperty('expired_users');
    expect(pairsOf(legacy as Received).length).toBeGreaterThan(0);
    expect(huge?.text?.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(pairsOf(huge as Received)).toEqual([]);

    // Only the legacy frame told of expiries, and the truth log says so.
    const legacyEntries = simulator.truth().expiries.filter((entry) => entry.legacy);
    expect(legacyEntries.map((entry) => `${entry.user_id} @ ${entry.expired_time}`)).toEqual(
      pairsOf(legacy as Received),
    );
    expect(truthPairs(simulator)).toHaveLength(4 + legacyEntries.length);

    watcher.socket()?.send(JSON.stringify({ type: 'ping', timestamp: new Date().toISOString() }));
    await watcher.waitFor((frame) => typeOf(frame) === 'pong');
    const round = await simulator.startRound();
    await watcher.waitFor((frame) => typeOf(frame) === 'check_completed');
    expect(round.aborted).toBe(false);
    expect(simulator.stats().messagesSent.junk).toBe(JUNK_VARIANTS.length);
  });

  it('duplicates a frame, swaps two, bursts, and renews silently', async () => {
    const simulator = await start({ initialExpired: 4 });
    const watcher = await watching(simulator);

    let mark = watcher.frames.length;
    const duplicated = await simulator.triggerFault('duplicate', { users: 2 });
    await watcher.waitFor(frameAt(watcher, mark + 1));
    const [first, second] = watcher.frames.slice(mark);
    expect(typeOf(first as Received)).toBe('token_expired');
    expect(second?.text).toBe(first?.text);
    expect(pairsOf(first as Received)).toHaveLength(2);
    expect(duplicated.effect.users).toHaveLength(2);

    mark = watcher.frames.length;
    const reordered = await simulator.triggerFault('reorder', { users: 1 });
    await watcher.waitFor(frameAt(watcher, mark + 1));
    const [status, expiry] = watcher.frames.slice(mark);
    expect([typeOf(status as Received), typeOf(expiry as Received)]).toEqual(['current_status', 'token_expired']);
    expect(pairsOf(status as Received)).toEqual(expect.arrayContaining(pairsOf(expiry as Received)));
    expect(reordered.effect.users).toHaveLength(1);

    mark = watcher.frames.length;
    const burst = await simulator.triggerFault('burst', { users: 30, frames: 3, gapMs: 10 });
    await watcher.waitFor(frameAt(watcher, mark + 2));
    const announcements = watcher.frames.slice(mark).filter((frame) => typeOf(frame) === 'token_expired');
    expect(announcements.map((frame) => pairsOf(frame).length)).toEqual([10, 10, 10]);
    expect(burst.effect.users).toHaveLength(30);
    expect(simulator.stats().totalExpired).toBe(4 + 2 + 1 + 30);

    mark = watcher.frames.length;
    const renewed = (await simulator.triggerFault('renew', { users: 3 })).effect.users as string[];
    expect(renewed).toHaveLength(3);
    await sleep(50);
    expect(watcher.frames).toHaveLength(mark);
    const after1 = statusesOf(await watching(simulator)).at(-1) as StatusFrame;
    expect(after1.total_expired).toBe(37 - 3);
    for (const id of renewed) expect(after1.expired_users.map((user) => user.user_id)).not.toContain(id);
  });

  it('stops every fault under way and refuses new ones after stop', async () => {
    const simulator = await start();
    const pending = simulator.triggerFault('silence', { durationMs: 60_000 });
    while (simulator.stats().activeFault !== 'silence') await sleep(5);
    const started = Date.now();
    await simulator.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await pending).endedAt).not.toBeNull();
    await expect(simulator.triggerFault('drop')).rejects.toThrow('stopped');
    expect(simulator.isListening()).toBe(false);
  });
});
