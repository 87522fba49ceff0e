import type { MonitorEffect } from '../monitor';
import type { Settings } from '../settings';
import type { AlertBatch } from './alert-batch';
import { type AlertBurst, isSettled, unspoken, withAnnouncement, withReminder } from './alert-burst';
import { type AlertPlan, planAlert } from './alert-policy';
import { createSpeechQueue } from './speech-queue';

export interface AlertDispatcherDeps {
  now(): number;
  newId(): string;
  settings(): Settings;
  /** Stores the monitor state with the outbox (this burst included) before anything is shown. */
  writeAhead(): Promise<void>;
  /** Stores the outbox once a notification call returned: what it showed is delivered. */
  writeDelivered(): Promise<void>;
  /** Shows the burst's notification, or updates it under the same id. */
  show(burst: AlertBurst, silent: boolean): Promise<unknown>;
  /** Whether the notification with this id is still there (asked by a restarted worker). */
  isShowing(id: string): Promise<boolean>;
  /** Says a batch; settles when the utterance is over. */
  speak(batch: AlertBatch, followUp: boolean, burstId: string): Promise<void>;
  /** The alert as delivered so far, for the history. */
  record(burst: AlertBurst, plan: AlertPlan): void;
  log(line: string): void;
}

type Announce = Extract<MonitorEffect, { type: 'announce' }>;

/**
 * Alerts on the leading edge, written ahead: the first expiry of a burst is stored with the state, then
 * shown at once; news within the window updates that same notification and is spoken as one follow-up once
 * the first utterance ends. A burst is marked delivered as soon as the notification call returns, so a
 * worker stopped at any instant re-shows at most the same notification (same id: it replaces, never adds).
 */
export const createAlertDispatcher = (deps: AlertDispatcherDeps) => {
  let burst: AlertBurst | null = null;
  let delivering: Promise<void> | null = null;
  const speech = createSpeechQueue(deps.speak, deps.log);

  const attempt = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      // A failed write or notification must not stop the alert: the user is told all the same.
      deps.log(`[alert] ${what} failed: ${String(error)}`);
    }
  };

  const deliverOnce = async (target: AlertBurst) => {
    await attempt('storing ahead', deps.writeAhead);
    const plan = planAlert(target.batch, deps.settings(), deps.now());
    if (plan.notify && target.shown < target.batch.count)
      await attempt('notification', () => deps.show(target, plan.silent));
    if (plan.speak && target.spoken < target.batch.count)
      speech.say({ batch: unspoken(target), followUp: target.spoken > 0, alertId: target.id });
    // Joins during the awaits grew the same burst (an unshown burst is never replaced): keep them.
    const latest = burst?.id === target.id ? burst : target;
    burst = latest === burst ? { ...latest, shown: target.batch.count, spoken: target.batch.count } : burst;
    deps.record({ ...latest, shown: target.batch.count, spoken: target.batch.count }, plan);
    await attempt('storing delivery', deps.writeDelivered);
  };

  const deliver = () => {
    if (delivering) return;
    delivering = (async () => {
      while (burst && !isSettled(burst)) await deliverOnce(burst);
    })().finally(() => {
      delivering = null;
      // News may have joined between the loop's last check and here.
      if (burst && !isSettled(burst)) deliver();
    });
  };

  return {
    announce(effect: Announce) {
      burst = withAnnouncement(burst, effect, deps.now(), deps.newId);
      deliver();
    },
    remind(totalExpired: number) {
      const next = withReminder(burst, totalExpired, deps.now(), deps.newId);
      if (next === burst) return;
      burst = next;
      deliver();
    },
    /**
     * What a stopped worker left. A burst it had not marked delivered goes out again under its own id; if
     * that notification is already on screen, it was shown and spoken: it is updated, not spoken again.
     */
    async restore(saved: AlertBurst | null) {
      if (!saved || burst) return;
      burst =
        saved.shown < saved.batch.count && (await deps.isShowing(saved.id))
          ? { ...saved, spoken: saved.batch.count }
          : saved;
      deliver();
    },
    /** The burst to store with every state write. */
    outbox: () => burst,
    /** Settles once nothing is waiting to be shown (speech may still be talking). */
    idle: async () => {
      while (delivering) await delivering;
    },
    clear() {
      burst = null;
    },
  };
};

export type AlertDispatcher = ReturnType<typeof createAlertDispatcher>;
