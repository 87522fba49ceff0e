import type { HeapUsage } from './browser.ts';
import { fmtSpread, megabytes, ms, num, type SectionReport, type Spread, spread, type Table } from './measure.ts';
import {
  BLANK_SIZE,
  type FloodUnderLoad,
  FULL_SIZE,
  OPENS,
  type PopupOpen,
  populationFor,
  type SizeResults,
  STATE_FLOOD_FRAMES,
  VIEWPORT,
} from './popup-open.ts';
import { LAG_NOTE, longestBefore } from './worker-lag.ts';

const valid = (values: (number | null)[]) => values.flatMap((value) => (value === null ? [] : [value]));

export const openSpread = (size: SizeResults, pick: (open: PopupOpen) => number | null): Spread =>
  spread(valid(size.opens.map(pick)));

/** The blank extension page's time to parsed-and-painted, over its opens. */
export const blankSpread = (size: SizeResults): Spread => spread(valid((size.blank ?? []).map((open) => open.ready)));

const heapText = (heap: HeapUsage | null) => (heap ? megabytes(heap.usedSize) : 'unreachable');

const blankRow = (size: SizeResults) => {
  const pick = (key: 'domContentLoaded' | 'firstPaint') => spread(valid((size.blank ?? []).map((open) => open[key])));
  return [
    `blank page (popup.html, scripts off)`,
    '',
    '',
    ms(pick('domContentLoaded')),
    `first paint ${ms(pick('firstPaint'))}`,
    `ready ${ms(blankSpread(size))}`,
    '',
  ];
};

const popupTable = (sizes: SizeResults[]): Table => {
  const problems = sizes.flatMap((size) =>
    size.opens.flatMap((open) =>
      open.shown ? [`${num(size.expired)} expired: no row appeared; popup showed "${open.shown}"`] : [],
    ),
  );
  const withBlank = sizes.find((size) => size.blank);
  return {
    title: `popup.html as a tab at ${VIEWPORT.width}×${VIEWPORT.height}, ${OPENS} opens per size, fresh profile per size`,
    head: [
      'expired users',
      'navigation → first row',
      'each open',
      'in page: DOMContentLoaded',
      '<main> (settings read)',
      'first row',
      'popup heap (GC)',
    ],
    rows: [
      ...(withBlank ? [blankRow(withBlank)] : []),
      ...sizes.map((size) => [
        num(size.expired),
        ms(openSpread(size, (open) => open.ms)),
        size.opens.map((open) => (open.ms === null ? 'none' : `${open.ms}`)).join(', '),
        ms(openSpread(size, (open) => open.domContentLoaded)),
        ms(openSpread(size, (open) => open.main)),
        ms(openSpread(size, (open) => open.row)),
        fmtSpread(
          openSpread(size, (open) => (open.heap ? open.heap.usedSize / 1024 / 1024 : null)),
          ' MB',
        ),
      ]),
    ],
    notes: [
      'First row = role "row" whose text holds a phone (masked 138****8000, or full). "navigation → first row" is',
      'timed in Node around page.goto + waitFor(visible); the in-page columns are MutationObserver marks from',
      'navigation start. The first open after a list change also pays the worker sorting the whole list.',
      `Blank page: popup.html in a tab with script execution off (DevTools), opened before each popup open at ${num(BLANK_SIZE)}`,
      'expired; "ready" = navigation start until DOMContentLoaded has ended and the first paint is done. The build has no',
      'page without code, and adding one would change the build under test.',
      `Population ${num(populationFor(0))} users (${num(populationFor(300_000))} for 300,000 expired).`,
      ...problems,
    ],
  };
};

/** Where the extra time of the big list goes: before <main> (settings read) or between <main> and the row. */
const popupMeaning = (small: SizeResults, big: SizeResults) => {
  const median = (size: SizeResults, pick: (open: PopupOpen) => number | null) => openSpread(size, pick).median;
  const phases = (size: SizeResults) => {
    const main = median(size, (open) => open.main);
    return { main, list: median(size, (open) => open.row) - main };
  };
  const a = phases(small);
  const b = phases(big);
  return (
    `First row at ${num(b.main + b.list)} ms in the page with ${num(big.expired)} expired vs ${num(a.main + a.list)} ms ` +
    `with ${num(small.expired)}: to <main> (settings read) ${num(b.main)} vs ${num(a.main)} ms, ` +
    `<main> to row (view, worker query, list render) ${num(b.list)} vs ${num(a.list)} ms.`
  );
};

export const popupReport = (sizes: SizeResults[], smallStateRate: number): SectionReport[] => {
  const popup: SectionReport = { title: '2b. Popup open time', tables: [popupTable(sizes)], meaning: [] };
  const small = sizes.find((size) => size.expired === BLANK_SIZE);
  const big = sizes.find((size) => size.expired === FULL_SIZE);
  if (small && big) popup.meaning.push(popupMeaning(small, big));
  if (small?.blank) {
    popup.meaning.push(
      `A blank extension page is parsed and painted ${num(blankSpread(small).median)} ms after navigation start; the ` +
        `popup's first row comes ${num(openSpread(small, (open) => open.row).median)} ms after it.`,
    );
  }
  return [popup, workerReport(sizes, smallStateRate)];
};

const floodText = (flood: FloodUnderLoad | undefined) =>
  !flood || flood.framesPerSecond === null ? '—' : `${num(flood.framesPerSecond)} (${flood.listWrites} list writes)`;

const lagText = (size: SizeResults) => {
  const lag = size.full?.lag;
  if (!size.full) return '—';
  if (!lag) return 'unreachable';
  return `${num(longestBefore(lag, size.full.viewAt))} ms / ${num(lag.longestMs)} ms`;
};

const workerTable = (sizes: SizeResults[], smallStateRate: number): Table => {
  const mixed = sizes.find((size) => size.full)?.full?.mixedFlood;
  return {
    title: 'service worker, fresh profile per size',
    head: [
      'expired users',
      'connect → view counts all',
      '→ list stored',
      'longest task: to view / to stored',
      'worker heap (GC)',
      'after popups',
      'flood: progress only, frames/s',
      'flood: with expiries, frames/s',
    ],
    rows: sizes.map((size) => [
      num(size.expired),
      `${num(size.ingestMs)} ms`,
      size.persistedMs === null ? '—' : `${num(size.persistedMs)} ms`,
      lagText(size),
      heapText(size.workerBefore),
      heapText(size.workerAfter),
      floodText(size.full?.progressFlood),
      floodText(size.full?.mixedFlood),
    ]),
    notes: [
      'Connect = setSettings(serverUrl) from an extension page; the view is polled every 50 ms in session storage.',
      `Longest task (${num(FULL_SIZE)} only): ${LAG_NOTE}; "to view" counts ticks until the view counted every user.`,
      'Heap: DevTools Runtime.getHeapUsage on the service_worker target after HeapProfiler.collectGarbage',
      '(a page session attached to the worker target, since Playwright has no worker CDP session).',
      `Floods (${num(FULL_SIZE)} only): ${num(STATE_FLOOD_FRAMES)} frames each; progress only (small state in 2a, this run: ` +
        `${num(smallStateRate)} frames/s); with expiries = ${num(mixed?.tokenExpiredFrames ?? 0)} of them token_expired ` +
        `(${num(mixed?.expiries ?? 0)} new users).`,
      'List writes: storage.local values of ≥ 40 chars per expired user (i.e. the list), seen by a storage.onChanged',
      'listener in an extension page during the flood and 2.5 s after (key-agnostic: the storage layout is still moving).',
    ],
  };
};

const workerReport = (sizes: SizeResults[], smallStateRate: number): SectionReport => ({
  title: '2c. Worker with large lists',
  tables: [workerTable(sizes, smallStateRate)],
  meaning: workerMeaning(sizes, smallStateRate),
});

const workerMeaning = (sizes: SizeResults[], smallStateRate: number): string[] => {
  const big = sizes.find((size) => size.expired === FULL_SIZE);
  if (!big?.full) return [`The ${num(FULL_SIZE)} run did not complete.`];
  const lines: string[] = [];
  if (big.workerBefore) {
    lines.push(
      `${num(big.expired)} expired users hold ${heapText(big.workerBefore)} of worker heap ` +
        `(${num(big.workerBefore.usedSize / big.expired)} B per user); ${heapText(big.workerAfter)} with the sorted list cached.`,
    );
  } else lines.push('The worker heap was not reachable through DevTools.');
  const { heartbeat, progressFlood: progress, mixedFlood: mixed, lag } = big.full;
  if (lag && lag.late.length > 0) {
    lines.push(
      `Worker stalls over 50 ms during ingestion: ${lag.late.map((tick) => `${num(tick.lateMs)} ms`).join(', ')} ` +
        `(${lag.late.filter((tick) => tick.at <= (big.full?.viewAt ?? 0)).length} of them before the view counted all).`,
    );
  }
  if (heartbeat) {
    lines.push(
      `Idle: ${heartbeat.pings} heartbeat ping(s) in ${num(heartbeat.windowMs / 1000)} s, ` +
        `${heartbeat.writes} rewrite(s) of the stored list.`,
    );
  }
  if (progress.framesPerSecond !== null) {
    lines.push(
      `Progress frames with ${num(big.expired)} in state: ${num(progress.framesPerSecond)}/s ` +
        `(${num(progress.framesPerSecond / smallStateRate)}× the small state of 2a), ${progress.listWrites} list writes.`,
    );
  }
  if (progress.framesPerSecond !== null && mixed.framesPerSecond !== null && mixed.tokenExpiredFrames > 0) {
    // The mixed flood's time minus what its progress frames cost at the progress-only rate.
    const progressMs = ((mixed.frames - mixed.tokenExpiredFrames) / progress.framesPerSecond) * 1000;
    const perExpiry = ((mixed.frames / mixed.framesPerSecond) * 1000 - progressMs) / mixed.tokenExpiredFrames;
    lines.push(
      `With expiries: ${num(mixed.framesPerSecond)} frames/s, ≈${num(perExpiry)} ms of worker time per token_expired ` +
        `(${mixed.listWrites} writes of the list during the flood).`,
    );
  }
  return lines;
};
