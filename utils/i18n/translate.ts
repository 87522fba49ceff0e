import type { Locale } from './locale';

export type MessageParams = Record<string, string | number>;

/** Texts by key, one table per language. */
export type Catalogs<K extends string> = Record<Locale, Record<K, string>>;

/** A translator that knows the keys K: code that needs only some keys asks for no more than those. */
export type TranslateKeys<K extends string> = (key: K, params?: MessageParams) => string;

/** The text for a key, with `{name}` placeholders filled in. */
export const translateIn = <K extends string>(
  catalogs: Catalogs<K>,
  locale: Locale,
  key: K,
  params: MessageParams = {},
): string =>
  catalogs[locale][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
