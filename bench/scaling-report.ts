import { type PerUser, worstGrowth } from './growth.ts';
import { megabytes, ms, num, ratio, type SectionReport, type Spread, type Table } from './measure.ts';
import { BLANK_SIZE, type SizeResults } from './popup-open.ts';
import { openSpread } from './popup-report.ts';
import type { ScaleEntry } from './scaling.ts';

/** The Node figures whose cost per user the budgets hold to linear. */
export const SCALED = {
  parse: { label: 'parse (parseServerMessage of current_status)', unit: 'µs/user' },
  reduce: { label: 'reduce (first snapshot into an empty state)', unit: 'µs/user' },
  restore: { label: 'restore (stored list after a worker restart)', unit: 'µs/user' },
  heap: { label: 'heap kept by the reduced state', unit: 'B/user' },
} as const;
export type ScaledKey = keyof typeof SCALED;

export const perUser = (entry: ScaleEntry, key: ScaledKey): number =>
  key === 'heap' ? entry.heapBytes / entry.users : (entry[key].median * 1000) / entry.users;

export const scaledPoints = (entries: readonly ScaleEntry[], key: ScaledKey): PerUser[] =>
  entries.map((entry) => ({ users: entry.users, perUser: perUser(entry, key) }));

const timeCell = (time: Spread, users: number) => `${ms(time)} (${num((time.median * 1000) / users)} µs)`;

const popupRow = (sizes: readonly SizeResults[], users: number) => {
  const size = sizes.find((candidate) => candidate.expired === users);
  const base = sizes.find((candidate) => candidate.expired === BLANK_SIZE);
  if (!size) return 'not run';
  const row = openSpread(size, (open) => open.row).median;
  const small = base ? openSpread(base, (open) => open.row).median : Number.NaN;
  return `${num(row)} ms (${ratio(row / small)})`;
};

const table = (entries: readonly ScaleEntry[], sizes: readonly SizeResults[]): Table => ({
  title: 'cost by list size: Node (core child, interleaved samples) and the popup (Chromium, 2b)',
  head: [
    'expired users',
    'JSON.parse (per user)',
    'parse (per user)',
    'reduce (per user)',
    'restore (per user)',
    'heap (per user)',
    'token_expired reduce',
    'popup first row (× 100 expired)',
  ],
  rows: entries.map((entry) => [
    num(entry.users),
    timeCell(entry.jsonParse, entry.users),
    timeCell(entry.parse, entry.users),
    timeCell(entry.reduce, entry.users),
    timeCell(entry.restore, entry.users),
    `${megabytes(entry.heapBytes)} (${num(entry.heapBytes / entry.users)} B)`,
    `${num(entry.tokenExpired.median * 1000)} µs`,
    popupRow(sizes, entry.users),
  ]),
  notes: [
    "Frames are the simulator's own current_status for that many expired users (population 300,000, or 400,000).",
    'Heap: process.memoryUsage().heapUsed around building the state from the frame, after two global.gc() each',
    'side (node --expose-gc); below 100,000 users, several copies are built and the figure is per copy.',
    'token_expired: one new user onto the state, timed apart from the big steps after a full collection.',
    'Budget: from any size to a larger one, the cost per user grows at most 1.5× (linear or better).',
  ],
});

const growthLine = (entries: readonly ScaleEntry[], key: ScaledKey) => {
  const growth = worstGrowth(scaledPoints(entries, key));
  if (!growth) return `${SCALED[key].label}: not measured.`;
  return (
    `${SCALED[key].label}: worst growth ${ratio(growth.ratio)} per user, ${num(growth.from.perUser)} → ` +
    `${num(growth.to.perUser)} ${SCALED[key].unit} from ${num(growth.from.users)} to ${num(growth.to.users)} users.`
  );
};

/** The engine's own growth: JSON.parse alone, which every parse and restore includes. */
const jsonParseLine = (entries: readonly ScaleEntry[]) => {
  const growth = worstGrowth(
    entries.map((entry) => ({ users: entry.users, perUser: (entry.jsonParse.median * 1000) / entry.users })),
  );
  return growth
    ? `For scale: JSON.parse alone grows ${ratio(growth.ratio)} per user from ${num(growth.from.users)} to ${num(growth.to.users)} users ` +
        '(the garbage collector and the CPU caches: the engine itself is not linear at these sizes).'
    : 'JSON.parse was not measured.';
};

export const scalingReport = (entries: readonly ScaleEntry[], sizes: readonly SizeResults[]): SectionReport => ({
  title: '3. Scaling',
  tables: [table(entries, sizes)],
  meaning: [...(Object.keys(SCALED) as ScaledKey[]).map((key) => growthLine(entries, key)), jsonParseLine(entries)],
});
