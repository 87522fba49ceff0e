import { createConnection } from 'node:net';
import type { Page } from 'playwright-core';
import { type Simulator, type SimulatorOptions, startSimulator } from '../simulator/server.ts';
import {
  type ExtensionBrowser,
  type LaunchOptions,
  launchExtensionBrowser,
} from '../tests/e2e/harness/extension-browser.ts';
import { withTimeout } from './measure.ts';

// Playwright reads this in *its own* process (playwright-core runs inside this Node process) when it attaches
// to a service worker: set, it does not enable DevTools network tracking there, which otherwise copies every
// WebSocket frame and halves the worker's receive rate. Pages cannot opt out. Set before any launch.
process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';

/** Runs `use` with a fresh browser (the e2e harness's) and always closes it, whatever `use` does. */
export const withBrowser = async <T>(
  use: (browser: ExtensionBrowser) => Promise<T>,
  options: LaunchOptions = {},
): Promise<T> => {
  const browser = await launchExtensionBrowser(options);
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
};

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
export const pageHeap = async (browser: ExtensionBrowser, page: Page): Promise<HeapUsage> => {
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
export const workerHeap = async (browser: ExtensionBrowser): Promise<HeapUsage> => {
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

interface ListCommits {
  writes: number;
  /** Date.now() of the first one. */
  firstAt: number | null;
  listener?: (changes: Record<string, unknown>) => void;
}
type ListCommitsGlobal = typeof globalThis & { benchListCommits?: ListCommits };

// In an extension page. The worker writes the list in parts and makes it the stored list with one small
// write of its manifest: each change of that key is one whole rewrite of the list, landed.
const countListCommits = () => {
  const counter: ListCommits = { writes: 0, firstAt: null };
  counter.listener = (changes) => {
    if (!('expiredListManifest' in changes)) return;
    counter.writes += 1;
    counter.firstAt ??= Date.now();
  };
  chrome.storage.local.onChanged.addListener(counter.listener);
  (globalThis as ListCommitsGlobal).benchListCommits = counter;
};

const readListCommits = () => {
  const counter = (globalThis as ListCommitsGlobal).benchListCommits;
  return { writes: counter?.writes ?? 0, firstAt: counter?.firstAt ?? null };
};

const stopListCommits = () => {
  const counter = (globalThis as ListCommitsGlobal).benchListCommits;
  if (counter?.listener) chrome.storage.local.onChanged.removeListener(counter.listener);
  return { writes: counter?.writes ?? 0, firstAt: counter?.firstAt ?? null };
};

/** Counts the rewrites of the stored expired list that land, until the returned stop() is called. */
export const watchListWrites = async (browser: ExtensionBrowser) => {
  await browser.inExtension(countListCommits);
  return {
    read: () => browser.inExtension(readListCommits),
    stop: () => browser.inExtension(stopListCommits),
  };
};
