import { FIRST_SERVER_ID } from '../settings/server-entry';
import { checked, z } from '../zod';
import {
  type AlertBatch,
  type Announce,
  addToBatch,
  alertBatchSchema,
  COALESCE_WINDOW_MS,
  reminderBatch,
} from './alert-batch';

/** Every alert notification's id starts so: a click on another extension's notification is not ours. */
export const ALERT_ID_PREFIX = 'token-expired:';

let sequence = 0;
/** A notification id of its own for each alert, even two opened in the same millisecond. */
export const newAlertId = (now: number) => `${ALERT_ID_PREFIX}${now.toString(36)}-${(sequence++).toString(36)}`;

export const isAlertId = (id: string) => id.startsWith(ALERT_ID_PREFIX);

/** How many (user_id, expired_time) pairs a burst keeps for the alert history. */
export const BURST_USERS_LIMIT = 200;

const namedUserSchema = z.object({
  /** Whose user: the same user_id on two servers is two users (an older version watched only the first). */
  server: z._default(z.string(), FIRST_SERVER_ID),
  user_id: z.string(),
  expired_time: z.string(),
  /** For the history's search and display; masked there like everywhere else. */
  phone: z._default(z.string(), ''),
});

/**
 * One notification and what it has told so far. It leaves at once on its first expiry; news within the
 * window after that joins the same notification (same id) and is spoken as one follow-up. Stored before
 * anything is shown (write-ahead), so a stopped worker neither loses it nor shows it twice.
 */
export const alertBurstSchema = z.object({
  /** The notification's id: follow-ups update this one notification instead of adding another. */
  id: z.string(),
  openedAt: z.number(),
  batch: alertBatchSchema,
  /** `batch.count` when the notification last showed it: below the count, news is still to be shown. */
  shown: checked(z.number(), z.int(), z.nonnegative()),
  /** `batch.count` already handed to speech (or deliberately not spoken): speech never says it twice. */
  spoken: checked(z.number(), z.int(), z.nonnegative()),
  /** Who this alert named, for the history: the first BURST_USERS_LIMIT pairs. */
  users: checked(z.array(namedUserSchema), z.maxLength(BURST_USERS_LIMIT)),
});

export type AlertBurst = z.infer<typeof alertBurstSchema>;
export type NamedUser = z.infer<typeof namedUserSchema>;
const named = ({ users, server }: Announce): NamedUser[] =>
  users.map(({ user_id, expired_time, phone }) => ({ server: server.id, user_id, expired_time, phone }));

const opened = (id: string, now: number, batch: AlertBatch, users: NamedUser[] = []): AlertBurst => ({
  id,
  openedAt: now,
  batch,
  shown: 0,
  spoken: 0,
  users: users.slice(0, BURST_USERS_LIMIT),
});

const isUnshown = (burst: AlertBurst) => burst.shown < burst.batch.count;

/**
 * News joins a burst while its window is open, or while it is not fully shown yet (no expiry is ever dropped
 * from the one slot). A round reminder takes no news in, shown or not: its count is a total, and the marks of
 * how much was shown and spoken count up from it, so news folded into it would count as told already. News
 * opens its own alert instead, and a reminder not yet out gives way to it (the badge keeps the total).
 */
export const isJoinable = (burst: AlertBurst | null, now: number, windowMs = COALESCE_WINDOW_MS) =>
  burst !== null && burst.batch.kind !== 'reminder' && (isUnshown(burst) || now - burst.openedAt < windowMs);

/** The burst after an announcement: the open one grown, or a new one that leaves at once. */
export const withAnnouncement = (
  burst: AlertBurst | null,
  effect: Announce,
  now: number,
  newId: () => string,
): AlertBurst => {
  if (burst === null || !isJoinable(burst, now)) {
    return opened(newId(), now, addToBatch(null, effect), named(effect));
  }
  return {
    ...burst,
    batch: addToBatch(burst.batch, effect),
    users: [...burst.users, ...named(effect)].slice(0, BURST_USERS_LIMIT),
  };
};

/** A round-end reminder, unless an alert is still open: that one says more. */
export const withReminder = (
  burst: AlertBurst | null,
  totalExpired: number,
  now: number,
  newId: () => string,
): AlertBurst | null => (isJoinable(burst, now) ? burst : opened(newId(), now, reminderBatch(totalExpired)));

/** The newest `count` users of a batch, as a batch of their own: what speech has not said yet. */
export const unspokenBatch = (batch: AlertBatch, count: number): AlertBatch => ({
  kind: batch.kind,
  count,
  sample: batch.sample.slice(0, count),
  // Which servers the newest users came from is not kept: a follow-up tells its count alone.
  servers: count === batch.count ? batch.servers : [],
});

/** A batch stored by an older version, before alerts were delivered as bursts: not shown yet. */
export const burstFromLegacyBatch = (batch: AlertBatch, id: string, now: number): AlertBurst => opened(id, now, batch);
