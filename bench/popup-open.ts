import type { Page } from 'playwright-core';
import type { Simulator } from '../simulator/server.ts';
import type { ExtensionBrowser } from '../tests/e2e/harness/extension-browser.ts';
import { monitorView, setSettings, waitFor } from '../tests/e2e/harness/extension-probes.ts';
import { type HeapUsage, pageHeap, watchLargeWrites, withBrowser, withQuietSimulator, workerHeap } from './browser.ts';
import { countTokenExpired, type RoundFrames, roundFrames } from './frames.ts';
import { fmtSpread, megabytes, ms, num, type SectionReport, type Spread, sleep, spread } from './measure.ts';
import { extensionRun, FLOOD_FRAMES } from './worker-throughput.ts';

const POPULATION = 300_000;
const SIZES = [100, 100_000];
const OPENS = 3;
const VIEWPORT = { width: 380, height: 560 };
const ROW_TIMEOUT_MS = 30_000;
/** The connection's heartbeat (utils/connection/connection.ts DEFAULT_TIMING) plus slack. */
const HEARTBEAT_WAIT_MS = 25_000;

export interface PopupOpen {
  /** Navigation start to the first expired-list row with a phone being visible (from Node); null if none. */
  ms: number | null;
  /** In the page, from navigation start: DOMContentLoaded, <main> rendered (settings read), first row. */
  domContentLoaded: number | null;
  main: number | null;
  row: number | null;
  heap: HeapUsage | null;
  /** What the popup showed instead, when no row appeared. */
  shown?: string;
}

export interface HeartbeatWrites {
  /** Writes of the expired list to storage.local seen in the window. */
  writes: number;
  windowMs: number;
  pings: number;
}

export interface FloodUnderLoad {
  frames: number;
  framesPerSecond: number | null;
  /** Writes of the expired list to storage.local while the flood was being received. */
  listWrites: number;
  tokenExpiredFrames: number;
  expiries: number;
}

/** Each token_expired after this many progress frames in the "mixed" flood (as in the core section). */
const MIXED_EXPIRY_EVERY = 20;
/**
 * Smaller than the progress flood: at 100,000 expired every token_expired costs tens of ms, and 20,000
 * mixed frames (952 token_expired) did not finish within a minute.
 */
const MIXED_FRAMES = 2_000;
const LIST_WRITE_LINGER_MS = 2500;

export interface SizeResults {
  expired: number;
  /** setSettings(serverUrl) until the published view counts every expired user. */
  ingestMs: number;
  /** Same start, until the worker's snapshot is in storage.local. */
  persistedMs: number | null;
  workerBefore: HeapUsage | null;
  workerAfter: HeapUsage | null;
  opens: PopupOpen[];
  heartbeat: HeartbeatWrites | null;
  /** The 2a flood with this many expired users in the worker's state: progress only, then with expiries. */
  progressFlood: FloodUnderLoad;
  mixedFlood: FloodUnderLoad;
}

// ---- the popup -----------------------------------------------------------------------------------------

interface PopupMarks {
  main?: number;
  row?: number;
}
type MarksGlobal = typeof globalThis & { benchMarks?: PopupMarks };

// Runs in the popup before its own scripts. A phone as the list shows it: masked (138****8000) by default,
// or in full once revealed. <main> appears only once the settings are read (Popup.tsx renders a blank frame
// before). No named inner functions: tsx would wrap them in a __name() helper the page lacks.
const observePopup = () => {
  const marks: PopupMarks = {};
  (globalThis as MarksGlobal).benchMarks = marks;
  new MutationObserver(() => {
    if (marks.main === undefined && document.querySelector('main')) marks.main = performance.now();
    if (
      marks.row === undefined &&
      [...document.querySelectorAll('[role="row"]')].some((row) =>
        /\d{3}(?:\*{4}|\d{4})\d{4}/.test(row.textContent ?? ''),
      )
    ) {
      marks.row = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

const readMarks = () => {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const marks = (globalThis as MarksGlobal).benchMarks ?? {};
  return {
    domContentLoaded: navigation?.domContentLoadedEventEnd ?? null,
    main: marks.main ?? null,
    row: marks.row ?? null,
  };
};

const PHONE = /\d{3}(?:\*{4}|\d{4})\d{4}/;
const firstRow = (page: Page) => page.getByRole('row').filter({ hasText: PHONE }).first();

const shownText = async (page: Page) =>
  ((await page.locator('body').textContent()) ?? '').replace(/\s+/g, ' ').slice(0, 300);

/** Opens popup.html as a tab at popup size and times it to the first visible row of the expired list. */
const openPopup = async (browser: ExtensionBrowser): Promise<PopupOpen> => {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize(VIEWPORT);
    await page.addInitScript(observePopup);
    const started = Date.now();
    await page.goto(browser.pageUrl('/popup.html'));
    const appeared = await firstRow(page)
      .waitFor({ state: 'visible', timeout: ROW_TIMEOUT_MS })
      .then(() => true)
      .catch(() => false);
    const elapsed = Date.now() - started;
    const marks = await page.evaluate(readMarks);
    if (!appeared) return { ms: null, ...marks, heap: null, shown: await shownText(page) };
    return { ms: elapsed, ...marks, heap: await pageHeap(browser, page) };
  } finally {
    await page.close();
  }
};

// ---- the worker ----------------------------------------------------------------------------------------

const heapOrNull = (browser: ExtensionBrowser) => workerHeap(browser).catch(() => null);

/** The expired list as JSON is about 100 characters per user; nothing else the worker stores comes close. */
const listChars = (expired: number) => expired * 40;

/** Points a fresh extension at the simulator and waits until the whole list is known and stored. */
const ingest = async (browser: ExtensionBrowser, simulator: Simulator, expired: number) => {
  const writes = await watchLargeWrites(browser, listChars(expired));
  try {
    const started = Date.now();
    await setSettings(browser, { serverUrl: simulator.url });
    await waitFor(
      () => monitorView(browser),
      (view) => view?.connection.phase === 'open' && view.expiredCount === expired,
      { timeout: 90_000, interval: 50, what: `view showing ${expired} expired` },
    );
    const ingestMs = Date.now() - started;
    const stored = await waitFor(writes.read, (seen) => seen.firstAt !== null, {
      timeout: 20_000,
      interval: 50,
      what: 'the list stored',
    }).catch(() => null);
    return { ingestMs, persistedMs: stored?.firstAt ? stored.firstAt - started : null };
  } finally {
    await writes.stop();
  }
};

/**
 * With the server quiet, the only traffic is the worker's heartbeat ping and the server's pong. The pong
 * carries a latency, which changes the state: does that re-store the whole list?
 */
const watchHeartbeat = async (
  browser: ExtensionBrowser,
  simulator: Simulator,
  expired: number,
): Promise<HeartbeatWrites> => {
  const started = Date.now();
  const before = simulator.stats().pingsReceived;
  const writes = await watchLargeWrites(browser, listChars(expired));
  let seen = { writes: 0 };
  try {
    await waitFor(
      async () => simulator.stats().pingsReceived,
      (pings) => pings > before,
      {
        timeout: HEARTBEAT_WAIT_MS,
        interval: 200,
        what: 'a heartbeat ping',
      },
    ).catch(() => null);
    // A stringify plus a 10 MB storage write, if the pong causes one: give it time to land.
    await sleep(3000);
  } finally {
    seen = await writes.stop();
  }
  return { writes: seen.writes, windowMs: Date.now() - started, pings: simulator.stats().pingsReceived - before };
};

/** The 2a flood against this state, counting the list writes it causes. */
const floodUnderLoad = async (
  browser: ExtensionBrowser,
  simulator: Simulator,
  expired: number,
  batch: RoundFrames,
  log: (line: string) => void,
): Promise<FloodUnderLoad> => {
  const writes = await watchLargeWrites(browser, listChars(expired));
  const framesPerSecond = await extensionRun(browser, simulator, batch).catch((error: unknown) => {
    log(`  flood with ${num(expired)} expired failed: ${String(error)}`);
    return null;
  });
  // The last change's write lands after the flood: the list write is throttled to once a second and takes
  // about a second itself at 100,000 users.
  await sleep(LIST_WRITE_LINGER_MS);
  const { writes: listWrites } = await writes.stop();
  return {
    frames: batch.frames.length,
    framesPerSecond,
    listWrites,
    tokenExpiredFrames: countTokenExpired(batch.frames),
    expiries: batch.expiries,
  };
};

const measureSize = (expired: number, log: (line: string) => void): Promise<SizeResults> =>
  withQuietSimulator({ users: POPULATION, initialExpired: expired }, (simulator) =>
    withBrowser(async (browser) => {
      const { ingestMs, persistedMs } = await ingest(browser, simulator, expired);
      log(`  ${num(expired)} expired: view after ${num(ingestMs)} ms, stored after ${persistedMs ?? '—'} ms`);
      // The first snapshot's alert (notification, speech) and storage write finish before anything is timed.
      await sleep(1500);
      const workerBefore = await heapOrNull(browser);
      const opens: PopupOpen[] = [];
      for (let run = 1; run <= OPENS; run++) {
        opens.push(await openPopup(browser));
        const open = opens.at(-1);
        log(
          `  popup open ${run}: ${open?.ms ?? 'no row'} ms (in page: main ${num(open?.main ?? Number.NaN)}, row ${num(open?.row ?? Number.NaN)})`,
        );
      }
      const workerAfter = await heapOrNull(browser);
      const heartbeat = expired === Math.max(...SIZES) ? await watchHeartbeat(browser, simulator, expired) : null;
      if (heartbeat) log(`  heartbeat window: ${heartbeat.writes} list writes, ${heartbeat.pings} pings`);
      const progress = roundFrames({ count: FLOOD_FRAMES, round: 1 });
      const progressFlood = await floodUnderLoad(browser, simulator, expired, progress, log);
      const mixed = roundFrames({ count: MIXED_FRAMES, round: 2, expiryEvery: MIXED_EXPIRY_EVERY });
      const mixedFlood = await floodUnderLoad(browser, simulator, expired, mixed, log);
      log(
        `  floods: progress ${num(progressFlood.framesPerSecond ?? Number.NaN)} frames/s (${progressFlood.listWrites} list writes), ` +
          `mixed ${num(mixedFlood.framesPerSecond ?? Number.NaN)} frames/s (${mixedFlood.listWrites} list writes)`,
      );
      return { expired, ingestMs, persistedMs, workerBefore, workerAfter, opens, heartbeat, progressFlood, mixedFlood };
    }),
  );

export const measurePopup = async (log: (line: string) => void): Promise<SizeResults[]> => {
  const results: SizeResults[] = [];
  for (const expired of SIZES) results.push(await measureSize(expired, log));
  return results;
};

// ---- printing ----------------------------------------------------------------------------------------

const valid = (values: (number | null)[]) => values.flatMap((value) => (value === null ? [] : [value]));

const openSpread = (size: SizeResults, pick: (open: PopupOpen) => number | null): Spread =>
  spread(valid(size.opens.map(pick)));

const heapText = (heap: HeapUsage | null) => (heap ? megabytes(heap.usedSize) : 'unreachable');

const popupTable = (sizes: SizeResults[]) => {
  const problems = sizes.flatMap((size) =>
    size.opens.flatMap((open) =>
      open.shown ? [`${num(size.expired)} expired: no row appeared; popup showed "${open.shown}"`] : [],
    ),
  );
  return {
    title: `popup.html as a tab at ${VIEWPORT.width}×${VIEWPORT.height}, ${OPENS} opens per size, ${num(POPULATION)} users`,
    head: [
      'expired users',
      'navigation → first row',
      'each open',
      'in page: DOMContentLoaded',
      '<main> (settings read)',
      'first row',
      'popup heap (GC)',
    ],
    rows: sizes.map((size) => [
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
    notes: [
      'First row = role "row" whose text holds a phone (masked 138****8000, or full). "navigation → first row" is',
      'timed in Node around page.goto + waitFor(visible); the in-page columns are MutationObserver marks from',
      'navigation start. The first open after a list change also pays the worker sorting the whole list.',
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
  const [small, big] = sizes;
  if (small && big) popup.meaning.push(popupMeaning(small, big));
  return [popup, workerReport(sizes, smallStateRate)];
};

const floodText = (flood: FloodUnderLoad) =>
  flood.framesPerSecond === null ? 'failed' : `${num(flood.framesPerSecond)} (${flood.listWrites} list writes)`;

const workerReport = (sizes: SizeResults[], smallStateRate: number): SectionReport => {
  const mixed = sizes[0]?.mixedFlood;
  return {
    title: '2c. Worker with 100,000 expired users',
    tables: [
      {
        title: 'service worker, fresh profile per size',
        head: [
          'expired users',
          'connect → view counts all',
          '→ list stored',
          'worker heap (GC)',
          'after popups',
          'flood: progress only, frames/s',
          'flood: with expiries, frames/s',
        ],
        rows: sizes.map((size) => [
          num(size.expired),
          `${num(size.ingestMs)} ms`,
          size.persistedMs === null ? '—' : `${num(size.persistedMs)} ms`,
          heapText(size.workerBefore),
          heapText(size.workerAfter),
          floodText(size.progressFlood),
          floodText(size.mixedFlood),
        ]),
        notes: [
          'Heap: DevTools Runtime.getHeapUsage on the service_worker target after HeapProfiler.collectGarbage',
          '(a page session attached to the worker target, since Playwright has no worker CDP session).',
          `Floods: progress only = the ${num(FLOOD_FRAMES)} frames of 2a (small state there, this run: ${num(smallStateRate)} ` +
            `frames/s); with expiries = ${num(mixed?.frames ?? 0)} frames of which ${num(mixed?.tokenExpiredFrames ?? 0)} ` +
            `token_expired (${num(mixed?.expiries ?? 0)} new users).`,
          'List writes: storage.local values of ≥ 40 chars per expired user (i.e. the list), seen by a storage.onChanged',
          'listener in an extension page during the flood and 2.5 s after (key-agnostic: the storage layout is still moving).',
        ],
      },
    ],
    meaning: workerMeaning(sizes, smallStateRate),
  };
};

const workerMeaning = (sizes: SizeResults[], smallStateRate: number): string[] => {
  const big = sizes.find((size) => size.expired === Math.max(...SIZES));
  if (!big) return ['The 100,000 run did not complete.'];
  const lines: string[] = [];
  if (big.workerBefore) {
    lines.push(
      `100,000 expired users hold ${heapText(big.workerBefore)} of worker heap ` +
        `(${num(big.workerBefore.usedSize / big.expired)} B per user); ${heapText(big.workerAfter)} with the sorted list cached.`,
    );
  } else lines.push('The worker heap was not reachable through DevTools.');
  if (big.heartbeat) {
    lines.push(
      `Idle: ${big.heartbeat.pings} heartbeat ping(s) in ${num(big.heartbeat.windowMs / 1000)} s, ` +
        `${big.heartbeat.writes} rewrite(s) of the stored list.`,
    );
  }
  const { progressFlood: progress, mixedFlood: mixed } = big;
  if (progress.framesPerSecond !== null) {
    lines.push(
      `Progress frames with 100,000 in state: ${num(progress.framesPerSecond)}/s ` +
        `(${num(progress.framesPerSecond / smallStateRate)}× the small state of 2a), ${progress.listWrites} list writes.`,
    );
  }
  if (progress.framesPerSecond !== null && mixed.framesPerSecond !== null && mixed.tokenExpiredFrames > 0) {
    // The mixed flood's time minus what its progress frames cost at the progress-only rate.
    const progressMs = ((mixed.frames - mixed.tokenExpiredFrames) / progress.framesPerSecond) * 1000;
    const perExpiry = ((mixed.frames / mixed.framesPerSecond) * 1000 - progressMs) / mixed.tokenExpiredFrames;
    lines.push(
      `With expiries: ${num(mixed.framesPerSecond)} frames/s, ≈${num(perExpiry)} ms of worker time per token_expired ` +
        `(reduce copies the 100,000-entry Map; the changed list is re-stored: ${mixed.listWrites} writes of it).`,
    );
  }
  return lines;
};
