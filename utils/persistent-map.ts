/** Entries per bucket before the buckets double: copying one small Map is what an update costs. */
const MAX_LOAD = 64;
const MIN_BUCKETS = 16;

/** FNV-1a: cheap, and spreads the short numeric ids servers use evenly enough. */
const hash = (key: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

const bucketsFor = (size: number) => {
  let count = MIN_BUCKETS;
  while (count * MAX_LOAD < size) count *= 2;
  return count;
};

type Buckets<V> = readonly (ReadonlyMap<string, V> | undefined)[];

/**
 * A string-keyed map that is never changed, only derived from: `withAll` returns a new map and leaves this
 * one as it was, yet costs time in proportion to the entries it adds, not to the size of the map. The keys
 * are spread over buckets of at most MAX_LOAD entries, and an update copies only the buckets it touches; the
 * rest are shared with the map it came from. Iteration goes bucket by bucket, not in insertion order.
 */
export class PersistentMap<V> implements ReadonlyMap<string, V> {
  readonly size: number;
  private readonly buckets: Buckets<V>;

  private constructor(buckets: Buckets<V>, size: number) {
    this.buckets = buckets;
    this.size = size;
  }

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(new Array(MIN_BUCKETS).fill(undefined), 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    const list = Array.isArray(entries) ? (entries as readonly (readonly [string, V])[]) : [...entries];
    return PersistentMap.sized<V>(list.length).withAll(list);
  }

  /**
   * A map of these values under the key each one names: no [key, value] pair built per value, and buckets
   * sized for them from the start. For a key named twice, `resolve` picks what stays; by default the later.
   */
  static fromValues<V>(
    values: readonly V[],
    keyOf: (value: V) => string,
    resolve?: (next: V, current: V) => V,
  ): PersistentMap<V> {
    return PersistentMap.sized<V>(values.length).derive(values, keyOf, (value) => value, resolve);
  }

  private static sized<V>(size: number): PersistentMap<V> {
    return new PersistentMap<V>(new Array(bucketsFor(size)).fill(undefined), 0);
  }

  /**
   * This map with these entries set. For a key already there (or set earlier in the same call), `resolve`
   * picks what stays; by default the new value does.
   */
  withAll(
    entries: Iterable<readonly [string, V]>,
    resolve: (next: V, current: V) => V = (next) => next,
  ): PersistentMap<V> {
    return this.derive(
      entries,
      (entry) => entry[0],
      (entry) => entry[1],
      resolve,
    );
  }

  private derive<T>(
    items: Iterable<T>,
    keyOf: (item: T) => string,
    toValue: (item: T) => V,
    resolve: (next: V, current: V) => V = (next) => next,
  ): PersistentMap<V> {
    const buckets = this.buckets.slice();
    const mask = buckets.length - 1;
    const copied = new Uint8Array(buckets.length);
    let size = this.size;
    for (const item of items) {
      const key = keyOf(item);
      const value = toValue(item);
      const index = hash(key) & mask;
      let bucket = buckets[index] as Map<string, V> | undefined;
      if (!copied[index]) {
        bucket = new Map(bucket);
        buckets[index] = bucket;
        copied[index] = 1;
      }
      if (!bucket) continue;
      const had = bucket.has(key);
      if (!had) size += 1;
      bucket.set(key, had ? resolve(value, bucket.get(key) as V) : value);
    }
    const grown = new PersistentMap(buckets, size);
    // Rare and amortised, like a growing array: keeps every bucket small as the map grows.
    return buckets.length * MAX_LOAD < size ? PersistentMap.from(grown) : grown;
  }

  get(key: string): V | undefined {
    return this.bucketOf(key)?.get(key);
  }

  has(key: string): boolean {
    return this.bucketOf(key)?.has(key) ?? false;
  }

  *entries(): MapIterator<[string, V]> {
    for (const bucket of this.buckets) if (bucket) yield* bucket.entries();
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    // Straight from each bucket: no [key, value] pair per value (a list of 100,000 is read per page asked).
    for (const bucket of this.buckets) if (bucket) yield* bucket.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  /** The fast way through: no iterator objects, bucket by bucket. */
  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const bucket of this.buckets) {
      bucket?.forEach((value, key) => {
        callback(value, key, this);
      });
    }
  }

  private bucketOf(key: string) {
    return this.buckets[hash(key) & (this.buckets.length - 1)];
  }
}
