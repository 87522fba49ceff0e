// The server writes Python's datetime.isoformat(): `2025-09-03T09:27:57.108204`, local time without a zone
// (token-monitor-ws-api.md). Date.parse is not required to accept six fraction digits, so parse by hand;
// `str(datetime)` (a space instead of T) and an explicit zone are accepted too.
const SERVER_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

const zoneOffsetMinutes = (zone: string) => {
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return zone.startsWith('-') ? -minutes : minutes;
};

/** Epoch milliseconds of a server timestamp, or null when the text is not one. */
export const parseServerTime = (text: string | null | undefined): number | null => {
  const match = text ? SERVER_TIME.exec(text.trim()) : null;
  if (!match) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((group) => Number(match[group] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Math.floor(Number(`0.${match[7] ?? 0}`) * 1000);
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
  const zone = match[8];
  const time = zone
    ? Date.UTC(y, mo - 1, d, h, mi, s, ms) - zoneOffsetMinutes(zone) * 60_000
    : new Date(y, mo - 1, d, h, mi, s, ms).getTime();
  // Date rolls 31 February over into March: such a text is not a real time.
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d ? time : null;
};
