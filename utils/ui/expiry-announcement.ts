import { formatNumber } from '../format';
import type { Locale, Translate } from '../i18n';

/**
 * What a screen reader is told when the expired count goes from `from` to `to`: the number of new expiries,
 * or null when there is nothing new. `from` is null while the page has not yet seen a count: the users
 * already in the list when it opens are on screen, not news. A smaller count is renewals, not news either.
 */
export const expiryAnnouncement = (from: number | null, to: number, locale: Locale, t: Translate): string | null => {
  if (from === null || to <= from) return null;
  const added = to - from;
  return added === 1 ? t('a11yNewExpiredOne') : t('a11yNewExpiredMany', { count: formatNumber(added, locale) });
};
