import type { Settings } from '../settings';
import type { AlertBatch } from './alert-batch';
import { isMuted } from './mute';
import { isWithinQuietHours } from './quiet-hours';

export interface AlertPlan {
  notify: boolean;
  /** A notification without sound (Chrome's `silent`): muted or in quiet hours. */
  silent: boolean;
  speak: boolean;
}

/** Muted by hand, or inside the daily quiet hours. */
export const isSilenced = (settings: Settings, now: number) =>
  isMuted(settings.mutedUntil, now) ||
  (settings.quietHours.enabled && isWithinQuietHours(new Date(now), settings.quietHours));

/**
 * What an alert does under the user's settings. Mute and quiet hours silence sound and speech but still
 * show the (silent) notification: nothing is hidden, only nobody is interrupted.
 */
export const planAlert = (batch: AlertBatch, settings: Settings, now: number): AlertPlan => {
  const wanted = batch.count > 0 && (batch.kind !== 'reminder' || settings.remindEveryRound);
  const muted = isSilenced(settings, now);
  return {
    notify: wanted && settings.notifications,
    silent: muted,
    speak: wanted && settings.speech.enabled && !muted,
  };
};
