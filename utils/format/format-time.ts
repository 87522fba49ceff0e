import type { Locale } from '../i18n';
import { dateTimeFormat } from './intl-cache';

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const SHORT: Intl.DateTimeFormatOptions = { ...CLOCK, month: '2-digit', day: '2-digit' };
const NAMED_DAY: Intl.DateTimeFormatOptions = { ...CLOCK, month: 'short', day: 'numeric' };
const FULL: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

/** Whether two times fall on the same local calendar day. */
export const isSameDay = (aMs: number, bMs: number): boolean => {
  const a = new Date(aMs);
  const b = new Date(bMs);
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
};

/**
 * How formatClock writes a day other than today: in digits, compact beside a button (09/04), or with the
 * month's name, in a sentence that names the day (9月4日 / Sep 4).
 */
export type OtherDay = 'digits' | 'named';

/** 14:05, or with the date when it is not today: 09/04 14:05 (or 9月4日 14:05 with `named`). */
export const formatClock = (ms: number, nowMs: number, locale: Locale, otherDay: OtherDay = 'digits'): string => {
  if (isSameDay(ms, nowMs)) return dateTimeFormat(locale, CLOCK).format(ms);
  return dateTimeFormat(locale, otherDay === 'named' ? NAMED_DAY : SHORT).format(ms);
};

/** Compact date and time for list rows: 09/03 09:27. */
export const formatShortDateTime = (ms: number, locale: Locale): string => dateTimeFormat(locale, SHORT).format(ms);

/** Full date and time with seconds, for tooltips: 2025年9月3日 09:27:57. */
export const formatFullDateTime = (ms: number, locale: Locale): string => dateTimeFormat(locale, FULL).format(ms);
