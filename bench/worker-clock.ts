import { performance } from 'node:perf_hooks';
import type { Worker } from 'playwright-core';

/** Wall-clock ms with sub-millisecond precision, as the worker reads its own. */
export const wallNow = () => performance.timeOrigin + performance.now();

const PROBES = 7;

/**
 * How far the worker's wall clock (performance.timeOrigin + now()) runs ahead of this process's. Both are
 * anchored to the one system clock, so this is near zero; it is measured all the same, from the probe with
 * the shortest round trip, with the worker's reading taken as the midpoint of that trip.
 */
export const workerClockOffset = async (worker: Worker): Promise<{ offsetMs: number; roundTripMs: number }> => {
  let best = { offsetMs: 0, roundTripMs: Number.POSITIVE_INFINITY };
  for (let probe = 0; probe < PROBES; probe++) {
    const sent = wallNow();
    const theirs = await worker.evaluate(() => performance.timeOrigin + performance.now());
    const back = wallNow();
    if (back - sent < best.roundTripMs) best = { offsetMs: theirs - (sent + back) / 2, roundTripMs: back - sent };
  }
  return best;
};
