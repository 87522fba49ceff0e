import { tokenExpiredFrame } from '../simulator/messages.ts';
import { TokenModel } from '../simulator/token-model.ts';
import { initialMonitorState, type MonitorState, reduce } from '../utils/monitor';
import { wireUser } from './frames.ts';
import { type Spread, spread } from './measure.ts';
import { parsedOrThrow } from './parsed.ts';
import { parseParts, persistList, restoreList } from './stored-list.ts';
import { calibrate } from './time-per-op.ts';

/** The expired users of one size, measured on the simulator's own current_status for that many. */
export interface ScaleEntry {
  users: number;
  frameBytes: number;
  storedChars: number;
  /** Milliseconds per operation. */
  jsonParse: Spread;
  parse: Spread;
  /** The first snapshot into an empty state. */
  reduce: Spread;
  /** JSON.parse of the stored list string: the baseline of `restore`. */
  storedJsonParse: Spread;
  /** What a restarted worker does with the stored list (stored-list.ts). */
  restore: Spread;
  /** One token_expired of one user onto the state of this size. */
  tokenExpired: Spread;
  /** Heap the reduced state keeps alive, after full collections. */
  heapBytes: number;
}

export const SCALE_SIZES = [1_000, 10_000, 100_000, 300_000];
/** Users who are not expired ride along in the population, as on a real server; 300,000 as in the browser runs. */
const populationFor = (expired: number) => Math.max(300_000, expired + 100_000);
/** Fewer rounds for the biggest size: one round is about four seconds there, and the spread is small. */
const samplesFor = (expired: number) => (expired >= 300_000 ? 3 : 5);
const ROUND = 7;
const TOKEN_EXPIRED_SAMPLES = 7;

const statusFrame = (expired: number): string =>
  JSON.stringify(
    TokenModel.generate({ users: populationFor(expired), initialExpired: expired, seed: 42 }, Date.now()).currentStatus(
      false,
    ),
  );

const oneNewExpiry = (expired: number) =>
  parsedOrThrow(JSON.stringify(tokenExpiredFrame([wireUser(99, 0, Date.now())], expired + 1, ROUND, '')));

const collect = () => {
  if (!globalThis.gc) throw new Error('run the core child with --expose-gc: the heap figures need full collections');
  // Twice: the first collection can leave objects that only a second one frees (weak references, finalizers).
  globalThis.gc();
  globalThis.gc();
};

/**
 * Below this many users in all, the heap's own noise (code flushed or compiled during the build) is as large
 * as the state: small sizes are weighed as several independent copies, and the figure is per copy.
 */
const HEAP_USERS_WEIGHED = 100_000;

/**
 * Heap kept alive by the states `build` returns, after full collections on both sides, per state. The states
 * are read after the second measurement, which keeps them alive through it (and checks they are whole).
 */
const retainedBytes = (build: () => MonitorState, users: number): number => {
  const copies = Math.max(1, Math.ceil(HEAP_USERS_WEIGHED / users));
  collect();
  const before = process.memoryUsage().heapUsed;
  const states = Array.from({ length: copies }, build);
  collect();
  const after = process.memoryUsage().heapUsed;
  const whole = states.every((state) => state.expired.size === users);
  if (!whole) throw new Error(`a weighed state does not hold its ${users} users`);
  return (after - before) / copies;
};

type Op = () => unknown;

/**
 * Interleaved rounds, so a noisy stretch of the machine hits every step alike; each sample starts after a
 * full collection, so it pays for its own garbage and not for the snapshot-sized garbage of the step before.
 */
const timeInterleaved = (ops: Record<string, Op>, samples: number): Record<string, Spread> => {
  const timers = Object.entries(ops).map(([name, op]) => ({ name, time: calibrate(op) }));
  const results = new Map<string, number[]>(timers.map(({ name }) => [name, []]));
  for (let round = 0; round < samples; round++) {
    for (const { name, time } of timers) {
      collect();
      results.get(name)?.push(time());
    }
  }
  return Object.fromEntries([...results].map(([name, values]) => [name, spread(values)]));
};

const measureSize = (expired: number): ScaleEntry => {
  const raw = statusFrame(expired);
  const message = parsedOrThrow(raw);
  const state: MonitorState = reduce(initialMonitorState, message).state;
  const stored = persistList(state);
  const expiry = oneNewExpiry(expired);
  const times = timeInterleaved(
    {
      jsonParse: () => JSON.parse(raw),
      parse: () => parsedOrThrow(raw),
      reduce: () => reduce(initialMonitorState, message),
      storedJsonParse: () => parseParts(stored),
      restore: () => restoreList(stored),
    },
    samplesFor(expired),
  );
  // Apart from the steps above: calibrated among them, a microsecond step would pay the collector's debts
  // from the snapshot-sized garbage around it (about 0.5 ms a call at 100,000 when it was tried).
  collect();
  const { tokenExpired } = timeInterleaved({ tokenExpired: () => reduce(state, expiry) }, TOKEN_EXPIRED_SAMPLES);
  const heapBytes = retainedBytes(() => reduce(initialMonitorState, parsedOrThrow(raw)).state, state.expired.size);
  const pick = (name: string) => times[name] ?? spread([]);
  return {
    users: state.expired.size,
    frameBytes: Buffer.byteLength(raw),
    storedChars: stored.reduce((sum, part) => sum + part.length, 0),
    jsonParse: pick('jsonParse'),
    parse: pick('parse'),
    reduce: pick('reduce'),
    storedJsonParse: pick('storedJsonParse'),
    restore: pick('restore'),
    tokenExpired: tokenExpired ?? spread([]),
    heapBytes,
  };
};

/** Smallest first: the later sizes then run on code the engine has already optimised. */
export const measureScaling = (log: (line: string) => void): ScaleEntry[] =>
  SCALE_SIZES.map((expired) => {
    const entry = measureSize(expired);
    log(
      `  ${expired} expired: parse ${entry.parse.median.toFixed(1)} ms, heap ${(entry.heapBytes / 1e6).toFixed(1)} MB`,
    );
    return entry;
  });
