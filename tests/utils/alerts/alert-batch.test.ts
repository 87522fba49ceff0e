import { describe, expect, it } from 'vitest';
import { addToBatch, BATCH_SAMPLE_SIZE } from '../../../utils/alerts';
import { announcement } from '../../fixtures/messages';

describe('coalescing a burst', () => {
  it('adds counts and keeps the newest users first, up to the sample size', () => {
    const batch = addToBatch(addToBatch(null, announcement([1, 2, 3])), announcement([4, 5, 6, 7]));
    expect(batch.count).toBe(7);
    expect(batch.kind).toBe('new');
    expect(batch.sample.map((u) => u.user_id)).toEqual(['7', '6', '5', '4', '3']);
    expect(batch.sample).toHaveLength(BATCH_SAMPLE_SIZE);
  });

  it('lets news replace a waiting round reminder instead of adding the reminder’s total to it', () => {
    const reminder = { kind: 'reminder' as const, count: 3, sample: [], servers: [] };
    expect(addToBatch(reminder, announcement([4, 5]))).toMatchObject({ kind: 'new', count: 2 });
  });

  it('counts what each server told, each server where it first joined', () => {
    const prod = { id: 'prod', label: '生产' };
    const staging = { id: 'staging', label: '测试' };
    const batch = [
      announcement([1, 2], false, prod),
      announcement([3], false, staging),
      announcement([4], false, prod),
    ].reduce<ReturnType<typeof addToBatch> | null>((merged, effect) => addToBatch(merged, effect), null);
    expect(batch?.servers).toEqual([
      { ...prod, count: 3 },
      { ...staging, count: 1 },
    ]);
    expect(batch?.count).toBe(4);
  });

  it('keeps a first-contact summary a summary', () => {
    expect(addToBatch(addToBatch(null, announcement([1], true)), announcement([2])).kind).toBe('summary');
  });
});
