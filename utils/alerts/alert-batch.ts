import type { MonitorEffect } from '../monitor';
import { expiredUserSchema } from '../protocol';
import { z } from '../zod';

/** How many users a batch keeps by name: a notification shows a few phones, speech says three. */
export const BATCH_SAMPLE_SIZE = 5;

/** Expiries arriving within ~1.5 s become one notification and one utterance. */
export const COALESCE_WINDOW_MS = 1500;

export const alertBatchSchema = z.object({
  kind: z.enum(['new', 'summary', 'reminder']),
  count: z.number().int().nonnegative(),
  /** The newest users of the batch, newest first. */
  sample: z.array(expiredUserSchema).max(BATCH_SAMPLE_SIZE),
});

export type AlertBatch = z.infer<typeof alertBatchSchema>;

type Announce = Extract<MonitorEffect, { type: 'announce' }>;

const newestFirst = (users: Announce['users']) => [...users].slice(-BATCH_SAMPLE_SIZE).reverse();

/**
 * Adds an announcement to the batch waiting out the window. A first-contact summary stays a summary
 * when new expiries join it: the user is told one total either way. A waiting round reminder is replaced:
 * its count is the total still expired, which must not be added to the count of news.
 */
export const addToBatch = (waiting: AlertBatch | null, effect: Announce): AlertBatch => {
  const batch = waiting?.kind === 'reminder' ? null : waiting;
  const kind = effect.summary || batch?.kind === 'summary' ? 'summary' : 'new';
  return {
    kind,
    count: (batch?.count ?? 0) + effect.users.length,
    sample: [...newestFirst(effect.users), ...(batch?.sample ?? [])].slice(0, BATCH_SAMPLE_SIZE),
  };
};

export const reminderBatch = (totalExpired: number): AlertBatch => ({
  kind: 'reminder',
  count: totalExpired,
  sample: [],
});
