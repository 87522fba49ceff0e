// npm run soak -- --minutes N --seed S
//
// The promise under random faults: the chaos simulator drops, closes, silences, restarts and garbles; this
// runner also stops the extension's worker and restarts the browser at random instants (often within 3 s of
// an expiry). Every notification and utterance is observed from outside the extension and compared with the
// simulator's ground truth. Exits 1 unless nothing was missed, repeated or invented and the badge ends right.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ChaosSimulator, startChaosSimulator } from '../../simulator/chaos';
import { Random } from '../../simulator/random';
import type { JournalEntry } from '../../utils/alerts';
import { OBSERVER_ARGS, type ObservedCall, observeAlerts } from '../e2e/harness/alert-observer';
import { type ExtensionBrowser, launchExtensionBrowser } from '../e2e/harness/extension-browser';
import { badge, killServiceWorker, monitorView, setSettings, waitFor } from '../e2e/harness/extension-probes';
import { startSpeechDispatcher } from '../e2e/harness/speech-dispatcher';
import { soakPassed, soakReport } from './soak-report';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '4' },
    seed: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const minutes = Number(values.minutes);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!(minutes > 0) || !Number.isInteger(seed)) {
  console.error('usage: npm run soak -- --minutes N --seed S');
  process.exit(2);
}
const ROOT = resolve(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'test-results');

/** Faults on the extension's side, drawn from the seed like the server's. */
const random = new Random(seed ^ 0x50a4);
const between = (low: number, high: number) => low + random.next() * (high - low);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const log = (line: string) => console.log(`[soak ${new Date().toISOString().slice(11, 23)}] ${line}`);

const calls: ObservedCall[] = [];
const extensionFaults = { 'worker-stop': 0, 'browser-restart': 0, 'within-3s-of-expiry': 0 };

if (!values['no-build']) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
mkdirSync(RESULTS, { recursive: true });
const speech = await startSpeechDispatcher();
const chaos: ChaosSimulator = await startChaosSimulator({
  port: 0,
  seed,
  truthFile: join(RESULTS, 'soak-truth.jsonl'),
  log: () => {},
});
const profileDir = mkdtempSync(join(tmpdir(), 'tmn-soak-'));

/** Chromium on the soak's profile, observed from before its next worker starts. */
const openBrowser = async () => {
  const browser = await launchExtensionBrowser({
    profileDir,
    args: [...OBSERVER_ARGS, ...speech.args],
    env: speech.env,
  });
  const observer = await observeAlerts(profileDir, browser.extensionId, calls);
  // The worker that started with the browser ran before the observer attached: replace it by one that is
  // instrumented from its first line.
  await restartWorker(browser, true);
  await waitFor(
    async () => observer.workers.fromStart,
    (count) => count > 0,
    { timeout: 40_000, what: 'an instrumented worker' },
  );
  return { browser, observer };
};

/** Stops the worker as Chrome does; it comes back through a page's message or, later, the 30 s alarm. */
const restartWorker = async (browser: ExtensionBrowser, wakeNow: boolean) => {
  await killServiceWorker(browser);
  if (!wakeNow) return;
  await sleep(between(0, 1500));
  await browser.inExtension(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined));
};

const journalOf = (browser: ExtensionBrowser) =>
  browser.inExtension(
    async () => ((await chrome.storage.local.get('alertJournal')).alertJournal ?? []) as JournalEntry[],
  );

let { browser, observer } = await openBrowser();
await setSettings(browser, { serverUrl: chaos.url });
log(`seed ${seed}, ${minutes} min against ${chaos.url}`);

const endAt = Date.now() + minutes * 60_000;
let nextWorkerStop = Date.now() + between(15_000, 35_000);
let nextBrowserRestart = Date.now() + between(50_000, 90_000);
let expiriesSeen = 0;
let soonAfterExpiry: { at: number; kind: 'worker-stop' | 'browser-restart' } | null = null;

const act = async (kind: 'worker-stop' | 'browser-restart') => {
  extensionFaults[kind] += 1;
  log(kind);
  if (kind === 'worker-stop') return restartWorker(browser, random.chance(0.6));
  observer.close();
  await browser.close({ keepProfile: true });
  ({ browser, observer } = await openBrowser());
};

while (Date.now() < endAt) {
  await sleep(200);
  const expiries = chaos.truth().expiries.length;
  if (expiries > expiriesSeen && !soonAfterExpiry && random.chance(0.3)) {
    // The instants that matter most: an alert is on its way out.
    soonAfterExpiry = {
      at: Date.now() + between(0, 3000),
      kind: random.chance(0.8) ? 'worker-stop' : 'browser-restart',
    };
  }
  expiriesSeen = expiries;
  if (soonAfterExpiry && Date.now() >= soonAfterExpiry.at) {
    extensionFaults['within-3s-of-expiry'] += 1;
    const { kind } = soonAfterExpiry;
    soonAfterExpiry = null;
    await act(kind);
  } else if (Date.now() >= nextBrowserRestart) {
    nextBrowserRestart = Date.now() + between(50_000, 90_000);
    await act('browser-restart');
  } else if (Date.now() >= nextWorkerStop) {
    nextWorkerStop = Date.now() + between(15_000, 35_000);
    await act('worker-stop');
  }
}

log('calming the server, waiting for the extension to catch up');
await chaos.calm();
await browser.inExtension(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined));
const settled = await waitFor(
  async () => ({ view: await monitorView(browser), total: chaos.truth().totalExpired }),
  ({ view, total }) => view?.connection.phase === 'open' && view.totals.totalExpired === total,
  { timeout: 120_000, interval: 500, what: 'the extension to reach the server total' },
).catch((error: unknown) => {
  log(String(error));
  return null;
});
// Alerts leave on the leading edge; give the last ones their window and their delivery mark.
await sleep(5000);
const truth = chaos.truth();
const report = soakReport({
  truth: truth.expiries.map(({ user_id, expired_time, at }) => ({ user_id, expired_time, at })),
  journal: await journalOf(browser),
  calls,
  badgeText: (await badge(browser)).text,
  totalExpired: truth.totalExpired,
});
const stats = chaos.stats();
const faults = { ...chaos.faults(), ...extensionFaults };
const passed = settled !== null && soakPassed(report) && observer.errors.length === 0;

console.log(`
soak: seed ${seed}, ${minutes} min — ${passed ? 'PASSED' : 'FAILED'}
  expiries made known   ${report.expiries}
  alerts                ${report.alerts} (${report.notifications} notifications seen, ${report.notificationCalls} create/update calls)
  missed                ${report.missed.length}${report.missed.length ? `: ${report.missed.slice(0, 10).join(', ')}` : ''}
  repeated              ${report.repeated.length}${report.repeated.length ? `: ${JSON.stringify(report.repeated.slice(0, 5))}` : ''}
  invented              ${report.phantom.length}${report.phantom.length ? `: ${report.phantom.slice(0, 10).join(', ')}` : ''}
  badge                 "${report.badge.text}" (server total_expired ${truth.totalExpired})
  speech                ${report.speech.utterances} utterances naming ${report.speech.spokenUsers} of ${report.speech.announcedUsers} users announced
  server → notification p50 ${report.latencyMs.p50} ms, p99 ${report.latencyMs.p99} ms, max ${report.latencyMs.max} ms (all ${report.latencyMs.measured}, including faults)
  reconnects            ${stats.connectionsAccepted}
  faults survived       ${Object.entries(faults)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ')}
  workers observed      ${observer.workers.fromStart} from their start${observer.errors.length ? `; errors: ${observer.errors.join('; ')}` : ''}`);
writeFileSync(
  join(RESULTS, 'soak-report.json'),
  JSON.stringify({ seed, minutes, passed, report, faults, reconnects: stats.connectionsAccepted }, null, 2),
);

observer.close();
await browser.close();
await chaos.stop();
await speech.stop();
rmSync(profileDir, { recursive: true, force: true });
process.exit(passed ? 0 : 1);
