const minutesOf = (clock: string) => {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
};

/** Whether a local time falls in a daily window; a window like 22:00–08:00 wraps past midnight. */
export const isWithinQuietHours = (now: Date, window: { start: string; end: string }) => {
  const current = now.getHours() * 60 + now.getMinutes();
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return false;
  return start < end ? current >= start && current < end : current >= start || current < end;
};
