import { saveSettings } from '../platform/settings-store';
import { toggledIgnore } from '../utils/alerts/ignored-users';
import type { Translate } from '../utils/i18n';
import { IGNORED_USERS_LIMIT } from '../utils/settings/settings-schema';

/** Ignores or un-ignores a user from the list, saying what changed (or that the list is full). */
export const ignoreToggle = (ignored: readonly string[], flash: (message: string) => void, t: Translate) => {
  return (userId: string) => {
    const next = toggledIgnore(ignored, userId);
    if (next.length > IGNORED_USERS_LIMIT) return flash(t('ignoreListFull', { limit: IGNORED_USERS_LIMIT }));
    void saveSettings({ ignoredUsers: next });
    flash(t(next.includes(userId) ? 'ignoredNow' : 'unignoredNow', { user: userId }));
  };
};
