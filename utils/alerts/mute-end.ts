import { MUTE_HOUR_MS } from './mute';

/** The lengths of mute the pages offer: an hour, or the rest of the night. */
export type MuteChoice = 'hour' | 'morning';

/**
 * When "mute until the morning" should end: the next time the local clock shows `hour`:00. Pressed at
 * 02:00 that is the same day's 08:00, not the next day's: the operator wants quiet for the night.
 */
export const nextMorning = (now: number, hour = 8): number => {
  const at = new Date(now);
  at.setHours(hour, 0, 0, 0);
  if (at.getTime() <= now) at.setDate(at.getDate() + 1);
  return at.getTime();
};

/**
 * The settings.mutedUntil for a mute chosen at `clickedAt`. Every page passes the time of the click, not
 * the clock it last drew with: that one may be seconds old, and a mute would come out that much short.
 */
export const muteEnd = (choice: MuteChoice, clickedAt: number): number =>
  choice === 'hour' ? clickedAt + MUTE_HOUR_MS : nextMorning(clickedAt);
