import type { Settings } from '../settings';
import type { AlertBatch, Announce } from './alert-batch';
import { type AlertBurst, unspokenBatch, withAnnouncement, withReminder } from './alert-burst';
import { type AlertPlan, planAlert } from './alert-policy';
import { createSpeechQueue, type SpokenPart, type Utterance } from './speech-queue';

export interface AlertDispatcherDeps {
  now(): number;
  newId(): string;
  settings(): Settings;
  /**
   * Stores the monitor state with the outbox (this burst included). It must hand the write to storage
   * before it returns (the storage call is made synchronously): the alert is shown without waiting for it to
   * land.
   */
  writeAhead(): Promise<unknown>;
  /** Stores the outbox once a notification call returned, or speech took an utterance over. */
  writeDelivered(): Promise<unknown>;
  /** Shows the burst's notification, or updates it under the same id. */
  show(burst: AlertBurst, silent: boolean): Promise<unknown>;
  /** Whether the notification centre lists this id (asked after each call, and by a restarted worker). */
  isShowing(id: string): Promise<boolean>;
  /** Settles after this many milliseconds (before a refused notification is tried again). */
  wait(ms: number): Promise<void>;
  /** Says a batch; settles when the utterance is over. */
  speak(batch: AlertBatch, followUp: boolean, alertId: string): Promise<void>;
  /** The alert as delivered so far, for the history. */
  record(burst: AlertBurst, plan: AlertPlan): void;
  /** Whether the history already holds this alert (a restarted worker only records one it lacks). */
  isRecorded(alertId: string): boolean;
  /** How many of an alert's users speech just took over, for the history (stored with the next write). */
  recordSpoken(alertId: string, count: number): void;
  log(line: string): void;
}

/**
 * Pauses before showing a refused notification again; past the last, the alert stops trying (speech has told
 * the user all the same). A notification counts as shown only once a call returned and the notification
 * centre lists it, so until then the stored outbox tells a restarted worker to try again.
 */
export const SHOW_RETRY_DELAYS_MS = [500, 1000, 2000] as const;

/**
 * Alerts on the leading edge, written ahead: the first expiry of a burst is handed to storage with the
 * state, then shown at once; news within the window updates that same notification and is spoken as one
 * follow-up once the first utterance ends. A burst is marked shown as soon as the notification call returns
 * and the notification centre lists it, and spoken as soon as the speech engine takes an utterance over (it
 * speaks on even if this worker stops), so a worker stopped at any instant re-shows at most the same
 * notification (same id: it replaces, never adds).
 */
export const createAlertDispatcher = (deps: AlertDispatcherDeps) => {
  let burst: AlertBurst | null = null;
  let delivering: Promise<void> | null = null;
  /** How much of the current burst waits in the speech queue or was spoken; in memory only. */
  let queued = 0;
  /** Inside a delivery, whose own write stores what speech took over; outside it, speech writes itself. */
  let inDelivery = false;

  /** Failed notification calls for the current burst. */
  let showFailures = 0;

  /** Whether the work succeeded. */
  const attempt = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
      return true;
    } catch (error) {
      // A failed write or notification must not stop the alert: the user is told all the same.
      deps.log(`[alert] ${what} failed: ${String(error)}`);
      return false;
    }
  };

  const markSpoken = (parts: readonly SpokenPart[], all = false) => {
    for (const part of parts) {
      if (burst?.id !== part.alertId) continue;
      burst = { ...burst, spoken: all ? burst.batch.count : Math.min(burst.batch.count, burst.spoken + part.count) };
    }
  };

  const speech = createSpeechQueue(async ({ batch, followUp, parts }: Utterance) => {
    markSpoken(parts);
    for (const part of parts) deps.recordSpoken(part.alertId, part.count);
    if (!inDelivery) void attempt('storing speech', deps.writeDelivered);
    await deps.speak(batch, followUp, parts.at(-1)?.alertId ?? '');
  }, deps.log);

  /**
   * Shows the burst and confirms the notification centre lists it: only then does it count as shown. A call
   * that returned without the notification there is treated like a refused one and tried again.
   */
  const showAndConfirm = async (target: AlertBurst, silent: boolean) => {
    if (!(await attempt(`notification ${target.id}`, () => deps.show(target, silent)))) return false;
    // A check that fails says nothing either way: the call returned, so the notification counts.
    const listed = await deps.isShowing(target.id).catch(() => true);
    if (!listed) deps.log(`[alert] notification ${target.id} is not in the notification centre`);
    return listed;
  };

  const needsDelivery = (candidate: AlertBurst | null): candidate is AlertBurst =>
    candidate !== null && (candidate.shown < candidate.batch.count || queued < candidate.batch.count);

  const deliverOnce = async (target: AlertBurst) => {
    // Handed to storage, not waited for: storage applies writes in the order they were made, and a write the
    // worker has handed over lands even if the worker is stopped the next instant. Waiting for it to land
    // would only hold the alert back by a storage round trip, longer whenever a list part is being stored.
    const storedAhead = attempt('storing ahead', deps.writeAhead);
    const { count } = target.batch;
    const plan = planAlert(target.batch, deps.settings(), deps.now());
    const showed = !(plan.notify && target.shown < count) || (await showAndConfirm(target, plan.silent));
    await storedAhead;
    if (burst?.id !== target.id) {
      // Replaced while it went out (a round reminder gives way to news): a notification that did show is
      // still part of the history, and was not spoken.
      const shownNow = plan.notify && showed && target.shown < count;
      if (burst !== null && shownNow) deps.record({ ...target, shown: count }, { ...plan, speak: false });
      return;
    }
    const retryIn = showed ? undefined : SHOW_RETRY_DELAYS_MS[showFailures++];
    if (retryIn === undefined) burst = { ...burst, shown: Math.max(burst.shown, count) };
    if (plan.notify || plan.speak) deps.record(burst, { ...plan, notify: plan.notify && showed });
    // Speech takes the burst as it is now: news that joined while the notification went out (another
    // server's, arriving together) is told in the same utterance, not as a follow-up a moment later.
    const told = burst.batch;
    const speak = told === target.batch ? plan.speak : planAlert(told, deps.settings(), deps.now()).speak;
    const waiting = told.count - Math.max(queued, burst.spoken);
    queued = told.count;
    if (!speak) markSpoken([{ alertId: target.id, count: told.count }], true);
    else if (waiting > 0) {
      inDelivery = true;
      speech.say({
        batch: unspokenBatch(told, waiting),
        followUp: told.count > waiting,
        parts: [{ alertId: target.id, count: waiting }],
      });
      inDelivery = false;
    }
    await attempt('storing delivery', deps.writeDelivered);
    if (showed) return;
    if (retryIn === undefined) return deps.log(`[alert] gave up showing ${target.id}`);
    deps.log(`[alert] showing ${target.id} again in ${retryIn} ms`);
    await deps.wait(retryIn);
  };

  const deliver = () => {
    if (delivering) return;
    delivering = (async () => {
      for (let next = burst; needsDelivery(next); next = burst) await deliverOnce(next);
    })().finally(() => {
      delivering = null;
      // News may have joined between the loop's last check and here.
      if (needsDelivery(burst)) deliver();
    });
  };

  const replace = (next: AlertBurst) => {
    if (next.id !== burst?.id) {
      queued = next.spoken;
      showFailures = 0;
    }
    burst = next;
    deliver();
  };

  return {
    announce(effect: Announce) {
      replace(withAnnouncement(burst, effect, deps.now(), deps.newId));
    },
    remind(totalExpired: number) {
      const next = withReminder(burst, totalExpired, deps.now(), deps.newId);
      if (next && next !== burst) replace(next);
    },
    /**
     * What a stopped worker left. A burst it had not marked shown goes out again under its own id; if that
     * notification is already on screen it was shown, and spoken in the same instant: updated, not spoken.
     */
    async restore(saved: AlertBurst | null) {
      if (!saved || burst) return;
      const onScreen = saved.shown < saved.batch.count && (await deps.isShowing(saved.id));
      const restored = onScreen ? { ...saved, spoken: saved.batch.count } : saved;
      // The history is written after the mark: one stopped in between is recorded now.
      const plan = planAlert(saved.batch, deps.settings(), deps.now());
      if (saved.shown > 0 && (plan.notify || plan.speak) && !deps.isRecorded(saved.id)) {
        deps.record(restored, plan);
        void attempt('storing history', deps.writeDelivered);
      }
      replace(restored);
    },
    /** The burst to store with every state write. */
    outbox: () => burst,
    /** Settles once nothing is waiting to be shown (speech may still be talking). */
    idle: async () => {
      while (delivering) await delivering;
    },
    clear() {
      burst = null;
      queued = 0;
      showFailures = 0;
    },
  };
};

export type AlertDispatcher = ReturnType<typeof createAlertDispatcher>;
