import type { Locale } from '../i18n';
import { dateTimeFormat } from './intl-cache';

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const SHORT: Intl.DateTimeFormatOptions = { ...CLOCK, month: '2-digit', day: '2-digit' };
const FULL: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

const isSameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** 14:05, or with the date when it is not today: 09/04 14:05. */
export const formatClock = (ms: number, nowMs: number, locale: Locale): string =>
  dateTimeFormat(locale, isSameDay(new Date(ms), new Date(nowMs)) ? CLOCK : SHORT).format(ms);

/** Compact date and time for list rows: 09/03 09:27. */
export const formatShortDateTime = (ms: number, locale: Locale): string => dateTimeFormat(locale, SHORT).format(ms);

/** Full date and time with seconds, for tooltips: 2025年9月3日 09:27:57. */
export const formatFullDateTime = (ms: number, locale: Locale): string => dateTimeFormat(locale, FULL).format(ms);
