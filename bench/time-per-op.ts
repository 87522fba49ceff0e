import { performance } from 'node:perf_hooks';

/** A sample lasts at least this long, so that the timer's resolution and one stray interrupt stay small in it. */
const MIN_SAMPLE_MS = 20;
const MAX_REPEATS = 1_000_000;

// Each result is folded in here, so the engine cannot drop an operation whose result nobody reads.
let sink = 0;
const keep = (value: unknown) => {
  sink += value ? 1 : 0;
};

/** Read at the end of a run: keeps the sink observable. */
export const sinkValue = () => sink;

/**
 * Runs `op` for MIN_SAMPLE_MS to warm it up and count how many calls fill a sample (one for anything
 * slower), and returns a sampler giving milliseconds per operation.
 */
export const calibrate = (op: () => unknown): (() => number) => {
  const start = performance.now();
  let repeats = 0;
  do {
    keep(op());
    repeats += 1;
  } while (performance.now() - start < MIN_SAMPLE_MS && repeats < MAX_REPEATS);
  return () => {
    const begin = performance.now();
    for (let index = 0; index < repeats; index++) keep(op());
    return (performance.now() - begin) / repeats;
  };
};
