// npm run soak -- --minutes N --seed S
//
// The promise under random faults: the chaos simulator drops, closes, silences, restarts and garbles; this
// runner also stops the extension's worker and restarts the browser at random instants (often within 3 s of
// an expiry). The notification centre is watched from an extension page (passively: reading it cannot cause
// or hide an alert), the alert history says which users each notification named and how many speech told
// of, and both are compared with the simulator's ground truth. Exits 1 unless nothing was missed, repeated or
// invented, every notification is accounted for, nobody was spoken twice and the badge ends right.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ChaosSimulator, startChaosSimulator } from '../../simulator/chaos';
import { Random } from '../../simulator/random';
import type { JournalEntry } from '../../utils/alerts';
import { type ExtensionBrowser, launchExtensionBrowser } from '../e2e/harness/extension-browser';
import { badge, killServiceWorker, monitorView, setSettings, waitFor } from '../e2e/harness/extension-probes';
import { watchNotifications } from '../e2e/harness/notification-watch';
import { startSpeechDispatcher } from '../e2e/harness/speech-dispatcher';
import { badgeFor, soakPassed, soakReport } from './soak-report';

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

/**
 * Chromium's own log of each launch: it keeps what every worker wrote to the console, restarted ones
 * included, for tracing a failure afterwards.
 */
const chromiumLogs: string[] = [];
const workerLines = () =>
  chromiumLogs.flatMap((file) => {
    try {
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.includes('[token-monitor]'));
    } catch {
      return [];
    }
  });

/** Every notification id seen in the notification centre, with when it was first seen. */
const screen = new Map<string, number>();
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

const openBrowser = () => {
  const logFile = join(RESULTS, `soak-chromium-${chromiumLogs.length + 1}.log`);
  chromiumLogs.push(logFile);
  const logging = ['--enable-logging', '--v=0', `--log-file=${logFile}`];
  return launchExtensionBrowser({ profileDir, args: [...speech.args, ...logging], env: speech.env });
};

/** Stops the worker as Chrome does; it comes back through a page's message or, later, the 30 s alarm. */
const restartWorker = async (browser: ExtensionBrowser, wakeNow: boolean) => {
  const stopped = await killServiceWorker(browser);
  log(`  ${stopped} worker(s) stopped`);
  if (!wakeNow) return;
  await sleep(between(0, 1500));
  await browser.inExtension(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined));
};

/** The watch's longest gap between readings, over every launch. */
let watchGapMs = 0;

/** What the watch saw, kept across browser restarts (a restart clears the notification centre). */
const collectScreen = async () => {
  for (const [id, at] of Object.entries(await watch.seen())) if (!screen.has(id)) screen.set(id, at);
  watchGapMs = Math.max(watchGapMs, await watch.longestGap());
};

const journalOf = (browser: ExtensionBrowser) =>
  browser.inExtension(
    async () => ((await chrome.storage.local.get('alertJournal')).alertJournal ?? []) as JournalEntry[],
  );

let browser = await openBrowser();
let watch = await watchNotifications(browser);
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
  await collectScreen();
  await browser.close({ keepProfile: true });
  browser = await openBrowser();
  watch = await watchNotifications(browser);
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
// The server's rounds go on (renewals at a round's start reach the client with its next status), so the
// badge is compared with the total in one reading of both, once they agree or two minutes have passed.
const reading = async () => ({
  view: await monitorView(browser),
  badgeText: (await badge(browser)).text,
  total: chaos.truth().totalExpired,
});
const settled = await waitFor(
  reading,
  ({ view, badgeText, total }) =>
    view?.connection.phase === 'open' && view.totals.totalExpired === total && badgeText === badgeFor(total),
  { timeout: 120_000, interval: 500, what: 'the extension to reach the server total' },
).catch((error: unknown) => {
  log(String(error));
  return null;
});
const final = settled ?? (await reading());
// Alerts leave on the leading edge; give the last ones their window and their delivery mark.
await sleep(5000);
await collectScreen();
const truth = chaos.truth();
const heard = new Set(truth.heard);
const journal = await journalOf(browser);
// Beside the truth log: which users each alert named, to trace any miss or repeat afterwards.
writeFileSync(join(RESULTS, 'soak-journal.json'), JSON.stringify(journal, null, 1));
const workerLog = workerLines();
writeFileSync(join(RESULTS, 'soak-worker.log'), `${workerLog.join('\n')}\n`);
const report = soakReport({
  truth: truth.expiries.map(({ user_id, expired_time, at }) => ({
    user_id,
    expired_time,
    at,
    heard: heard.has(`${user_id}@${expired_time}`),
  })),
  journal,
  screen,
  badgeText: final.badgeText,
  totalExpired: final.total,
});
const stats = chaos.stats();
const faults = { ...chaos.faults(), ...extensionFaults };
const passed = settled !== null && soakPassed(report);

const list = (items: readonly unknown[]) =>
  `${items.length}${
    items.length
      ? `: ${items
          .slice(0, 8)
          .map((item) => JSON.stringify(item))
          .join(', ')}`
      : ''
  }`;
console.log(`
soak: seed ${seed}, ${minutes} min — ${passed ? 'PASSED' : 'FAILED'}
  expiries made known    ${report.expiries}
  alerts                 ${report.alerts} (${screen.size} notifications seen on screen)
  missed                 ${list(report.missed)}
  lost in flight         ${list(report.lostInFlight)} (out only on sockets that closed at once, renewed before sent again)
  repeated               ${list(report.repeated)}
  invented               ${list(report.phantom)}
  alerts never on screen ${list(report.unshown)} (the watch's longest gap between readings: ${watchGapMs} ms)
  unaccounted on screen  ${list(report.unrecorded)}
  spoken twice           ${list(report.speech.saidTwice)} (speech told of ${report.speech.spokenUsers} of ${report.speech.announcedUsers} users)
  badge                  "${report.badge.text}" (server total_expired ${final.total})${settled ? '' : ' — never caught up'}
  first expiry → screen  p50 ${report.latencyMs.p50} ms, p99 ${report.latencyMs.p99} ms, max ${report.latencyMs.max} ms over ${report.latencyMs.measured} alerts (faults included)
  reconnects             ${stats.connectionsAccepted}
  faults survived        ${Object.entries(faults)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ')}`);
if (!passed) {
  // Around each pair missed or repeated: how the server sent it, which faults ran near it, which alerts went
  // out near it, so a failure on a machine whose files are gone can still be traced from this output.
  const near = (at: number) => (other: number) => Math.abs(other - at) < 5000;
  for (const pair of [...report.missed, ...report.repeated.map((repeat) => repeat.pair)].slice(0, 4)) {
    const sent = truth.expiries.find((expiry) => `${expiry.user_id}@${expiry.expired_time}` === pair);
    if (!sent) continue;
    const close = near(sent.at);
    console.log(`\n${pair}: first sent in a ${sent.frame} (round ${sent.check_round}) at ${sent.time}`);
    for (const entry of truth.entries) {
      if ((entry.event === 'fault' || entry.event === 'fault_end') && close(entry.at))
        console.log(
          `  ${entry.time} ${entry.event} ${entry.kind} ${JSON.stringify(entry.event === 'fault' ? entry.params : entry.effect)}`,
        );
    }
    for (const entry of journal.filter((alert) => close(alert.at)))
      console.log(`  ${new Date(entry.at).toISOString()} alert ${entry.id} ${entry.kind} ×${entry.count}`);
  }
  // What the workers said about alerts they could not deliver, the first place to look.
  const troubles = workerLog.filter((line) => line.includes('[alert]'));
  console.log(`\nworker lines about alerts (${troubles.length}; all in test-results/soak-worker.log):`);
  for (const line of troubles.slice(-40)) console.log(`  ${line}`);
}
writeFileSync(
  join(RESULTS, 'soak-report.json'),
  JSON.stringify(
    {
      seed,
      minutes,
      passed,
      report,
      faults,
      reconnects: stats.connectionsAccepted,
      watch: { longestGapMs: watchGapMs, seen: Object.fromEntries(screen) },
    },
    null,
    2,
  ),
);

await browser.close();
await chaos.stop();
await speech.stop();
rmSync(profileDir, { recursive: true, force: true });
process.exit(passed ? 0 : 1);
