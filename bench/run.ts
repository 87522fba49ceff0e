// `npm run bench`: prints figures, never judges them. Progress goes to stderr while it runs; the report goes
// to stdout at the end, so the core section can be read against the browser figures of the same run.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, EXTENSION_PATH } from '../tests/e2e/harness/extension-browser.ts';
import { defaultPortTaken } from './browser.ts';
import { type CoreResults, coreReport, coreUsPerFrame } from './core.ts';
import { formatSection, megabytes, num, type SectionReport } from './measure.ts';
import { measurePopup, popupReport, type SizeResults } from './popup-open.ts';
import { measureThroughput, type ThroughputResults, throughputReport } from './worker-throughput.ts';

const log = (line: string) => console.error(line);
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
    `node ${process.version}; ${chromiumVersion()} (headless, Playwright-driven)`,
    `extension build: ${existsSync(build) ? `${EXTENSION_PATH} (${statSync(build).mtime.toISOString()})` : 'missing — run `npx wxt build`'}`,
  ];
};

/** The core run in its own process (see core-child.ts for why). */
const runCore = (): CoreResults =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/core-child.ts')], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    }).toString(),
  ) as CoreResults;

/** A failed section is reported, never fatal: the bench always finishes and exits 0. */
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

const sections = (
  core: CoreResults | null,
  throughput: ThroughputResults | null,
  popup: SizeResults[] | null,
): SectionReport[] => {
  const reports: SectionReport[] = [];
  if (core) reports.push(coreReport(core, usPerFrame(throughput)));
  if (throughput) reports.push(throughputReport(throughput, core ? coreUsPerFrame(core) : null));
  if (popup) reports.push(...popupReport(popup, throughput?.extension.median ?? Number.NaN));
  return reports;
};

const main = async () => {
  const started = Date.now();
  const failures: string[] = [];
  const machine = machineLines();
  if (await defaultPortTaken()) {
    failures.push('something listens on 127.0.0.1:8765, the default server: a fresh profile connects there first');
  }
  const core = await attempt('core (Node, in a child process)', runCore, failures);
  const throughput = await attempt('worker receive throughput', () => measureThroughput(log), failures);
  const popup = await attempt('popup open and worker at 100,000', () => measurePopup(log), failures);

  console.log(['# Token Monitor Notifier — benchmark', '', ...machine.map((line) => `- ${line}`), ''].join('\n'));
  for (const report of sections(core, throughput, popup)) console.log(formatSection(report));
  for (const failure of failures) console.log(`! ${failure}`);
  console.log(`total ${num((Date.now() - started) / 1000)} s; medians [min–max]; compare ratios within one run.`);
};

await main();
process.exit(0);
