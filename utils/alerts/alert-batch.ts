import type { MonitorEffect } from '../monitor';
import { expiredUserSchema } from '../protocol';
import { checked, z } from '../zod';

/** How many users a batch keeps by name: a notification shows a few phones, speech says three. */
export const BATCH_SAMPLE_SIZE = 5;

/** Expiries arriving within 1.5 s of an alert's first one join that alert's notification. */
export const COALESCE_WINDOW_MS = 1500;

/** The server an announcement came from, as alerts name it. */
export const alertServerSchema = z.object({ id: z.string(), label: z.string() });

const serverCountSchema = z.object({
  ...alertServerSchema.shape,
  count: checked(z.number(), z.int(), z.nonnegative()),
});

export const alertBatchSchema = z.object({
  kind: z.enum(['new', 'summary', 'reminder']),
  count: checked(z.number(), z.int(), z.nonnegative()),
  /** The newest users of the batch, newest first. */
  sample: checked(z.array(expiredUserSchema), z.maxLength(BATCH_SAMPLE_SIZE)),
  /** How many of the count each server told of, in the order they first joined (empty for a reminder). */
  servers: z._default(z.array(serverCountSchema), []),
});

export type AlertBatch = z.infer<typeof alertBatchSchema>;
export type AlertServer = z.infer<typeof alertServerSchema>;
export type ServerCount = z.infer<typeof serverCountSchema>;

/** News from one server: the reducer's announcement, and whose it is. */
export type Announce = Extract<MonitorEffect, { type: 'announce' }> & { server: AlertServer };

const newestFirst = (users: Announce['users']) => [...users].slice(-BATCH_SAMPLE_SIZE).reverse();

const batchOf = (effect: Announce): AlertBatch => ({
  kind: effect.summary ? 'summary' : 'new',
  count: effect.users.length,
  sample: newestFirst(effect.users),
  servers: [{ ...effect.server, count: effect.users.length }],
});

/** Two batches' server counts summed, each server where it first joined. */
const mergeServerCounts = (older: readonly ServerCount[], newer: readonly ServerCount[]): ServerCount[] => {
  const merged = older.map((entry) => ({ ...entry }));
  for (const entry of newer) {
    const known = merged.find((other) => other.id === entry.id);
    if (known) known.count += entry.count;
    else merged.push({ ...entry });
  }
  return merged;
};

/**
 * Two batches told as one, the newer one's users first. A first-contact summary stays a summary when news
 * joins it: the user is told one total either way. A round reminder gives way to news: its count is the
 * total still expired, which must not be added to the count of news.
 */
export const mergeBatches = (older: AlertBatch, newer: AlertBatch): AlertBatch => {
  if (older.kind === 'reminder') return newer;
  if (newer.kind === 'reminder') return older;
  return {
    kind: older.kind === 'summary' || newer.kind === 'summary' ? 'summary' : 'new',
    count: older.count + newer.count,
    sample: [...newer.sample, ...older.sample].slice(0, BATCH_SAMPLE_SIZE),
    servers: mergeServerCounts(older.servers, newer.servers),
  };
};

/** Adds an announcement to a batch (or starts one). */
export const addToBatch = (batch: AlertBatch | null, effect: Announce): AlertBatch =>
  batch ? mergeBatches(batch, batchOf(effect)) : batchOf(effect);

export const reminderBatch = (totalExpired: number): AlertBatch => ({
  kind: 'reminder',
  count: totalExpired,
  sample: [],
  servers: [],
});
