import type { Locale } from '../i18n';
import { relativeTimeFormat } from './intl-cache';

const STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', Number.POSITIVE_INFINITY],
];

/**
 * How long ago: 2 分钟前 / 2 minutes ago. Intl has no "just now", so the caller passes its own words for the
 * first few seconds. A time slightly in the future (server and browser clocks disagree) also counts as now:
 * "in 3 seconds" for a check that already happened would only confuse.
 */
export const formatRelativeTime = (thenMs: number, nowMs: number, locale: Locale, justNow: string): string => {
  let amount = Math.floor(Math.max(0, nowMs - thenMs) / 1000);
  if (amount < 10) return justNow;
  for (const [unit, size] of STEPS) {
    if (amount < size) return relativeTimeFormat(locale).format(-amount, unit);
    amount = Math.floor(amount / size);
  }
  return justNow;
};
