import { WebSocket as NodeWebSocket } from 'ws';
import type { Simulator } from '../simulator/server.ts';
import { asPageFunction, type ExtensionBrowser } from '../tests/e2e/harness/extension-browser.ts';
import { monitorView, setSettings, waitFor } from '../tests/e2e/harness/extension-probes.ts';
import { withBrowser, withQuietSimulator } from './browser.ts';
import { type RoundFrames, roundFrames } from './frames.ts';
import { fmtSpread, num, type SectionReport, type Spread, spread, withTimeout } from './measure.ts';

export const FLOOD_FRAMES = 20_000;
const RUNS = 5;
const FLOOD_TIMEOUT_MS = 60_000;

/** Queues every frame at once; ws buffers them and TCP paces the browser. Returns when sending began. */
const flood = (simulator: Simulator, frames: readonly string[]): number => {
  const startedAt = Date.now();
  for (const frame of frames) {
    if (simulator.broadcastRaw(frame) !== 1) throw new Error('the flood must reach exactly one client');
  }
  return startedAt;
};

const rate = (frames: number, startedAt: number, doneAt: number) => frames / ((doneAt - startedAt) / 1000);

// ---- the browser's own ceiling: a WebSocket that only counts -------------------------------------------

type Evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => Promise<R>;

interface Counter {
  socket: WebSocket;
  /** Date.now() when the last expected frame arrived. */
  doneAt: Promise<number>;
  resolve?: (at: number) => void;
}
type CounterGlobal = typeof globalThis & { benchCounter?: Counter };

// Runs in the browser. No named inner functions: tsx wraps those in a __name() helper the browser lacks.
const openCounter = ({ url, frames }: { url: string; frames: number }) =>
  new Promise<void>((armed, failed) => {
    const counter: Counter = { socket: new WebSocket(url), doneAt: Promise.resolve(0) };
    counter.doneAt = new Promise<number>((resolve) => {
      counter.resolve = resolve;
    });
    (globalThis as CounterGlobal).benchCounter = counter;
    // welcome and current_status come first; counting starts after them.
    let greeting = 2;
    let count = 0;
    counter.socket.onerror = () => failed(new Error('counter socket failed'));
    counter.socket.onmessage = () => {
      if (greeting > 0) {
        greeting -= 1;
        if (greeting === 0) armed();
        return;
      }
      count += 1;
      if (count === frames) counter.resolve?.(Date.now());
    };
  });

const counterDoneAt = () => (globalThis as CounterGlobal).benchCounter?.doneAt ?? Promise.resolve(0);

const closeCounter = () => (globalThis as CounterGlobal).benchCounter?.socket.close();

/** Frames/s of a bare WebSocket opened wherever `evaluate` runs code (the worker, or an extension page). */
const countingRun = async (evaluate: Evaluate, simulator: Simulator, frames: readonly string[]) => {
  await withTimeout(evaluate(openCounter, { url: simulator.url, frames: frames.length }), 10_000, 'counter open');
  try {
    const startedAt = flood(simulator, frames);
    const doneAt = await withTimeout(evaluate(counterDoneAt), FLOOD_TIMEOUT_MS, 'counter flood');
    return rate(frames.length, startedAt, doneAt);
  } finally {
    await evaluate(closeCounter);
    await waitFor(
      async () => simulator.stats().clientsConnected,
      (count) => count === 0,
      { what: 'counter closed' },
    );
  }
};

/** The server's side of the wire: a Node `ws` client reading the same flood. */
const nodeClientRun = async (simulator: Simulator, frames: readonly string[]) => {
  const socket = new NodeWebSocket(simulator.url);
  let count = 0;
  let greeted: () => void = () => {};
  let finished: (at: number) => void = () => {};
  const ready = new Promise<void>((resolve) => {
    greeted = resolve;
  });
  const doneAt = new Promise<number>((resolve) => {
    finished = resolve;
  });
  socket.on('message', () => {
    count += 1;
    if (count === 2) greeted();
    if (count === frames.length + 2) finished(Date.now());
  });
  try {
    await withTimeout(ready, 10_000, 'node client greeting');
    const startedAt = flood(simulator, frames);
    return rate(frames.length, startedAt, await withTimeout(doneAt, FLOOD_TIMEOUT_MS, 'node client flood'));
  } finally {
    socket.close();
    await waitFor(
      async () => simulator.stats().clientsConnected,
      (n) => n === 0,
      { what: 'node client closed' },
    );
  }
};

// ---- the product: the extension's worker, parse → reduce → publish ---------------------------------------

interface HandledWatch {
  /** The frame whose handling ends the run. */
  last: string;
  doneAt: Promise<number>;
  resolve?: (at: number) => void;
}
type HandledGlobal = typeof globalThis & { benchHandled?: HandledWatch; benchHandlerHooked?: boolean };

/**
 * In the worker, before the extension opens its socket: every `onmessage` handler set from now on is wrapped
 * so that, once the handler and the microtasks it queued have run for the watched frame, the time is noted.
 * That is when the worker has taken the frame in, as the bare counter notes its last frame; the view the
 * pages see follows within one publish interval.
 */
const hookMessageHandlers = () => {
  const global = globalThis as HandledGlobal;
  if (global.benchHandlerHooked) return;
  const descriptor = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  const { get, set } = descriptor ?? {};
  if (!get || !set) throw new Error('WebSocket.prototype.onmessage is not an accessor here');
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    configurable: true,
    enumerable: descriptor?.enumerable ?? true,
    get() {
      return get.call(this);
    },
    set(handler: unknown) {
      if (typeof handler !== 'function') return set.call(this, handler);
      set.call(this, function (this: WebSocket, event: MessageEvent) {
        const result = handler.call(this, event);
        const watch = global.benchHandled;
        if (watch && event.data === watch.last) queueMicrotask(() => watch.resolve?.(Date.now()));
        return result;
      });
    },
  });
  global.benchHandlerHooked = true;
};

const watchHandled = (last: string) => {
  const watch: HandledWatch = { last, doneAt: Promise.resolve(0) };
  watch.doneAt = new Promise<number>((resolve) => {
    watch.resolve = resolve;
  });
  (globalThis as HandledGlobal).benchHandled = watch;
};

const handledTime = async () => {
  const global = globalThis as HandledGlobal;
  const at = await (global.benchHandled?.doneAt ?? Promise.resolve(0));
  global.benchHandled = undefined;
  return at;
};

interface ViewWatch {
  doneAt: Promise<number>;
  listener?: (changes: Record<string, { newValue?: unknown }>) => void;
}
type ViewWatchGlobal = typeof globalThis & { benchView?: ViewWatch };

/** In an extension page: resolves when the published view shows this round at `current`. */
const watchView = ({ round, current }: { round: number; current: number }) => {
  const global = globalThis as ViewWatchGlobal;
  if (global.benchView?.listener) chrome.storage.session.onChanged.removeListener(global.benchView.listener);
  const watch: ViewWatch = { doneAt: Promise.resolve(0) };
  watch.doneAt = new Promise<number>((resolve) => {
    watch.listener = (changes) => {
      const view = changes.monitorView?.newValue as { round?: { round: number; current: number } | null } | undefined;
      if (view?.round?.round === round && view.round.current === current) resolve(Date.now());
    };
  });
  if (watch.listener) chrome.storage.session.onChanged.addListener(watch.listener);
  global.benchView = watch;
};

const viewDoneAt = () => (globalThis as ViewWatchGlobal).benchView?.doneAt ?? Promise.resolve(0);

/**
 * Frames/s through the extension: from the first frame sent until the worker's published view (session
 * storage, written at most every 100 ms) shows the last frame's `current`. Includes up to one publish delay.
 */
const floodUntilViewed = async (browser: ExtensionBrowser, simulator: Simulator, batch: RoundFrames) => {
  await browser.inExtension(watchView, { round: batch.round, current: batch.lastCurrent });
  const startedAt = flood(simulator, batch.frames);
  const viewedAt = await withTimeout(browser.inExtension(viewDoneAt), FLOOD_TIMEOUT_MS, 'extension flood');
  return { startedAt, viewedAt };
};

export const extensionRun = async (browser: ExtensionBrowser, simulator: Simulator, batch: RoundFrames) => {
  const { startedAt, viewedAt } = await floodUntilViewed(browser, simulator, batch);
  return rate(batch.frames.length, startedAt, viewedAt);
};

/**
 * The same flood timed twice: until the worker has handled the last frame (its receive rate, comparable with
 * the bare counter's), and until the pages' view shows it (extensionRun's figure). Needs hookMessageHandlers
 * in the worker before the extension's socket opened.
 */
const extensionRunInWorker = async (
  inWorker: Evaluate,
  browser: ExtensionBrowser,
  simulator: Simulator,
  batch: RoundFrames,
) => {
  const last = batch.frames.at(-1);
  if (last === undefined) throw new Error('an empty flood');
  await inWorker(watchHandled, last);
  const { startedAt, viewedAt } = await floodUntilViewed(browser, simulator, batch);
  const handledAt = await withTimeout(inWorker(handledTime), FLOOD_TIMEOUT_MS, 'extension flood handled');
  const frames = batch.frames.length;
  return { handled: rate(frames, startedAt, handledAt), viewed: rate(frames, startedAt, viewedAt) };
};

export const connectExtension = async (browser: ExtensionBrowser, simulator: Simulator, timeout = 15_000) => {
  await setSettings(browser, { serverUrl: simulator.url, monitoring: true });
  await waitFor(
    () => monitorView(browser),
    (view) => view?.connection.phase === 'open' && view.connection.url === simulator.url && view.hasSnapshot,
    { timeout, what: 'extension connected with a snapshot', interval: 50 },
  );
};

const disconnectExtension = async (browser: ExtensionBrowser, simulator: Simulator) => {
  await setSettings(browser, { monitoring: false });
  await waitFor(
    async () => simulator.stats().clientsConnected,
    (count) => count === 0,
    { what: 'extension off' },
  );
};

// ---- the section ---------------------------------------------------------------------------------------

export interface ThroughputResults {
  nodeClient: Spread;
  workerCounter: Spread;
  /** Until the worker has handled the last frame. */
  extension: Spread;
  /** Until the pages' view shows the last frame. */
  extensionViewed: Spread;
  pageCounter: Spread;
}

/** The worker counter runs in the worker itself, through Playwright's handle on it. */
const WITH_WORKER = { waitForWorker: true };

/** Interleaved runs, so a noisy stretch of the machine hits every variant alike. */
export const measureThroughput = (log: (line: string) => void): Promise<ThroughputResults> =>
  withQuietSimulator({ users: 410, initialExpired: 4 }, (simulator) =>
    withBrowser(async (browser) => {
      const samples = {
        nodeClient: [] as number[],
        workerCounter: [] as number[],
        extension: [] as number[],
        extensionViewed: [] as number[],
        pageCounter: [] as number[],
      };
      const worker = await browser.serviceWorker();
      const inWorker: Evaluate = (fn, arg) => worker.evaluate(asPageFunction(fn), arg);
      const inPage: Evaluate = (fn, arg) => browser.inExtension(fn, arg);
      // The extension's socket is replaced on every connect below, so its handler is always a wrapped one.
      await inWorker(hookMessageHandlers);
      await connectExtension(browser, simulator);
      for (let run = 1; run <= RUNS; run++) {
        const batch = roundFrames({ count: FLOOD_FRAMES, round: run });
        const { frames } = batch;
        await disconnectExtension(browser, simulator);
        samples.nodeClient.push(await nodeClientRun(simulator, frames));
        samples.workerCounter.push(await countingRun(inWorker, simulator, frames));
        samples.pageCounter.push(await countingRun(inPage, simulator, frames));
        await connectExtension(browser, simulator);
        const { handled, viewed } = await extensionRunInWorker(inWorker, browser, simulator, batch);
        samples.extension.push(handled);
        samples.extensionViewed.push(viewed);
        log(
          `  run ${run}: node ${num(samples.nodeClient.at(-1) ?? 0)}, worker counter ${num(samples.workerCounter.at(-1) ?? 0)}, ` +
            `page counter ${num(samples.pageCounter.at(-1) ?? 0)}, extension ${num(samples.extension.at(-1) ?? 0)} ` +
            `(view ${num(samples.extensionViewed.at(-1) ?? 0)}) frames/s`,
        );
      }
      return {
        nodeClient: spread(samples.nodeClient),
        workerCounter: spread(samples.workerCounter),
        extension: spread(samples.extension),
        extensionViewed: spread(samples.extensionViewed),
        pageCounter: spread(samples.pageCounter),
      };
    }, WITH_WORKER),
  );

const usPerFrame = (framesPerSecond: Spread) => spread(framesPerSecond.samples.map((value) => 1e6 / value));

export const throughputReport = (results: ThroughputResults, coreUsPerFrame: number | null): SectionReport => {
  const ceiling = results.workerCounter.median;
  const row = (what: string, where: string, value: Spread) => [
    what,
    where,
    fmtSpread(value),
    fmtSpread(usPerFrame(value), ' µs'),
    `${num(value.median / ceiling)}`,
  ];
  const extensionUs = 1e6 / results.extension.median;
  const ceilingUs = 1e6 / ceiling;
  return {
    title: '2a. Extension in Chromium: worker receive throughput',
    tables: [
      {
        title: `${num(FLOOD_FRAMES)} check_progress frames of ~150 B, sent at once, ${RUNS} runs`,
        head: ['receiver', 'where', 'frames/s', 'per frame', 'ratio to worker counter'],
        rows: [
          row('Node `ws` client, counts only', 'bench process', results.nodeClient),
          row('bare WebSocket, counts only (ceiling)', 'extension worker', results.workerCounter),
          row('the extension: parse → reduce, last frame handled', 'extension worker', results.extension),
          row('the same, until the pages’ view shows it', 'worker → page', results.extensionViewed),
          row('bare WebSocket, counts only', 'extension page', results.pageCounter),
        ],
        notes: [
          'Playwright attached; PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK=1 set in the bench process (Playwright reads it',
          'there, not in the browser), so the worker is not network-tracked. Pages cannot opt out: the page row is halved',
          'by DevTools copying every frame. The extension: until its socket handler (wrapped through Playwright, with the',
          'microtasks it queued) has run for the last frame, as the counter notes its last; and until the published view',
          '(session storage, throttled to 100 ms) shows it in a page, which includes up to one publish delay.',
        ],
      },
    ],
    meaning: [
      `The worker's own socket delivers a frame every ${num(ceilingUs)} µs; the extension needs ${num(extensionUs)} µs ` +
        `(${num(results.extension.median / ceiling)}× the ceiling rate)` +
        (coreUsPerFrame === null
          ? '.'
          : `; parse+reduce (Node) is ${num(coreUsPerFrame)} µs of it, the rest is Chromium and the worker's bookkeeping.`),
      `At the simulator's default pace (a progress frame every 0.5 s) that is ${num(results.extension.median / 2)}× headroom.`,
    ],
  };
};
