import type { MonitorEffect } from '../monitor';
import type { Timers } from '../timers';
import { type AlertBatch, addToBatch, COALESCE_WINDOW_MS, reminderBatch } from './alert-batch';

export interface AlertWindow {
  announce(effect: Extract<MonitorEffect, { type: 'announce' }>): void;
  /** A round-end reminder; dropped when a batch of news is already waiting (that alert says more). */
  remind(totalExpired: number): void;
  /** A batch stored by a worker that stopped before its window closed. */
  restore(batch: AlertBatch | null): void;
  pending(): AlertBatch | null;
  /** The waiting batch, removed from the window. */
  take(): AlertBatch | null;
}

/**
 * Collects expiries for a short window from the first one, then hands them over as one batch: a round that
 * finds 40 expiries in quick progress steps makes one notification and one utterance, not 40.
 */
export const createAlertWindow = (
  timers: Timers,
  onDue: () => void,
  windowMs: number = COALESCE_WINDOW_MS,
): AlertWindow => {
  let batch: AlertBatch | null = null;

  const open = (next: AlertBatch) => {
    const opening = batch === null;
    batch = next;
    if (opening) timers.setTimeout(onDue, windowMs);
  };

  return {
    announce: (effect) => open(addToBatch(batch, effect)),
    remind: (totalExpired) => batch === null && open(reminderBatch(totalExpired)),
    restore: (saved) => saved && batch === null && open(saved),
    pending: () => batch,
    take() {
      const taken = batch;
      batch = null;
      return taken;
    },
  };
};
