import type { Locale } from './locale';
import * as accessibility from './messages/accessibility';
import * as alerts from './messages/alerts';
import * as common from './messages/common';
import * as dashboard from './messages/dashboard';
import * as history from './messages/history';
import * as options from './messages/options';
import * as popup from './messages/popup';
import * as shortcuts from './messages/shortcuts';

// A runtime catalog rather than browser.i18n: the user may pick a language other than the browser's,
// and browser.i18n always answers in the browser's language.
const catalogs = {
  en: {
    ...common.en,
    ...alerts.en,
    ...popup.en,
    ...options.en,
    ...dashboard.en,
    ...history.en,
    ...shortcuts.en,
    ...accessibility.en,
  },
  zh_CN: {
    ...common.zh_CN,
    ...alerts.zh_CN,
    ...popup.zh_CN,
    ...options.zh_CN,
    ...dashboard.zh_CN,
    ...history.zh_CN,
    ...shortcuts.zh_CN,
    ...accessibility.zh_CN,
  },
};

export type MessageKey = keyof typeof catalogs.en;
export type MessageParams = Record<string, string | number>;

/** The text for a key, with `{name}` placeholders filled in. */
export const translate = (locale: Locale, key: MessageKey, params: MessageParams = {}): string =>
  catalogs[locale][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const translatorFor =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);
