import type { Locale } from './locale';
import * as accessibility from './messages/accessibility';
import * as alerts from './messages/alerts';
import * as common from './messages/common';
import * as dashboard from './messages/dashboard';
import * as history from './messages/history';
import * as options from './messages/options';
import * as popup from './messages/popup';
import * as shortcuts from './messages/shortcuts';
import { type MessageParams, type TranslateKeys, translateIn } from './translate';

// A runtime catalog rather than browser.i18n: the user may pick a language other than the browser's,
// and browser.i18n always answers in the browser's language. The pages' catalog: every text.
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
export type { MessageParams };

export type Translate = TranslateKeys<MessageKey>;

/** The text for a key, with `{name}` placeholders filled in. */
export const translate = (locale: Locale, key: MessageKey, params: MessageParams = {}): string =>
  translateIn(catalogs, locale, key, params);

export const translatorFor =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);
