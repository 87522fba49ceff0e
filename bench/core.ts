import { performance } from 'node:perf_hooks';
import { TokenModel } from '../simulator/token-model.ts';
import { queryExpired, sortExpired, toCsv } from '../utils/expired';
import { initialMonitorState, type MonitorState, reduce } from '../utils/monitor';
import { parseServerMessage } from '../utils/protocol';
import { countTokenExpired, roundFrames } from './frames.ts';
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
import { parsedOrThrow } from './parsed.ts';
import { measureScaling, type ScaleEntry } from './scaling.ts';
import { persistList } from './stored-list.ts';
import { sinkValue } from './time-per-op.ts';

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
  /** Steps on a 100,000-user state beyond those of the scaling table (parse, reduce, restore: see there). */
  big: {
    users: number;
    bytes: number;
    reduceSame: Spread;
    /** The "no change" snapshot still built a new Map (which bumps expiredVersion in the worker). */
    sameReplacedMap: boolean;
    sameEffects: number;
    sortNewest: Spread;
    search: Spread;
    searchMatched: number;
    csv: Spread;
    csvBytes: number;
    persist: Spread;
    persistChars: number;
  };
  scaling: ScaleEntry[];
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

/** Runs once to get the value, then `runs` more times to time it. */
const timed = <T>(runs: number, fn: () => T): { value: T; time: Spread } => {
  const value = fn();
  return { value, time: spread(timeRuns(runs, () => void fn())) };
};

/** The state is built untimed: parse and reduce at this size are timed in the scaling table. */
const measureBig = (): CoreResults['big'] => {
  const raw = bigStatusFrame();
  const message = parsedOrThrow(raw);
  const state = reduce(initialMonitorState, message).state;
  const same = timed(BIG_RUNS, () => reduce(state, message));
  const sorted = timed(BIG_RUNS, () => sortExpired(state.expired.values(), 'newest'));
  // A four-digit search matches anywhere in phones and ids: a few hundred hits, the whole list scanned.
  const search = timed(5, () =>
    queryExpired({ sorted: sorted.value }, { search: '8888', sort: 'newest', limit: 100 }, 1),
  );
  const csv = timed(BIG_RUNS, () => toCsv([{ label: 'local', users: sorted.value }], { includeTokens: false }));
  const persist = timed(BIG_RUNS, () => persistList(state));
  return {
    users: state.expired.size,
    bytes: Buffer.byteLength(raw),
    reduceSame: same.time,
    sameReplacedMap: same.value.state.expired !== state.expired,
    sameEffects: same.value.effects.length,
    sortNewest: sorted.time,
    search: search.time,
    searchMatched: search.value.matched,
    csv: csv.time,
    csvBytes: Buffer.byteLength(csv.value),
    persist: persist.time,
    persistChars: persist.value.reduce((sum, part) => sum + part.length, 0),
  };
};

export const measureCore = (log: (line: string) => void): CoreResults => {
  const started = performance.now();
  const results = { mix: measureMix(), big: measureBig(), scaling: measureScaling(log) };
  // Keeps the sinks observable; also a sanity line for anyone running the child by hand.
  if (sink < 0 || sinkValue() < 0) log(`impossible sink after ${performance.now() - started} ms`);
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
      'reduce starts from an empty state each pass; the expired list grows to ~1,900 users over it.',
    ],
  };
};

type BigKey = {
  [K in keyof CoreResults['big']]: CoreResults['big'][K] extends Spread ? K : never;
}[keyof CoreResults['big']];

/** The scaling table's entry of the bench's reference size, which the budgets read too. */
export const bigEntry = (results: CoreResults): ScaleEntry | undefined =>
  results.scaling.find((entry) => entry.users === BIG_USERS);

const bigTable = ({ big }: CoreResults, entry: ScaleEntry): Table => {
  const base = entry.jsonParse.median;
  const row = (what: string, time: Spread) => [what, ms(time), ratio(time.median / base)];
  const own = (what: string, key: BigKey) => row(what, big[key]);
  return {
    title: `one current_status of ${num(big.users)} expired users: ${megabytes(big.bytes)} of JSON, ${BIG_RUNS} runs`,
    head: ['step', 'time', '× JSON.parse'],
    rows: [
      row('JSON.parse only (baseline)', entry.jsonParse),
      row('parseServerMessage', entry.parse),
      row('reduce: first snapshot', entry.reduce),
      own('reduce: same snapshot again ("no change")', 'reduceSame'),
      row('reduce: token_expired of 1 user onto 100k', entry.tokenExpired),
      own('sortExpired newest', 'sortNewest'),
      own(`queryExpired, search "8888" (${num(big.searchMatched)} hits)`, 'search'),
      own(`toCsv without tokens (${megabytes(big.csvBytes)})`, 'csv'),
      own(`store the list: JSON.stringify of its parts (${megabytes(big.persistChars)})`, 'persist'),
      row('restore the list: JSON.parse + readStoredExpired + state', entry.restore),
    ],
    notes: [
      'JSON.parse, parseServerMessage, reduce (first and token_expired) and restore are the 100,000 row of the',
      'scaling table below (interleaved samples); the other steps run on a state built untimed from the same frame.',
      `"No change" snapshot: ${big.sameReplacedMap ? 'builds a new Map' : 'keeps the Map'}, ${big.sameEffects} effects` +
        `${big.sameReplacedMap ? ' — the worker then bumps expiredVersion, drops its sorted cache and re-stores the list' : ''}.`,
    ],
  };
};

export const coreReport = (results: CoreResults, browserUsPerFrame: number | null): SectionReport => {
  const us = coreUsPerFrame(results);
  const { big } = results;
  const entry = bigEntry(results);
  const browser =
    browserUsPerFrame === null
      ? 'the ~90 µs per frame Chromium spends (performance-baselines.md)'
      : `the ${num(browserUsPerFrame)} µs per frame Chromium's WebSocket path takes in the worker (2a, this run)`;
  const meaning = [`parse+reduce costs ${num(us)} µs per frame of ${browser}.`];
  if (entry) {
    meaning.push(
      `A 100,000-user snapshot: parseServerMessage ${num(entry.parse.median)} ms = ` +
        `${num(entry.parse.median / entry.jsonParse.median)}× JSON.parse; reduce ${num(entry.reduce.median)} ms; ` +
        `an unchanged snapshot still costs ${num(big.reduceSame.median)} ms.`,
      `A token_expired at 100,000 expired costs ${num(entry.tokenExpired.median)} ms in reduce; the changed list costs ` +
        `${num(big.persist.median)} ms of stringify, spread over parts of 10,000 users; a restarted worker needs ` +
        `${num(entry.restore.median)} ms to rebuild the list from its stored JSON.`,
    );
  }
  return {
    title: '1. Core (Node)',
    tables: entry ? [mixTable(results), bigTable(results, entry)] : [mixTable(results)],
    meaning,
  };
};
