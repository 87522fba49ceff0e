import { PersistentMap } from '../persistent-map';
import { type ExpiredUser, expiredUserSchema } from '../protocol';
import { checked, z } from '../zod';

export const HISTORY_LIMIT = 50;
/**
 * Renewed users remembered with the expiry announced for them, so that a stale or repeated frame naming that
 * expiry again is not news. Renewals are rare; past this many the oldest are let go.
 */
export const RENEWED_LIMIT = 5000;

const nullableCount = z.nullable(checked(z.number(), z.nonnegative()));

export const roundSchema = z.object({
  round: checked(z.number(), z.int(), z.nonnegative()),
  phase: z.enum(['running', 'completed']),
  current: checked(z.number(), z.nonnegative()),
  total: checked(z.number(), z.nonnegative()),
  percentage: checked(z.number(), z.minimum(0), z.maximum(100)),
  expiredFound: checked(z.number(), z.nonnegative()),
  /** Seconds, from check_completed. */
  duration: z.nullable(checked(z.number(), z.nonnegative())),
});

export const roundSummarySchema = z.object({
  round: checked(z.number(), z.int(), z.nonnegative()),
  duration: z.nullable(checked(z.number(), z.nonnegative())),
  totalUsers: nullableCount,
  newExpired: checked(z.number(), z.nonnegative()),
  /** The server's own timestamp (local time, no zone), as token-monitor-ws-api.md writes it. */
  completedAt: z.nullable(z.string()),
});

export const totalsSchema = z.object({
  totalUsers: nullableCount,
  totalExpired: checked(z.number(), z.nonnegative()),
  lastCheck: z.nullable(z.string()),
});

export const latencySchema = z.object({
  /** What the server reports in `pong.latency_ms`. */
  serverMs: z.nullable(checked(z.number(), z.nonnegative())),
  /** Ping to pong as this client measured it. */
  roundTripMs: z.nullable(checked(z.number(), z.nonnegative())),
});

/** The expired users as stored: a list of their own (see storedSummarySchema). */
export const storedExpiredSchema = z.array(expiredUserSchema);

/** Everything the extension knows about the server, in the form it is stored. */
export const storedMonitorStateSchema = z.object({
  /** False until the first current_status: what is expired then is summed up, not announced one by one. */
  hasSnapshot: z.boolean(),
  totals: totalsSchema,
  round: z.nullable(roundSchema),
  history: checked(z.array(roundSummarySchema), z.maxLength(HISTORY_LIMIT)),
  latency: latencySchema,
  /** [user_id, expired_time] of users who left the list (renewed): what was last announced for them. */
  renewed: z._default(checked(z.array(z.tuple([z.string(), z.string()])), z.maxLength(RENEWED_LIMIT)), []),
  expired: storedExpiredSchema,
});

/** The stored state is split: the expired list is large and changes rarely, the rest is small and changes often. */
export const storedSummarySchema = z.omit(storedMonitorStateSchema, { expired: true });

export type Round = z.infer<typeof roundSchema>;
export type RoundSummary = z.infer<typeof roundSummarySchema>;
export type Totals = z.infer<typeof totalsSchema>;
export type StoredMonitorState = z.infer<typeof storedMonitorStateSchema>;

/**
 * In memory the expired users are keyed by user_id in a persistent map: lookups stay O(1) at 100,000 users
 * and a token_expired adds its users without copying the list, while every older state stays as it was. Each (user_id, expired_time) in this map has been announced (or summed up) exactly once. Together with
 * `renewed` it is the memory of what was announced: the latest expiry told of each user.
 */
export type MonitorState = Omit<StoredMonitorState, 'expired' | 'renewed'> & {
  expired: PersistentMap<ExpiredUser>;
  renewed: ReadonlyMap<string, string>;
};

export const initialMonitorState: MonitorState = {
  hasSnapshot: false,
  totals: { totalUsers: null, totalExpired: 0, lastCheck: null },
  round: null,
  history: [],
  latency: { serverMs: null, roundTripMs: null },
  renewed: new Map(),
  expired: PersistentMap.empty(),
};

/** Everything but the expired list, which is large and stored on its own. */
export const summaryOf = ({ expired: _, renewed, ...summary }: MonitorState): z.infer<typeof storedSummarySchema> => ({
  ...summary,
  renewed: [...renewed],
});

export const fromStoredMonitorState = (stored: StoredMonitorState): MonitorState => ({
  ...stored,
  renewed: new Map(stored.renewed),
  expired: PersistentMap.fromValues(stored.expired, (user) => user.user_id),
});
