import { describe, expect, it } from 'vitest';
import { LIST_PART_USERS, listParts, spareSlot, storedListManifestSchema } from '../../../utils/monitor';

describe('the stored list in parts', () => {
  it('cuts a list into consecutive parts that join back to the same list', () => {
    const users = Array.from({ length: 25 }, (_, index) => index);
    const parts = listParts(users, 10);
    expect(parts.map((part) => part.length)).toEqual([10, 10, 5]);
    expect(parts.flat()).toEqual(users);
    expect(listParts([], 10)).toEqual([]);
    expect(listParts(Array.from({ length: LIST_PART_USERS + 1 }, () => 0))).toHaveLength(2);
  });

  it('writes a new list beside the committed one, never over it', () => {
    expect(spareSlot(null)).toBe('a');
    expect(spareSlot({ slot: 'a', parts: 3 })).toBe('b');
    expect(spareSlot({ slot: 'b', parts: 0 })).toBe('a');
  });

  it('refuses a manifest that names no known slot or a count that is not one', () => {
    expect(storedListManifestSchema.safeParse({ slot: 'a', parts: 2 }).success).toBe(true);
    for (const bad of [{ slot: 'c', parts: 1 }, { slot: 'a', parts: -1 }, { slot: 'b', parts: 1.5 }, null]) {
      expect(storedListManifestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
