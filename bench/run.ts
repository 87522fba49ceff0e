// `npm run bench`: prints figures and holds them to their budgets. Progress goes to stderr while it runs; the
// report goes to stdout at the end, so the core section can be read against the browser figures of the same
// run. It exits 1, naming each budget missed, when any budget is missed or a section fails to run; every
// row also goes to bench/results.json.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, EXTENSION_PATH } from '../tests/e2e/harness/extension-browser.ts';
import { measureAlertLatency } from './alert-latency.ts';
import { alertReport } from './alert-report.ts';
import { defaultPortTaken } from './browser.ts';
import { formatBudgets } from './budget-report.ts';
import { type BenchResults, budgetRows } from './budget-rows.ts';
import { judge } from './budgets.ts';
import { measureBundle } from './bundle-size.ts';
import { type CoreResults, coreReport, coreUsPerFrame } from './core.ts';
import { formatSection, megabytes, num, type SectionReport } from './measure.ts';
import { measurePopup } from './popup-open.ts';
import { popupReport } from './popup-report.ts';
import { writeResults } from './results-file.ts';
import { scalingReport } from './scaling-report.ts';
import { measureSeveralServers, severalServersReport } from './several-servers.ts';
import { measureThroughput, type ThroughputResults, throughputReport } from './worker-throughput.ts';

const log = (line: string) => console.error(line);

/**
 * `npm run bench -- --node-only` leaves Chromium out (a machine where it must not or cannot run): the browser
 * rows then read "not measured", and the run still exits 1, since those budgets were not checked.
 */
const NODE_ONLY = process.argv.includes('--node-only');
const root = resolve(import.meta.dirname, '..');

const chromiumVersion = () => {
  try {
    // Debian's wrapper script prints a shell warning on stderr; only stdout matters.
    return execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return `not runnable at ${CHROMIUM}`;
  }
};

const machineLines = () => {
  const cpu = cpus();
  const build = join(EXTENSION_PATH, 'manifest.json');
  return [
    `cores: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}; memory ${megabytes(totalmem())}; ` +
      `load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    `node ${process.version}; ${NODE_ONLY ? 'Chromium not run (--node-only)' : `${chromiumVersion()} (headless, Playwright-driven)`}`,
    `extension build: ${existsSync(build) ? `${EXTENSION_PATH} (${statSync(build).mtime.toISOString()})` : 'missing — run `npx wxt build`'}`,
  ];
};

/** The core run in its own process (see core-child.ts for why), with global.gc() for its heap figures. */
const runCore = (): CoreResults =>
  JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'bench/core-child.ts')], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    }).toString(),
  ) as CoreResults;

/** A failed section is reported and the others still run; the exit code then says the bench could not look. */
const attempt = async <T>(what: string, run: () => Promise<T> | T, failures: string[]): Promise<T | null> => {
  const started = Date.now();
  log(`${what}…`);
  try {
    const result = await run();
    log(`${what}: ${num((Date.now() - started) / 1000)} s`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    failures.push(`${what} failed: ${message}`);
    log(`${what} FAILED: ${message}`);
    return null;
  }
};

const usPerFrame = (throughput: ThroughputResults | null) =>
  throughput ? 1e6 / throughput.workerCounter.median : null;

const sections = ({ core, throughput, popup, alerts, servers }: BenchResults): SectionReport[] => {
  const reports: SectionReport[] = [];
  if (core) reports.push(coreReport(core, usPerFrame(throughput)));
  if (throughput) reports.push(throughputReport(throughput, core ? coreUsPerFrame(core) : null));
  if (popup) reports.push(...popupReport(popup, throughput?.extension.median ?? Number.NaN));
  if (alerts) reports.push(alertReport(alerts));
  if (servers) reports.push(severalServersReport(servers));
  if (core) reports.push(scalingReport(core.scaling, popup ?? []));
  return reports;
};

const measureBrowser = async (failures: string[]) => {
  if (NODE_ONLY) return { throughput: null, popup: null, alerts: null, servers: null };
  if (await defaultPortTaken()) {
    failures.push('something listens on 127.0.0.1:8765, the default server: a fresh profile connects there first');
  }
  const throughput = await attempt('worker receive throughput', () => measureThroughput(log), failures);
  const popup = await attempt('popup open and worker by list size', () => measurePopup(log), failures);
  const alerts = await attempt('alert latency', () => measureAlertLatency(log), failures);
  const servers = await attempt('several servers at once', () => measureSeveralServers(log), failures);
  return { throughput, popup, alerts, servers };
};

const measureAll = async (failures: string[]): Promise<BenchResults> => {
  const core = await attempt('core and scaling (Node, in a child process)', runCore, failures);
  const bundle = await attempt('bundle sizes (scripts/check-size.mjs)', measureBundle, failures);
  return { core, bundle, ...(await measureBrowser(failures)) };
};

const main = async (): Promise<number> => {
  const started = Date.now();
  const failures: string[] = [];
  const machine = machineLines();
  const results = await measureAll(failures);
  const judgement = judge(budgetRows(results), failures);
  const seconds = (Date.now() - started) / 1000;

  console.log(['# Token Monitor Notifier — benchmark', '', ...machine.map((line) => `- ${line}`), ''].join('\n'));
  if (NODE_ONLY)
    console.log('Run with --node-only: no Chromium, so the browser sections and their budgets are absent.\n');
  for (const report of sections(results)) console.log(formatSection(report));
  console.log(formatBudgets(judgement));
  console.log(`total ${num(seconds)} s; medians [min–max]; compare ratios within one run.`);
  writeResults(join(root, 'bench/results.json'), { machine, judgement, failures, seconds, raw: results });
  return judgement.exitCode;
};

process.exit(await main());
