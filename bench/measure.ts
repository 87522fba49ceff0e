import { performance } from 'node:perf_hooks';

/** Median with its spread: one figure to compare, and the range that says how much to trust it. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export const spread = (samples: readonly number[]): Spread => {
  if (samples.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, samples: [] };
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, samples: [...samples] };
};

/**
 * The nearest-rank percentile (p in 0–100): a value actually observed, never interpolated. With fewer than
 * 100 samples, p99 is the largest. A missing sample (null) counts as larger than any.
 */
export const percentile = (samples: readonly (number | null)[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = samples.map((value) => value ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/** Runs `fn` `times` times and returns each run's milliseconds. */
export const timeRuns = (times: number, fn: () => void): number[] => {
  const samples: number[] = [];
  for (let run = 0; run < times; run++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
};

/** Maps a spread through `fn`; for a decreasing `fn` (a rate from a time) min and max swap places. */
export const mapSpread = (value: Spread, fn: (x: number) => number): Spread => spread(value.samples.map(fn));

export const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---- formatting -------------------------------------------------------------------------------------

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Three significant digits at most, thousands grouped: 0.0123, 1.23, 12.3, 123, 12,345. */
export const num = (value: number): string => {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 100 || Number.isInteger(value)) return grouped.format(value);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
};

export const fmtSpread = (value: Spread, unit = ''): string =>
  value.samples.length === 1
    ? `${num(value.median)}${unit}`
    : `${num(value.median)}${unit} [${num(value.min)}–${num(value.max)}]`;

export const ms = (value: Spread) => fmtSpread(value, ' ms');

export const megabytes = (bytes: number) => `${num(bytes / 1024 / 1024)} MB`;

export const ratio = (value: number) => (Number.isFinite(value) ? `${num(value)}×` : '—');

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
  /** How many columns from the left align left (the rest align right, as figures do); 1 unless said. */
  leftColumns?: number;
  /** Lines printed under the table: how it was measured. */
  notes?: string[];
}

/** What a section hands back to be printed: its tables and what they mean. */
export interface SectionReport {
  title: string;
  tables: Table[];
  meaning: string[];
}

const pad = (text: string, width: number, right: boolean) => (right ? text.padStart(width) : text.padEnd(width));

/** A Markdown table (readable as text, pasteable as Markdown); columns after the first align right. */
export const formatTable = ({ title, head, rows, notes = [], leftColumns = 1 }: Table): string => {
  const widths = head.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const right = (column: number) => column >= leftColumns;
  const line = (cells: string[]) =>
    `| ${widths.map((width, column) => pad(cells[column] ?? '', width, right(column))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => `${'-'.repeat(width + 1)}${right(column) ? ':' : '-'}`).join('|')}|`;
  return [`### ${title}`, line(head), rule, ...rows.map(line), ...notes.map((note) => `  ${note}`)].join('\n');
};

export const formatSection = (report: SectionReport): string =>
  [
    `## ${report.title}`,
    '',
    ...report.tables.flatMap((table) => [formatTable(table), '']),
    ...report.meaning.map((line) => `→ ${line}`),
    '',
  ].join('\n');
