// `npm run lint:store`: builds the Firefox archive, then lints its contents the way addons.mozilla.org does
// (`web-ext lint`, offline). Fails on any error, and on any warning that README's "Store" section does not
// explain; prints one line per finding and a summary.
//
//   tsx scripts/lint-store.ts             zip, then lint
//   tsx scripts/lint-store.ts --no-build  lint the .output/firefox-mv2 already built
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { enableIssueMessages } from '../utils/zod';
import { judgeLintReport, type LintFinding, lintReportSchema } from './lint-report';

const ROOT = resolve(import.meta.dirname, '..');
// What `wxt zip -b firefox` put in the archive, unzipped.
const BUILT = join(ROOT, '.output/firefox-mv2');

// A declaration, not an arrow: only then does TypeScript know that code after a call is unreachable.
function fail(line: string): never {
  console.error(`lint:store: ${line}`);
  process.exit(1);
}

if (!process.argv.includes('--no-build')) {
  const zip = spawnSync('npx', ['wxt', 'zip', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit' });
  if (zip.status !== 0) fail('`wxt zip -b firefox` failed');
}
if (!existsSync(join(BUILT, 'manifest.json'))) fail(`${BUILT} has no manifest.json: build it first`);

// A report of another shape is printed with zod's issues, which should say what is wrong.
enableIssueMessages();
const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', BUILT, '--output', 'json', '--boring'], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
// web-ext exits non-zero when there are errors; the report says which, so read it either way.
let json: unknown;
try {
  json = JSON.parse(lint.stdout);
} catch {
  fail(`web-ext lint gave no JSON report (exit ${lint.status}):\n${lint.stdout}${lint.stderr}`);
}
const parsed = lintReportSchema.safeParse(json);
if (!parsed.success) fail(`web-ext lint's report has an unexpected shape: ${parsed.error.message}`);
const report = parsed.data;

const sourceOf = (file: string) => {
  const path = join(BUILT, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
};
const { toFix, explained, notices } = judgeLintReport(report, sourceOf);

const where = ({ file, line, column }: LintFinding) =>
  file ? ` (${file}${line ? `:${line}:${column ?? 0}` : ''})` : '';
for (const finding of toFix) console.error(`  to fix   ${finding.code}: ${finding.message}${where(finding)}`);
for (const { finding, why } of explained) console.info(`  explained ${finding.code}${where(finding)}: ${why}`);
for (const finding of notices) console.info(`  notice   ${finding.code}: ${finding.message}${where(finding)}`);
console.info(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings ` +
    `(${explained.length} explained in README), ${notices.length} notices`,
);
if (toFix.length > 0) fail(`${toFix.length} finding(s) to fix before the archive goes to the store`);
