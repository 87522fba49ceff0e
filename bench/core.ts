import { performance } from 'node:perf_hooks';
import { tokenExpiredFrame } from '../simulator/messages.ts';
import { TokenModel } from '../simulator/token-model.ts';
import { queryExpired, sortExpired, toCsv } from '../utils/expired';
import {
  fromStoredMonitorState,
  initialMonitorState,
  type MonitorState,
  reduce,
  storedMonitorStateSchema,
  summaryOf,
} from '../utils/monitor';
import { parseServerMessage, type ServerMessage } from '../utils/protocol';
import { countTokenExpired, roundFrames, wireUser } from './frames.ts';
import {
  fmtSpread,
  mapSpread,
  megabytes,
  ms,
  num,
  ratio,
  type SectionReport,
  type Spread,
  spread,
  type Table,
  timeRuns,
} from './measure.ts';

/** Plain data only: the run happens in a child process and comes back as JSON. */
export interface CoreResults {
  mix: {
    frames: number;
    tokenExpiredFrames: number;
    /** Milliseconds per pass over all frames. */
    jsonParse: Spread;
    parse: Spread;
    parseReduce: Spread;
  };
  big: {
    users: number;
    chars: number;
    bytes: number;
    jsonParse: Spread;
    parse: Spread;
    reduceFirst: Spread;
    reduceSame: Spread;
    /** The "no change" snapshot still built a new Map (which bumps expiredVersion in the worker). */
    sameReplacedMap: boolean;
    sameEffects: number;
    tokenExpiredOnBig: Spread;
    sortNewest: Spread;
    search: Spread;
    searchMatched: number;
    csv: Spread;
    csvBytes: number;
    persist: Spread;
    persistChars: number;
    restore: Spread;
  };
}

const MIX_FRAMES = 20_000;
/** About one progress slice in twenty finds an expiry at the simulator's default rate and population. */
const TOKEN_EXPIRED_EVERY = 20;
const MIX_PASSES = 5;
const BIG_RUNS = 3;
const BIG_USERS = 100_000;
const POPULATION = 300_000;
const ROUND = 7;

// Each result is folded into a number the caller keeps, so the engine cannot drop the work as unused.
let sink = 0;

const passJsonParse = (frames: readonly string[]) => {
  for (const frame of frames) sink += (JSON.parse(frame) as { type: string }).type.length;
};

const passParse = (frames: readonly string[]) => {
  for (const frame of frames) sink += parseServerMessage(frame).ok ? 1 : 0;
};

/** What the worker does per frame minus the browser: parse, then reduce into the state it keeps. */
const passParseReduce = (frames: readonly string[]) => {
  let state: MonitorState = initialMonitorState;
  for (const frame of frames) {
    const result = parseServerMessage(frame);
    if (result.ok) state = reduce(state, result.message).state;
  }
  sink += state.expired.size;
};

/** Interleaved passes, after one warm-up each, so drift on a noisy machine hits all three alike. */
const measureMix = (): CoreResults['mix'] => {
  const { frames } = roundFrames({
    count: MIX_FRAMES,
    round: ROUND,
    total: POPULATION,
    expiryEvery: TOKEN_EXPIRED_EVERY,
  });
  const passes = [passJsonParse, passParse, passParseReduce];
  for (const pass of passes) pass(frames);
  const samples: number[][] = passes.map(() => []);
  for (let run = 0; run < MIX_PASSES; run++) {
    for (const [index, pass] of passes.entries()) samples[index]?.push(...timeRuns(1, () => pass(frames)));
  }
  const [jsonParse = [], parse = [], parseReduce = []] = samples;
  return {
    frames: frames.length,
    tokenExpiredFrames: countTokenExpired(frames),
    jsonParse: spread(jsonParse),
    parse: spread(parse),
    parseReduce: spread(parseReduce),
  };
};

/** The simulator's own current_status for 300,000 users of whom 100,000 are expired. */
const bigStatusFrame = (): string =>
  JSON.stringify(
    TokenModel.generate({ users: POPULATION, initialExpired: BIG_USERS, seed: 42 }, Date.now()).currentStatus(false),
  );

const parsedOrThrow = (raw: string): ServerMessage => {
  const result = parseServerMessage(raw);
  if (!result.ok) throw new Error(`benchmark frame did not parse: ${result.reason}`);
  return result.message;
};

/** Runs once to get the value, then `runs` more times to time it. */
const timed = <T>(runs: number, fn: () => T): { value: T; time: Spread } => {
  const value = fn();
  return { value, time: spread(timeRuns(runs, () => void fn())) };
};

// The worker stores the expired list as one JSON string (entrypoints/background/state-store.ts) whenever
// it changes; a restarted worker parses and validates it and rebuilds the Map before it can answer anything.
const persistList = (state: MonitorState) => JSON.stringify([...state.expired.values()]);

const restoreList = (json: string): MonitorState => {
  const parsed = storedMonitorStateSchema.shape.expired.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error('stored list did not validate');
  return fromStoredMonitorState({ ...summaryOf(initialMonitorState), expired: parsed.data });
};

const oneNewExpiry = (): ServerMessage =>
  parsedOrThrow(JSON.stringify(tokenExpiredFrame([wireUser(99, 0, Date.now())], BIG_USERS + 1, ROUND, '')));

const measureBig = (): CoreResults['big'] => {
  const raw = bigStatusFrame();
  const jsonParse = timed(BIG_RUNS, () => JSON.parse(raw) as unknown);
  const parse = timed(BIG_RUNS, () => parsedOrThrow(raw));
  const message = parse.value;
  const first = timed(BIG_RUNS, () => reduce(initialMonitorState, message));
  const same = timed(BIG_RUNS, () => reduce(first.value.state, message));
  const expiry = oneNewExpiry();
  const tokenExpired = timed(5, () => reduce(first.value.state, expiry));
  const state = first.value.state;
  const sorted = timed(BIG_RUNS, () => sortExpired(state.expired.values(), 'newest'));
  // A four-digit search matches anywhere in phones and ids: a few hundred hits, the whole list scanned.
  const search = timed(5, () =>
    queryExpired({ sorted: sorted.value }, { search: '8888', sort: 'newest', limit: 100 }, 1),
  );
  const csv = timed(BIG_RUNS, () => toCsv(sorted.value, { includeTokens: false }));
  const persist = timed(BIG_RUNS, () => persistList(state));
  const restore = timed(BIG_RUNS, () => restoreList(persist.value));
  return {
    users: state.expired.size,
    chars: raw.length,
    bytes: Buffer.byteLength(raw),
    jsonParse: jsonParse.time,
    parse: parse.time,
    reduceFirst: first.time,
    reduceSame: same.time,
    sameReplacedMap: same.value.state.expired !== state.expired,
    sameEffects: same.value.effects.length,
    tokenExpiredOnBig: tokenExpired.time,
    sortNewest: sorted.time,
    search: search.time,
    searchMatched: search.value.matched,
    csv: csv.time,
    csvBytes: Buffer.byteLength(csv.value),
    persist: persist.time,
    persistChars: persist.value.length,
    restore: restore.time,
  };
};

export const measureCore = (): CoreResults => {
  const started = performance.now();
  const results = { mix: measureMix(), big: measureBig() };
  // Keeps `sink` observable; also a sanity line for anyone running the child by hand.
  if (sink < 0) console.error(`impossible sink ${sink} after ${performance.now() - started} ms`);
  return results;
};

// ---- printing ----------------------------------------------------------------------------------------

const perFrameUs = (pass: Spread, frames: number) => mapSpread(pass, (ms) => (ms * 1000) / frames);
const perSecond = (pass: Spread, frames: number) => mapSpread(pass, (ms) => frames / (ms / 1000));

/** µs per frame of parse + reduce: what the extension's worker itself spends on a frame. */
export const coreUsPerFrame = (results: CoreResults) => perFrameUs(results.mix.parseReduce, results.mix.frames).median;

const mixTable = ({ mix }: CoreResults): Table => {
  const { frames } = mix;
  const base = mix.jsonParse.median;
  const row = (what: string, key: keyof Pick<CoreResults['mix'], 'jsonParse' | 'parse' | 'parseReduce'>) => [
    what,
    fmtSpread(perFrameUs(mix[key], frames), ' µs'),
    fmtSpread(perSecond(mix[key], frames)),
    ratio(mix[key].median / base),
  ];
  return {
    title: `per frame: ${num(frames)} frames (${num(frames - mix.tokenExpiredFrames)} check_progress, ${num(mix.tokenExpiredFrames)} token_expired of 1–3 users), ${MIX_PASSES} passes`,
    head: ['work per frame', 'µs/frame', 'frames/s', '× JSON.parse'],
    rows: [
      row('JSON.parse only (baseline)', 'jsonParse'),
      row('parseServerMessage', 'parse'),
      row('parseServerMessage + reduce', 'parseReduce'),
    ],
    notes: [
      "zod runs jitless, as in the extension (utils/zod.ts sets it for every schema: MV3's CSP forbids eval).",
      'reduce starts from an empty state each pass; token_expired copies the expired Map, which grows to ~1,900.',
    ],
  };
};

type BigKey = {
  [K in keyof CoreResults['big']]: CoreResults['big'][K] extends Spread ? K : never;
}[keyof CoreResults['big']];

const bigTable = ({ big }: CoreResults): Table => {
  const base = big.jsonParse.median;
  const row = (what: string, key: BigKey) => [what, ms(big[key]), ratio(big[key].median / base)];
  return {
    title: `one current_status of ${num(big.users)} expired users: ${megabytes(big.bytes)} of JSON, ${BIG_RUNS} runs`,
    head: ['step', 'time', '× JSON.parse'],
    rows: [
      row('JSON.parse only (baseline)', 'jsonParse'),
      row('parseServerMessage', 'parse'),
      row('reduce: first snapshot', 'reduceFirst'),
      row('reduce: same snapshot again ("no change")', 'reduceSame'),
      row('reduce: token_expired of 1 user onto 100k', 'tokenExpiredOnBig'),
      row('sortExpired newest', 'sortNewest'),
      row(`queryExpired, search "8888" (${num(big.searchMatched)} hits)`, 'search'),
      row(`toCsv without tokens (${megabytes(big.csvBytes)})`, 'csv'),
      row(`store the list: JSON.stringify (${megabytes(big.persistChars)})`, 'persist'),
      row('restore the list: JSON.parse + schema + Map', 'restore'),
    ],
    notes: [
      `"No change" snapshot: ${big.sameReplacedMap ? 'builds a new Map' : 'keeps the Map'}, ${big.sameEffects} effects` +
        `${big.sameReplacedMap ? ' — the worker then bumps expiredVersion, drops its sorted cache and re-stores the list' : ''}.`,
    ],
  };
};

export const coreReport = (results: CoreResults, browserUsPerFrame: number | null): SectionReport => {
  const us = coreUsPerFrame(results);
  const { big } = results;
  const browser =
    browserUsPerFrame === null
      ? 'the ~90 µs per frame Chromium spends (performance-baselines.md)'
      : `the ${num(browserUsPerFrame)} µs per frame Chromium's WebSocket path takes in the worker (2a, this run)`;
  return {
    title: '1. Core (Node)',
    tables: [mixTable(results), bigTable(results)],
    meaning: [
      `parse+reduce costs ${num(us)} µs per frame of ${browser}.`,
      `A 100,000-user snapshot: parseServerMessage ${num(big.parse.median)} ms = ${num(big.parse.median / big.jsonParse.median)}× ` +
        `JSON.parse; reduce ${num(big.reduceFirst.median)} ms; an unchanged snapshot still costs ${num(big.reduceSame.median)} ms.`,
      `Every token_expired at 100,000 expired costs ${num(big.tokenExpiredOnBig.median)} ms in reduce (it copies the Map), ` +
        `and the changed list costs ${num(big.persist.median)} ms of stringify before storage even starts; a restarted worker ` +
        `needs ${num(big.restore.median)} ms to rebuild the list from its stored JSON.`,
    ],
  };
};
