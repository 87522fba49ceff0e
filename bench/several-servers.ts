// Ten servers of 100,000 expired users each, watched at once: the per-user budgets must hold at 1,000,000.
import type { Simulator } from '../simulator/server.ts';
import type { ExtensionBrowser } from '../tests/e2e/harness/extension-browser.ts';
import { monitorView, setSettings, waitFor } from '../tests/e2e/harness/extension-probes.ts';
import { type HeapUsage, withBrowser, withQuietSimulator, workerHeap } from './browser.ts';
import { megabytes, num, type SectionReport, spread } from './measure.ts';
import { OPENS, openPopup, type PopupOpen } from './popup-open.ts';

export const SERVERS = 10;
export const EXPIRED_PER_SERVER = 100_000;
/** Each server's population: its expired users and as many again still valid. */
const USERS_PER_SERVER = 2 * EXPIRED_PER_SERVER;
const INGEST_TIMEOUT_MS = 300_000;
/** After every snapshot is in: every first list written out (at most every 30 s), the first alerts shown. */
const SETTLE_MS = 40_000;

export interface SeveralServersResults {
  servers: number;
  expiredPerServer: number;
  /** Settings saved until the published view counts every server's expired users. */
  ingestMs: number;
  worker: HeapUsage | null;
  opens: PopupOpen[];
}

/** Runs `use` with `count` quiet simulators, each with its own seed (so its own users), always stopped. */
const withSimulators = async <T>(count: number, use: (simulators: Simulator[]) => Promise<T>): Promise<T> => {
  const started: Simulator[] = [];
  const next = async (): Promise<T> => {
    if (started.length === count) return use(started);
    return withQuietSimulator(
      { users: USERS_PER_SERVER, initialExpired: EXPIRED_PER_SERVER, seed: 100 + started.length },
      (simulator) => {
        started.push(simulator);
        return next();
      },
    );
  };
  return next();
};

const watchAll = async (browser: ExtensionBrowser, simulators: Simulator[]) => {
  const started = Date.now();
  await setSettings(browser, {
    servers: simulators.map((simulator, index) => ({
      id: `s${index}`,
      name: `服务器 ${index + 1}`,
      url: simulator.url,
    })),
  });
  await waitFor(
    () => monitorView(browser),
    (view) => view?.expiredCount === simulators.length * EXPIRED_PER_SERVER,
    { timeout: INGEST_TIMEOUT_MS, interval: 200, what: `${simulators.length} servers' expired users in the view` },
  );
  return Date.now() - started;
};

export const measureSeveralServers = (log: (line: string) => void): Promise<SeveralServersResults> =>
  withSimulators(SERVERS, (simulators) =>
    withBrowser(async (browser) => {
      const ingestMs = await watchAll(browser, simulators);
      log(`  ${SERVERS} × ${num(EXPIRED_PER_SERVER)} expired: view after ${num(ingestMs)} ms`);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const worker = await workerHeap(browser).catch(() => null);
      const opens: PopupOpen[] = [];
      for (let run = 1; run <= OPENS; run++) {
        opens.push(await openPopup(browser));
        log(`  popup open ${run} with ${SERVERS} servers: row ${num(opens.at(-1)?.row ?? Number.NaN)} ms in page`);
      }
      return { servers: SERVERS, expiredPerServer: EXPIRED_PER_SERVER, ingestMs, worker, opens };
    }),
  );

/** The popup's first row over the opens, in page (as rows 3 and 4 measure it). */
export const severalServersFirstRow = (results: SeveralServersResults) =>
  spread(results.opens.flatMap((open) => (open.row === null ? [] : [open.row])));

export const severalServersReport = (results: SeveralServersResults): SectionReport => {
  const users = results.servers * results.expiredPerServer;
  const row = severalServersFirstRow(results);
  return {
    title: `Several servers: ${results.servers} × ${num(results.expiredPerServer)} expired users`,
    tables: [
      {
        title: 'one worker watching every server',
        head: ['figure', 'value'],
        rows: [
          ['connect → view counts every server’s users', `${num(results.ingestMs)} ms`],
          ['worker heap (after GC)', results.worker ? megabytes(results.worker.usedSize) : 'unreachable'],
          ['worker heap per user', results.worker ? `${num(results.worker.usedSize / users)} B` : 'unreachable'],
          ['popup first row, in page (median [min–max])', `${num(row.median)} ms [${num(row.min)}–${num(row.max)}]`],
        ],
      },
    ],
    meaning: [
      'Each server is its own quiet simulator with its own users; one socket, state and stored list per server.',
    ],
  };
};
