#!/usr/bin/env node
// After `wxt build`: is what users download still small? The worker is one file; a page costs its entry
// chunk plus every chunk that chunk imports statically, followed to the end, since the browser fetches all
// of them before the page can run. Sizes are gzip -9, close to what a store serves and independent of
// the machine. Plain JavaScript so that it needs no compile step.
//
//   node scripts/check-size.mjs            measures .output/chrome-mv3
//   node scripts/check-size.mjs <dir>      measures another build
import { readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const KB = 1000;

/**
 * Budgets in gzip bytes: a file measured alone, or an .html page with the scripts it loads. Each sits about
 * a kilobyte above what the build weighs, so that growth past it is decided (the same change raises the
 * budget and says why), never a side effect of an import.
 */
export const BUDGETS = {
  // 32 → 33 KB: the list stored in parts with its two-phase commit, and refused notifications tried again.
  // 33 → 36 KB: several servers (a monitor per server, the server list's schema and its migration, alerts
  // naming servers, the badge over several), and each server's newest users kept ready.
  'background.js': 36 * KB,
  // Pages +3 KB each: the server rows, the server filter and column (popup, dashboard), the chart of one
  // server at a time (dashboard), the server list editor (options).
  'popup.html': 47 * KB,
  'dashboard.html': 50 * KB,
  'options.html': 45 * KB,
};

const gzipSize = (text) => gzipSync(text, { level: 9 }).length;

/** The scripts a page's <script src> tags name, as paths inside the output. */
const pageScripts = (html) =>
  [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => posix.normalize(match[1].replace(/^\//, '')));

/**
 * The modules a chunk imports statically (`import … from"x"`, `import"x"`, `export … from"x"`), resolved
 * against the chunk's folder. A dynamic `import("x")` is fetched only when run, so it is left out.
 */
const staticImports = (file, code) =>
  [...code.matchAll(/(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g)]
    .map((match) => match[1])
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => posix.join(posix.dirname(file), specifier));

/** Every script a set of entry files brings in, each once, in the order met. */
const scriptClosure = (outDir, entries) => {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of staticImports(file, readFileSync(join(outDir, file), 'utf8'))) visit(next);
  };
  for (const entry of entries) visit(entry);
  return [...seen];
};

const filesOf = (outDir, name) =>
  name.endsWith('.html') ? scriptClosure(outDir, pageScripts(readFileSync(join(outDir, name), 'utf8'))) : [name];

/** One row per budget: the gzip bytes of the file or page, the files counted, and whether it fits. */
export const measureSizes = (outDir, budgets = BUDGETS) =>
  Object.entries(budgets).map(([name, budget]) => {
    const files = filesOf(outDir, name);
    const bytes = files.reduce((sum, file) => sum + gzipSize(readFileSync(join(outDir, file))), 0);
    return { name, files, bytes, budget, ok: bytes <= budget };
  });

const formatTable = (rows) => {
  const width = Math.max(...rows.map((row) => row.name.length));
  const line = (cells) => `${cells[0].padEnd(width)}  ${cells[1].padStart(8)}  ${cells[2].padStart(8)}  ${cells[3]}`;
  return [
    line(['file/page', 'gzip B', 'budget', 'ok']),
    ...rows.map((row) => line([row.name, String(row.bytes), String(row.budget), row.ok ? 'yes' : 'NO'])),
  ].join('\n');
};

/** One line per file or page over its budget, naming the files it counted; empty when all fit. */
export const overBudget = (rows) =>
  rows
    .filter((row) => !row.ok)
    .map((row) => `${row.name} is over budget: ${row.bytes} B gzip > ${row.budget} B (${row.files.join(', ')})`);

const main = (outDir) => {
  const rows = measureSizes(outDir);
  console.log(formatTable(rows));
  const over = overBudget(rows);
  for (const line of over) console.error(line);
  if (over.length > 0) process.exit(1);
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  main(resolve(root, process.argv[2] ?? '.output/chrome-mv3'));
}
