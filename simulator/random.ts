/**
 * mulberry32: a tiny 32-bit PRNG. It is not for secrets; it only has to make a run repeatable from `--seed`
 * and keep its whole state in one number, so a snapshot can carry it and a restored server continues the
 * same sequence.
 */
export class Random {
  state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, limit). */
  below(limit: number): number {
    return Math.floor(this.next() * limit);
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

// Population and events draw from separate streams, so how many users expire never shifts who the users are.
const EVENT_STREAM = 0x9e3779b9;

export const populationRandom = (seed: number): Random => new Random(seed);
export const eventRandom = (seed: number): Random => new Random(seed ^ EVENT_STREAM);
