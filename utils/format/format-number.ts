import type { Locale } from '../i18n';
import { numberFormat } from './intl-cache';

/** A count with the locale's grouping: 100,000. */
export const formatNumber = (value: number, locale: Locale): string =>
  numberFormat(locale, { maximumFractionDigits: 0 }).format(value);

/** A percentage given as 0–100, one decimal at most: 29.3%. */
export const formatPercent = (value: number, locale: Locale): string =>
  numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);

/** A round's duration: 59.5 秒 / 59.5 sec. */
export const formatSeconds = (seconds: number, locale: Locale): string =>
  numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    seconds,
  );

/** A latency: 13 毫秒 / 13 ms. */
export const formatMilliseconds = (ms: number, locale: Locale): string =>
  numberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 }).format(
    ms,
  );
