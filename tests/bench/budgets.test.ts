// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type BudgetRow, budgetText, judge } from '../../bench/budgets';

const ms = (value: number) => ({ value, unit: 'ms' });

const absolute = (figure: string, value: number | null, atMost: number): BudgetRow => ({
  id: figure,
  figure,
  measured: value === null ? null : ms(value),
  budget: { on: 'value', atMost },
});

const relative = (figure: string, value: number, base: number | null, budget: BudgetRow['budget']): BudgetRow => ({
  id: figure,
  figure,
  measured: ms(value),
  baseline: { what: 'JSON.parse', amount: base === null ? null : ms(base) },
  budget,
});

describe('judge', () => {
  it('passes and exits 0 when every figure is within its budget', () => {
    const result = judge([
      absolute('bundle', 14, 15),
      relative('parse', 300, 200, { on: 'ratio', atMost: 2 }),
      relative('rate', 90, 100, { on: 'ratio', atLeast: 0.8 }),
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.misses).toEqual([]);
    expect(result.verdicts.map((verdict) => verdict.status)).toEqual(['pass', 'pass', 'pass']);
    expect(result.verdicts[1]?.ratio).toBe(1.5);
  });

  it('names each budget missed and exits 1', () => {
    const result = judge([
      absolute('bundle', 16, 15),
      relative('parse', 500, 200, { on: 'ratio', atMost: 2 }),
      relative('rate', 70, 100, { on: 'ratio', atLeast: 0.8 }),
      absolute('heap', 10, 20),
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.misses).toHaveLength(3);
    expect(result.misses[0]).toBe('bundle: 16 ms, budget ≤ 15');
    expect(result.misses[1]).toBe('parse: 2.50×, budget ≤ 2×');
    expect(result.misses[2]).toBe('rate: 0.700×, budget ≥ 0.8×');
  });

  it('judges a ratio budget on the ratio, not on the absolute figure', () => {
    const result = judge([relative('restore', 2, 1, { on: 'ratio', atMost: 1.5 })]);
    expect(result.verdicts[0]?.status).toBe('fail');
  });

  it('counts a missing figure or baseline as a failure, never as a pass', () => {
    const result = judge([absolute('connect', null, 1000), relative('popup', 120, null, { on: 'ratio', atMost: 1.5 })]);
    expect(result.exitCode).toBe(1);
    expect(result.verdicts.map((verdict) => verdict.status)).toEqual(['not measured', 'not measured']);
    expect(result.misses[1]).toMatch(/baseline \(JSON\.parse\)/);
  });

  it('exits 1 when a section failed even if every row passed', () => {
    const result = judge([absolute('bundle', 1, 15)], ['popup failed: timed out']);
    expect(result.exitCode).toBe(1);
    expect(result.misses).toEqual(['popup failed: timed out']);
  });

  it('lets a ratio pass when both figures are under the noise floor, and only then', () => {
    const budget = { on: 'ratio' as const, atMost: 1.5, orBothBelow: 0.05 };
    expect(judge([relative('reduce', 0.04, 0.01, budget)]).exitCode).toBe(0);
    expect(judge([relative('reduce', 0.06, 0.01, budget)]).exitCode).toBe(1);
  });

  it('fails a figure that is not a number', () => {
    expect(judge([absolute('lag', Number.NaN, 100)]).exitCode).toBe(1);
  });
});

describe('budgetText', () => {
  it('writes the limits as the table shows them', () => {
    expect(budgetText({ on: 'value', atMost: 15 })).toBe('≤ 15');
    expect(budgetText({ on: 'value', unit: 'KB', atMost: 15 })).toBe('≤ 15 KB');
    expect(budgetText({ on: 'ratio', atLeast: 0.9 })).toBe('≥ 0.9×');
    expect(budgetText({ on: 'ratio', atMost: 1.5, orBothBelow: 0.05 })).toBe('≤ 1.5× (or both < 0.05)');
  });
});
