// One notion of "muted" for the alert policy, the notification's mute button and the pages' mute controls.

/** "Mute 1 h" / "Mute for 1 hour". */
export const MUTE_HOUR_MS = 60 * 60 * 1000;

/** settings.mutedUntil stays stored once it has passed: only a time still ahead is a mute. */
export const isMuted = (mutedUntil: number | null, now: number): mutedUntil is number =>
  mutedUntil !== null && mutedUntil > now;
