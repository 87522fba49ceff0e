import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION_PATH } from '../tests/e2e/harness/extension-browser.ts';

/** One row of scripts/check-size.mjs: a file, or a page with every chunk it loads, gzip -9. */
export interface SizeRow {
  name: string;
  files: string[];
  bytes: number;
}

const CHECK_SIZE = resolve(import.meta.dirname, '../scripts/check-size.mjs');

type MeasureSizes = (outDir: string) => unknown;

const isSizeRow = (value: unknown): value is SizeRow => {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.name === 'string' &&
    Array.isArray(row.files) &&
    row.files.every((file) => typeof file === 'string') &&
    typeof row.bytes === 'number'
  );
};

// The size check is plain JavaScript without type declarations; imported by URL and its answer checked
// here, rather than trusted, so a change of its shape fails this section with a message.
const loadMeasureSizes = async (): Promise<MeasureSizes> => {
  const module: unknown = await import(pathToFileURL(CHECK_SIZE).href);
  const measure = typeof module === 'object' && module !== null ? Reflect.get(module, 'measureSizes') : undefined;
  if (typeof measure !== 'function') throw new Error('scripts/check-size.mjs exports no measureSizes');
  return (outDir) => Reflect.apply(measure, undefined, [outDir]);
};

/** The build's download sizes, measured by the project's own size check (its budgets are not the bench's). */
export const measureBundle = async (): Promise<SizeRow[]> => {
  if (!existsSync(join(EXTENSION_PATH, 'manifest.json'))) throw new Error(`no build at ${EXTENSION_PATH}`);
  const rows = (await loadMeasureSizes())(EXTENSION_PATH);
  if (!Array.isArray(rows) || !rows.every(isSizeRow)) throw new Error('check-size.mjs measured rows of another shape');
  return rows;
};
