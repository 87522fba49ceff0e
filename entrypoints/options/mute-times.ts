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
