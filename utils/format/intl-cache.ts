import { type Locale, localeTag } from '../i18n';

// Building an Intl formatter costs far more than using one, and a list row formats on every render:
// keep one formatter per locale and option set.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const relativeTimeFormats = new Map<string, Intl.RelativeTimeFormat>();

const cached = <T>(cache: Map<string, T>, locale: Locale, options: object, create: () => T): T => {
  const key = `${locale}${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = create();
    cache.set(key, format);
  }
  return format;
};

export const numberFormat = (locale: Locale, options: Intl.NumberFormatOptions = {}) =>
  cached(numberFormats, locale, options, () => new Intl.NumberFormat(localeTag(locale), options));

export const dateTimeFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  cached(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(localeTag(locale), options));

export const relativeTimeFormat = (locale: Locale) =>
  cached(relativeTimeFormats, locale, {}, () => new Intl.RelativeTimeFormat(localeTag(locale), { numeric: 'auto' }));
