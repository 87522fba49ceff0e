import type { Locale } from './locale';
import * as alerts from './messages/alerts';
import * as common from './messages/common';
import { type TranslateKeys, translateIn } from './translate';

// The worker speaks, notifies and titles the badge, nothing more: with a catalog of just those texts its
// bundle leaves out the pages' texts, most of the catalog.
const catalogs = {
  en: { ...common.en, ...alerts.en },
  zh_CN: { ...common.zh_CN, ...alerts.zh_CN },
};

export type WorkerMessageKey = keyof typeof catalogs.en;
/** What code the worker shares with the pages asks for: a page's translator (every key) serves as well. */
export type WorkerTranslate = TranslateKeys<WorkerMessageKey>;

export const workerTranslatorFor =
  (locale: Locale): WorkerTranslate =>
  (key, params) =>
    translateIn(catalogs, locale, key, params);
