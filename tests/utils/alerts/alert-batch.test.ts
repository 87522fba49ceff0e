import { describe, expect, it } from 'vitest';
import { addToBatch, BATCH_SAMPLE_SIZE } from '../../../utils/alerts';
import { user } from '../../fixtures/messages';

const announce = (ids: number[], summary = false) => ({
  type: 'announce' as const,
  users: ids.map((id) => user(id)),
  summary,
});

describe('coalescing a burst', () => {
  it('adds counts and keeps the newest users first, up to the sample size', () => {
    const batch = addToBatch(addToBatch(null, announce([1, 2, 3])), announce([4, 5, 6, 7]));
    expect(batch.count).toBe(7);
    expect(batch.kind).toBe('new');
    expect(batch.sample.map((u) => u.user_id)).toEqual(['7', '6', '5', '4', '3']);
    expect(batch.sample).toHaveLength(BATCH_SAMPLE_SIZE);
  });

  it('lets news replace a waiting round reminder instead of adding the reminder’s total to it', () => {
    const reminder = { kind: 'reminder' as const, count: 3, sample: [] };
    expect(addToBatch(reminder, announce([4, 5]))).toMatchObject({ kind: 'new', count: 2 });
  });

  it('keeps a first-contact summary a summary', () => {
    expect(addToBatch(addToBatch(null, announce([1], true)), announce([2])).kind).toBe('summary');
  });
});
