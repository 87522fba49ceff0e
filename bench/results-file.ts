import { writeFileSync } from 'node:fs';
import type { BenchResults } from './budget-rows.ts';
import { budgetText, type Judgement } from './budgets.ts';

/**
 * Every budget row as data, with the machine it ran on and the raw sections, for comparing runs by script.
 * Absolute values are beside each ratio, but across runs only the ratios compare (the machine is noisy).
 */
export const writeResults = (
  path: string,
  run: { machine: string[]; judgement: Judgement; failures: string[]; seconds: number; raw: BenchResults },
) => {
  const rows = run.judgement.verdicts.map(({ row, ratio, status }) => ({
    id: row.id,
    figure: row.figure,
    value: row.measured?.value ?? null,
    unit: row.measured?.unit ?? null,
    baseline: row.baseline
      ? { what: row.baseline.what, value: row.baseline.amount?.value ?? null, unit: row.baseline.amount?.unit ?? null }
      : null,
    ratio,
    budget: budgetText(row.budget),
    budgetOn: row.budget.on,
    pass: status === 'pass',
    status,
    ...(row.note ? { note: row.note } : {}),
  }));
  const document = {
    date: new Date().toISOString(),
    seconds: run.seconds,
    machine: run.machine,
    exitCode: run.judgement.exitCode,
    misses: run.judgement.misses,
    sectionFailures: run.failures,
    rows,
    raw: run.raw,
  };
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
};
