import type { ServerEntry, Settings } from '../settings';
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
 * What an alert does under the user's settings and those of the servers it tells of. Mute and quiet hours
 * silence sound and speech but still show the (silent) notification: nothing is hidden, only nobody is
 * interrupted. An alert from several servers notifies if one of them wants notifications, speaks if one of
 * them wants speech and is not muted, and is silent only when all of them are muted.
 */
export const planAlert = (batch: AlertBatch, settings: Settings, now: number): AlertPlan => {
  const wanted = batch.count > 0 && (batch.kind !== 'reminder' || settings.remindEveryRound);
  const servers = settings.servers.filter((server) => batch.servers.some((told) => told.id === server.id));
  // A reminder names no server, nor does an alert whose servers were removed since: the global switches decide.
  const anyServer = (test: (server: ServerEntry) => boolean) => servers.length === 0 || servers.some(test);
  const serverMuted = (server: ServerEntry) => isMuted(server.mutedUntil, now);
  const muted = isSilenced(settings, now) || (servers.length > 0 && servers.every(serverMuted));
  return {
    notify: wanted && settings.notifications && anyServer((server) => server.notifications),
    silent: muted,
    speak: wanted && settings.speech.enabled && !muted && anyServer((server) => server.speech && !serverMuted(server)),
  };
};
