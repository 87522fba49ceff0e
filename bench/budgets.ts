// Judging the bench's figures against their budgets: plain data in, verdicts and an exit code out, so the
// rule that decides whether `npm run bench` fails can be tested without running a browser.
import { num } from './measure.ts';

/** A measured amount with its unit, as printed and stored. */
export interface Amount {
  value: number;
  unit: string;
}

/**
 * What a figure must stay within. `on: 'ratio'` judges measured / baseline (both taken in the same run,
 * since the machine is too noisy to compare absolute figures across runs); `on: 'value'` the figure itself.
 */
export interface Budget {
  on: 'value' | 'ratio';
  /** The unit of a `value` budget's limits, as the figure is measured in. */
  unit?: string;
  atMost?: number;
  atLeast?: number;
  /** A ratio budget that also passes when measured and baseline are both below this (noise dominates there). */
  orBothBelow?: number;
}

export interface BudgetRow {
  /** Its number in the list of budgets (1, 2a, …; S for scaling), for reading the table against it. */
  id: string;
  figure: string;
  /** null when the figure was not measured (its section failed or found nothing). */
  measured: Amount | null;
  baseline?: { what: string; amount: Amount | null };
  budget: Budget;
  /** Why the figure is what it is, or why it is missing. */
  note?: string;
}

export type Status = 'pass' | 'fail' | 'not measured';

export interface Verdict {
  row: BudgetRow;
  ratio: number | null;
  status: Status;
  /** One line naming the figure and how it missed; empty for a pass. */
  reason: string;
}

export interface Judgement {
  verdicts: Verdict[];
  /** The lines that explain a non-zero exit: each budget missed, each section that failed. */
  misses: string[];
  exitCode: 0 | 1;
}

const ratioOf = (row: BudgetRow): number | null => {
  const base = row.baseline?.amount;
  if (!row.measured || !base) return null;
  const ratio = row.measured.value / base.value;
  return Number.isFinite(ratio) ? ratio : null;
};

export const budgetText = (budget: Budget): string => {
  const unit = budget.on === 'ratio' ? '×' : ` ${budget.unit ?? ''}`.trimEnd();
  const limits = [
    budget.atMost === undefined ? '' : `≤ ${budget.atMost}${unit}`,
    budget.atLeast === undefined ? '' : `≥ ${budget.atLeast}${unit}`,
  ].filter(Boolean);
  const noiseFloor = budget.orBothBelow === undefined ? '' : ` (or both < ${budget.orBothBelow})`;
  return `${limits.join(' and ')}${noiseFloor}`;
};

const within = (value: number, budget: Budget) =>
  Number.isFinite(value) &&
  (budget.atMost === undefined || value <= budget.atMost) &&
  (budget.atLeast === undefined || value >= budget.atLeast);

/** Noise floor: both figures so small that their ratio says nothing. */
const bothBelow = (row: BudgetRow) => {
  const floor = row.budget.orBothBelow;
  const base = row.baseline?.amount;
  return floor !== undefined && !!row.measured && !!base && row.measured.value < floor && base.value < floor;
};

const judgeRow = (row: BudgetRow): Verdict => {
  const ratio = ratioOf(row);
  const judged = row.budget.on === 'ratio' ? ratio : (row.measured?.value ?? null);
  if (judged === null) {
    const missing = row.measured ? `its baseline (${row.baseline?.what ?? 'none given'})` : 'the figure';
    return { row, ratio, status: 'not measured', reason: `${row.figure}: ${missing} was not measured` };
  }
  if (within(judged, row.budget) || bothBelow(row)) return { row, ratio, status: 'pass', reason: '' };
  const shown = row.budget.on === 'ratio' ? `${num(judged)}×` : `${num(judged)} ${row.measured?.unit ?? ''}`;
  return { row, ratio, status: 'fail', reason: `${row.figure}: ${shown}, budget ${budgetText(row.budget)}` };
};

/**
 * Every row judged; the exit code is 1 when any budget is missed or not measured, or any section failed to
 * run: a bench that could not look must not read as a pass.
 */
export const judge = (rows: readonly BudgetRow[], sectionFailures: readonly string[] = []): Judgement => {
  const verdicts = rows.map(judgeRow);
  const misses = [
    ...verdicts.filter((verdict) => verdict.status !== 'pass').map((verdict) => verdict.reason),
    ...sectionFailures,
  ];
  return { verdicts, misses, exitCode: misses.length === 0 ? 0 : 1 };
};
