// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUDGETS, measureSizes, overBudget } from '../../scripts/check-size.mjs';

const SCRIPT = fileURLToPath(new URL('../../scripts/check-size.mjs', import.meta.url));

/** Text gzip shrinks by only a third, the same on every run: a file of it is as heavy as its length says. */
const noise = (length: number, seed = 1) => {
  let state = seed;
  let text = '';
  while (text.length < length) {
    // xorshift32: 32-bit integer steps, exact in JavaScript numbers.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    text += ((state >>> 0) % 36).toString(36);
  }
  return `// ${text}\n`;
};

const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;
const page = (...scripts: string[]) =>
  `<!DOCTYPE html><html><head>${scripts.map((src) => `<script type="module" crossorigin src="${src}"></script>`).join('')}<link rel="modulepreload" href="/chunks/ignored.js"></head></html>`;

let dir: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
  return text;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-size-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('measureSizes', () => {
  it('counts a page’s entry and every chunk it imports statically, each once; never a dynamic import', () => {
    write('popup.html', page('/chunks/popup.js'));
    const entry = write(
      'chunks/popup.js',
      `import{a as b}from"./shared.js";import"./styles-free.js";const lazy=()=>import("./lazy.js");${noise(300, 2)}`,
    );
    const shared = write('chunks/shared.js', `export{x}from"./deep/leaf.js";${noise(2000, 3)}`);
    const sideEffect = write('chunks/styles-free.js', `import"./shared.js";${noise(200, 4)}`);
    const leaf = write('chunks/deep/leaf.js', noise(400, 5));
    write('chunks/lazy.js', noise(50_000, 6));
    write('options.html', page('/chunks/options.js'));
    const options = write('chunks/options.js', noise(100, 7));

    const [popupRow, optionsRow] = measureSizes(dir, { 'popup.html': 1000, 'options.html': 1000 });

    expect(popupRow?.files).toEqual([
      'chunks/popup.js',
      'chunks/shared.js',
      'chunks/deep/leaf.js',
      'chunks/styles-free.js',
    ]);
    expect(popupRow?.bytes).toBe(gzipped(entry) + gzipped(shared) + gzipped(leaf) + gzipped(sideEffect));
    expect(popupRow?.ok).toBe(false);
    expect(optionsRow).toMatchObject({ files: ['chunks/options.js'], bytes: gzipped(options), ok: true });
  });

  it('names what is over budget, and only that', () => {
    write('popup.html', page('/chunks/popup.js'));
    write('chunks/popup.js', `import"./big.js";${noise(100)}`);
    write('chunks/big.js', noise(5000));
    write('options.html', page('/chunks/options.js'));
    write('chunks/options.js', noise(100));

    const over = overBudget(measureSizes(dir, { 'popup.html': 2000, 'options.html': 2000 }));

    expect(over).toHaveLength(1);
    expect(over[0]).toMatch(/^popup\.html is over budget: \d+ B gzip > 2000 B \(chunks\/popup\.js, chunks\/big\.js\)$/);
  });

  it('exits with 1 and names the file when a build is over budget, 0 when it fits', () => {
    const fits = (name: string) => (name.endsWith('.html') ? page(`/chunks/${name}.js`) : noise(100));
    for (const name of Object.keys(BUDGETS)) {
      write(name, fits(name));
      if (name.endsWith('.html')) write(`chunks/${name}.js`, noise(100));
    }
    const run = () => spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
    expect(run().status).toBe(0);

    write('background.js', noise((BUDGETS['background.js'] ?? 0) * 2));
    const failed = run();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('background.js is over budget');
    expect(failed.stdout).toMatch(/^background\.js\s+\d+\s+\d+\s+NO$/m);
  });
});
