import { type AlertLatencyResults, type AlertRun, FLOOD_PER_SECOND } from './alert-latency.ts';
import { num, percentile, type SectionReport, type Table } from './measure.ts';

/** p99 of send → create, with a never-shown alert counted as infinitely late. */
export const alertP99 = (run: AlertRun) =>
  percentile(
    run.samples.map((sample) => sample.latencyMs),
    99,
  );

const shownCount = (run: AlertRun) => run.samples.filter((sample) => sample.latencyMs !== null).length;

const row = (what: string, run: AlertRun) => {
  const latencies = run.samples.map((sample) => sample.latencyMs);
  return [
    what,
    `${shownCount(run)} / ${run.samples.length}`,
    `${num(percentile(latencies, 50))} ms`,
    `${num(alertP99(run))} ms`,
    latencies.map((value) => (value === null ? 'none' : num(value))).join(', '),
  ];
};

const table = (results: AlertLatencyResults): Table => ({
  title:
    'one new user per token_expired, each > 1.5 s (the coalescing window) after the last, 100,000 expired in state',
  head: ['while', 'shown', 'p50', 'p99', 'each, in send order (ms)'],
  rows: [
    row('(q) nothing else on the socket', results.quiet),
    row(`(a) ${num(FLOOD_PER_SECOND)} progress frames/s`, results.flood),
    row('(b) a 100,000-user current_status arrives', results.snapshot),
  ],
  notes: [
    "Latency = the simulator's broadcastRaw call (this process) → chrome.notifications.create called in the worker,",
    "which a wrapper installed through Playwright's worker handle timestamps. Both read performance.timeOrigin +",
    `now() off the one system clock; the worker's ran ${num(results.clockOffsetMs)} ms ahead (best of 7 probes, round trip`,
    `${num(results.clockRoundTripMs)} ms), which is subtracted. p99 is nearest-rank: with fewer than 100 alerts, the largest.`,
    `(b) sends the expiry 0–750 ms after a repeated full snapshot (the server repeats it every 30 s), which lists`,
    'every user announced before: unchanged for the reducer, but parsed and compared in full.',
  ],
});

export const alertReport = (results: AlertLatencyResults): SectionReport => {
  const { flood } = results;
  const lines = [
    `Under the flood the simulator sent ${num(flood.sentPerSecond ?? Number.NaN)} frames/s; the worker showed the last ` +
      `progress frame ${flood.drainMs === null || flood.drainMs === undefined ? 'never (within 60 s)' : `${num(flood.drainMs)} ms`} after the flood ended.`,
  ];
  const offsets = results.snapshot.samples
    .map((sample) => `${sample.offsetMs ?? 0} ms → ${sample.latencyMs === null ? 'none' : num(sample.latencyMs)}`)
    .join(', ');
  lines.push(`During snapshots, expiry sent after the snapshot → latency: ${offsets}.`);
  return { title: '2d. Alert latency', tables: [table(results)], meaning: lines };
};
