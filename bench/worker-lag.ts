import type { Worker } from 'playwright-core';
import { asPageFunction } from '../tests/e2e/harness/extension-browser.ts';

// The longest task in the service worker, measured from inside it: a 10 ms interval timer notes how late
// each tick comes. A tick late by L ms means the thread was busy for about L ms (± one tick) with something
// else. Long tasks are reported to documents only (PerformanceObserver 'longtask' has no worker entries), and
// a DevTools trace of the whole browser is a heavy thing to record and parse for one figure.

const TICK_MS = 10;
/** Ticks later than this are kept with their time, to say when the long tasks happened. */
const NOTED_MS = 50;

export interface LateTick {
  /** Wall-clock ms (performance.timeOrigin + performance.now()) when the late tick ran. */
  at: number;
  lateMs: number;
}

export interface WorkerLag {
  longestMs: number;
  ticks: number;
  late: LateTick[];
}

interface LagWatch extends WorkerLag {
  last: number;
  timer: ReturnType<typeof setInterval> | undefined;
}
type LagGlobal = typeof globalThis & { benchLag?: LagWatch };

// Runs in the worker. No named inner functions: tsx wraps those in a __name() helper the worker lacks.
const startLag = ({ tick, noted }: { tick: number; noted: number }) => {
  const global = globalThis as LagGlobal;
  if (global.benchLag?.timer !== undefined) clearInterval(global.benchLag.timer);
  const watch: LagWatch = { longestMs: 0, ticks: 0, late: [], last: performance.now(), timer: undefined };
  watch.timer = setInterval(() => {
    const now = performance.now();
    const lateMs = now - watch.last - tick;
    watch.last = now;
    watch.ticks += 1;
    watch.longestMs = Math.max(watch.longestMs, lateMs);
    if (lateMs > noted) watch.late.push({ at: performance.timeOrigin + now, lateMs });
  }, tick);
  global.benchLag = watch;
};

const stopLag = (): WorkerLag => {
  const watch = (globalThis as LagGlobal).benchLag;
  if (watch?.timer !== undefined) clearInterval(watch.timer);
  return { longestMs: watch?.longestMs ?? Number.NaN, ticks: watch?.ticks ?? 0, late: watch?.late ?? [] };
};

/** Starts watching the worker's thread; the returned stop() ends it and says how late the latest tick came. */
export const watchWorkerLag = async (worker: Worker) => {
  await worker.evaluate(asPageFunction(startLag), { tick: TICK_MS, noted: NOTED_MS });
  return { stop: () => worker.evaluate(stopLag) };
};

/** The longest stall among those noted before `until` (wall-clock ms); 0 if none was long enough to note. */
export const longestBefore = (lag: WorkerLag, until: number) =>
  Math.max(0, ...lag.late.filter((tick) => tick.at <= until).map((tick) => tick.lateMs));

export const LAG_NOTE = `longest task = latest tick of a ${TICK_MS} ms setInterval inside the worker, minus ${TICK_MS} ms (± one tick)`;
