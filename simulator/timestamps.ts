/** Wall-clock milliseconds with sub-millisecond precision, so timestamps in one burst still differ. */
export const preciseNow = (): number => performance.timeOrigin + performance.now();

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * The real server is Python and writes `datetime.now().isoformat()`: local time, six digits of
 * microseconds, no zone (`2025-09-03T09:27:57.108204`). Clients must cope with exactly this form.
 */
export const formatTimestamp = (epochMs: number): string => {
  const wholeMs = Math.floor(epochMs);
  const date = new Date(wholeMs);
  const micros = (wholeMs % 1000) * 1000 + Math.min(999, Math.floor((epochMs - wholeMs) * 1000));
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${day}T${time}.${pad(micros, 6)}`;
};

export const timestampNow = (): string => formatTimestamp(preciseNow());

/**
 * The document does not say how the server measures `latency_ms`; the plausible reading is "now minus the
 * ping's timestamp". Clock skew can make that negative, and the field must never be, so it is clamped.
 */
export const latencySince = (pingTimestamp: unknown, nowMs: number): number => {
  const sentAt = typeof pingTimestamp === 'string' ? Date.parse(pingTimestamp) : Number.NaN;
  if (!Number.isFinite(sentAt)) return 0;
  return Math.round(Math.max(0, nowMs - sentAt) * 10) / 10;
};
