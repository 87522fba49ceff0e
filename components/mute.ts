// What the two mute controls share: the compact one of the popup and dashboard (MuteControl) and the
// settings row with its longer choices (options/MuteField). Their layouts and wording differ by design.

/** "Mute 1 h" / "Mute for 1 hour". */
export const MUTE_HOUR_MS = 60 * 60 * 1000;

/** settings.mutedUntil stays stored once it has passed: only a time still ahead is a mute. */
export const isMuted = (mutedUntil: number | null, now: number): mutedUntil is number =>
  mutedUntil !== null && mutedUntil > now;
