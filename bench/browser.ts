import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type Simulator, type SimulatorOptions, startSimulator } from '../simulator/server.ts';
import { EXTENSION_PATH } from '../tests/e2e/harness/extension-browser.ts';
import type { MonitorView } from '../utils/monitor/monitor-view.ts';
import { withTimeout } from './measure.ts';

// Playwright reads this in *its own* process (playwright-core runs inside this Node process) when it attaches
// to a service worker: set, it does not enable DevTools network tracking there, which otherwise copies every
// WebSocket frame and halves the worker's receive rate. Pages cannot opt out. Set before any launch.
process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What the harness's browser offers, plus the worker handle so a baseline can run code in the worker. */
export interface BenchBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  pageUrl(path: string): string;
  /** Runs `fn` in an extension page: chrome.* is there, and it never hangs while the worker is stopped. */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

// Same flags as tests/e2e/harness/extension-browser.ts.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-extensions-except=${EXTENSION_PATH}`,
  `--load-extension=${EXTENSION_PATH}`,
];

const WORKER_WAIT_MS = 8_000;
const LAUNCH_ATTEMPTS = 3;

const findWorker = async (context: BrowserContext): Promise<Worker | null> => {
  const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const known = context.serviceWorkers().find(isOurs);
  if (known) return known;
  return context
    .waitForEvent('serviceworker', { predicate: isOurs, timeout: WORKER_WAIT_MS })
    .catch(() => context.serviceWorkers().find(isOurs) ?? null);
};

/**
 * Why not launchExtensionBrowser() itself: now and then (2 of 9 launches on this machine) Playwright never
 * reports the extension's worker (it started before Playwright had set up the context), and the harness then
 * throws without closing the browser it launched. Here a launch without a worker is closed and retried.
 */
const launchOnce = async (): Promise<BenchBrowser | null> => {
  const profileDir = mkdtempSync(join(tmpdir(), 'tmn-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: 'light',
    locale: 'zh-CN',
    args: chromiumArgs,
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
  };
  const worker = await findWorker(context).catch(() => null);
  if (!worker) {
    await close();
    return null;
  }
  return wrap(context, worker, close);
};

/**
 * Playwright types the function's argument as Unboxed<A>, which TypeScript cannot relate to a generic A.
 * Every argument here is plain JSON, for which the two are the same type.
 */
export const asPageFunction = <R, A>(fn: (arg: A) => R | Promise<R>) => fn as (arg: unknown) => R | Promise<R>;

const wrap = (context: BrowserContext, worker: Worker, close: () => Promise<void>): BenchBrowser => {
  const extensionId = new URL(worker.url()).host;
  const pageUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  let probe: Page | null = null;
  const inExtension = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    if (!probe || probe.isClosed()) {
      probe = await context.newPage();
      await probe.goto(pageUrl('/options.html'));
    }
    return probe.evaluate(asPageFunction(fn), arg);
  };
  return { context, worker, extensionId, pageUrl, inExtension, close } satisfies BenchBrowser;
};

export const launchBenchBrowser = async (): Promise<BenchBrowser> => {
  for (let attempt = 1; attempt <= LAUNCH_ATTEMPTS; attempt++) {
    const browser = await launchOnce();
    if (browser) return browser;
    console.error(`  (launch ${attempt}: Playwright did not report the extension's worker; relaunching)`);
  }
  throw new Error(`the extension's service worker did not appear in ${LAUNCH_ATTEMPTS} launches`);
};

/** Runs `use` with a fresh browser and always closes it, whatever `use` does. */
export const withBrowser = async <T>(use: (browser: BenchBrowser) => Promise<T>): Promise<T> => {
  const browser = await launchBenchBrowser();
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
};

// The harness's monitorView/setSettings, over this browser (the harness's own types keep changing under
// concurrent work; these two reads are all the bench needs).

/** The worker's published live summary (session storage), or null before the first publish. */
export const monitorView = (browser: BenchBrowser) =>
  browser.inExtension(
    async () => ((await chrome.storage.session.get('monitorView')).monitorView ?? null) as MonitorView | null,
    null,
  );

export const setSettings = (browser: BenchBrowser, change: Record<string, unknown>) =>
  browser.inExtension(async (patch) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), ...patch } });
  }, change);

/** A simulator that sends nothing on its own after the greeting: no rounds, no status broadcasts, no expiries. */
export const withQuietSimulator = async <T>(
  options: SimulatorOptions,
  use: (simulator: Simulator) => Promise<T>,
): Promise<T> => {
  const simulator = await startSimulator({
    port: 0,
    interval: 3600,
    checkDuration: 1,
    firstRoundDelay: 3600,
    statusInterval: 3600,
    expireRate: 0,
    renewRate: 0,
    seed: 42,
    log: () => {},
    ...options,
  });
  try {
    return await use(simulator);
  } finally {
    await simulator.stop();
  }
};

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface HeapUsage {
  usedSize: number;
  totalSize: number;
}

/** JS heap of a page after a forced GC, through the page's own DevTools session. */
export const pageHeap = async (browser: BenchBrowser, page: Page): Promise<HeapUsage> => {
  const session = await browser.context.newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    return (await session.send('Runtime.getHeapUsage')) as HeapUsage;
  } finally {
    await session.detach().catch(() => {});
  }
};

/**
 * JS heap of the extension's service worker after a forced GC. Playwright offers no DevTools session on a
 * worker, so a page session attaches to the worker target the old (non-flat) way and relays two commands.
 */
export const workerHeap = async (browser: BenchBrowser): Promise<HeapUsage> => {
  const page = await browser.context.newPage();
  const session = await browser.context.newCDPSession(page);
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const target = targetInfos.find((info) => info.type === 'service_worker' && info.url.includes(browser.extensionId));
    if (!target) throw new Error('no service worker target');
    const { sessionId } = (await session.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    })) as { sessionId: string };
    const replies = new Map<number, (result: unknown) => void>();
    session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (reply.id !== undefined) replies.get(reply.id)?.(reply.result);
    });
    const call = (id: number, method: string) => {
      const answered = new Promise<unknown>((resolve) => replies.set(id, resolve));
      void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      return withTimeout(answered, 10_000, method);
    };
    await call(1, 'HeapProfiler.collectGarbage');
    return (await call(2, 'Runtime.getHeapUsage')) as HeapUsage;
  } finally {
    await session.detach().catch(() => {});
    await page.close();
  }
};

/** Something already on the extension's default address would reach a fresh profile before our simulator. */
export const defaultPortTaken = (): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: 8765 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

interface LargeWrites {
  writes: number;
  /** Date.now() of the first one. */
  firstAt: number | null;
  listener?: (changes: Record<string, { newValue?: unknown }>) => void;
}
type LargeWritesGlobal = typeof globalThis & { benchLargeWrites?: LargeWrites };

// In an extension page. Key-agnostic on purpose (the storage layout is still moving): any storage.local
// value of at least `minChars` counts, which at these sizes is the expired list. The listener receives
// old and new value (2 × 10 MB at 100,000 users), so it is installed only while counting.
const countLargeWrites = (minChars: number) => {
  const counter: LargeWrites = { writes: 0, firstAt: null };
  counter.listener = (changes) => {
    for (const change of Object.values(changes)) {
      const value = change.newValue;
      const size = typeof value === 'string' ? value.length : JSON.stringify(value ?? null).length;
      if (size < minChars) continue;
      counter.writes += 1;
      counter.firstAt ??= Date.now();
    }
  };
  chrome.storage.local.onChanged.addListener(counter.listener);
  (globalThis as LargeWritesGlobal).benchLargeWrites = counter;
};

const readLargeWrites = () => {
  const counter = (globalThis as LargeWritesGlobal).benchLargeWrites;
  return { writes: counter?.writes ?? 0, firstAt: counter?.firstAt ?? null };
};

const stopLargeWrites = () => {
  const counter = (globalThis as LargeWritesGlobal).benchLargeWrites;
  if (counter?.listener) chrome.storage.local.onChanged.removeListener(counter.listener);
  return { writes: counter?.writes ?? 0, firstAt: counter?.firstAt ?? null };
};

/** Counts storage.local writes of large values (the expired list) until the returned stop() is called. */
export const watchLargeWrites = async (browser: BenchBrowser, minChars: number) => {
  await browser.inExtension(countLargeWrites, minChars);
  return {
    read: () => browser.inExtension(readLargeWrites, null),
    stop: () => browser.inExtension(stopLargeWrites, null),
  };
};
