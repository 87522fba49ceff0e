import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PersistentMap } from '../../utils/persistent-map';
import { fcParameters } from '../fixtures/arbitraries';

const sorted = (map: ReadonlyMap<string, number>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('the persistent map', () => {
  it('holds what a Map would after any sequence of updates, and every earlier version stays as it was', () => {
    const batch = fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 40 });
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 30 }), (batches) => {
        let map = PersistentMap.empty<number>();
        const model = new Map<string, number>();
        const versions: [PersistentMap<number>, [string, number][]][] = [];
        for (const entries of batches) {
          map = map.withAll(entries);
          for (const [key, value] of entries) model.set(key, value);
          versions.push([map, sorted(model)]);
          expect(map.size).toBe(model.size);
          for (const [key, value] of model) expect(map.get(key)).toBe(value);
        }
        for (const [version, snapshot] of versions) expect(sorted(version)).toEqual(snapshot);
      }),
      fcParameters,
    );
  });

  it('stays right as it grows past many bucket doublings, one entry at a time', () => {
    let map = PersistentMap.empty<number>();
    const first = map;
    for (let i = 0; i < 20_000; i++) map = map.withAll([[`user-${i}`, i]]);
    expect(map.size).toBe(20_000);
    expect(map.get('user-0')).toBe(0);
    expect(map.get('user-19999')).toBe(19_999);
    expect(map.has('user-20000')).toBe(false);
    expect(new Set(map.keys()).size).toBe(20_000);
    expect(first.size).toBe(0);
  });

  it('builds from entries with the last value for a key winning, and reads like a ReadonlyMap', () => {
    const map = PersistentMap.from([
      ['a', 1],
      ['b', 2],
      ['a', 3],
    ]);
    expect(map.size).toBe(2);
    expect(map.get('a')).toBe(3);
    expect([...map.values()].sort()).toEqual([2, 3]);
    const seen: string[] = [];
    map.forEach((value, key) => {
      seen.push(`${key}=${value}`);
    });
    expect(seen.sort()).toEqual(['a=3', 'b=2']);
  });
});
