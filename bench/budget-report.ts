import { type Amount, budgetText, type Judgement, type Verdict } from './budgets.ts';
import { formatTable, num, ratio } from './measure.ts';

const amountText = (value: Amount | null | undefined) => (value ? `${num(value.value)} ${value.unit}` : '—');

const resultText = (verdict: Verdict) => {
  if (verdict.status === 'pass') return 'pass';
  if (verdict.status === 'fail') return 'FAIL';
  return 'NOT MEASURED';
};

/** The budget table, then one line per miss: what `npm run bench` exits non-zero for. */
export const formatBudgets = (judgement: Judgement): string => {
  const table = formatTable({
    title: 'Budgets (every ratio is measured against a baseline taken in this same run)',
    head: ['#', 'figure', 'absolute', 'baseline', 'ratio', 'budget', 'result'],
    leftColumns: 2,
    rows: judgement.verdicts.map((verdict) => [
      verdict.row.id,
      verdict.row.figure,
      amountText(verdict.row.measured),
      amountText(verdict.row.baseline?.amount),
      verdict.ratio === null ? '—' : ratio(verdict.ratio),
      budgetText(verdict.row.budget),
      resultText(verdict),
    ]),
  });
  const misses = judgement.misses.map((miss) => `✗ ${miss}`);
  const verdict =
    judgement.exitCode === 0
      ? 'All budgets met.'
      : `${judgement.misses.length} budget(s) missed or not measured; exit code ${judgement.exitCode}.`;
  return [table, '', ...misses, verdict, ''].join('\n');
};
