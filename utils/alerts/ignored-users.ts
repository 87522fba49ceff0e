import type { ExpiredUser } from '../protocol';

/**
 * An announcement without the users the operator chose to ignore: they are still expired, listed and
 * remembered as announced (un-ignoring them later does not alert for an old expiry), but never alerted.
 * Null when nobody is left to tell of.
 */
export const withoutIgnored = <T extends { users: readonly ExpiredUser[] }>(
  effect: T,
  ignored: readonly string[],
): T | null => {
  if (ignored.length === 0) return effect;
  const skip = new Set(ignored);
  const users = effect.users.filter((user) => !skip.has(user.user_id));
  if (users.length === 0) return null;
  return users.length === effect.users.length ? effect : { ...effect, users };
};

/** The ignore list after the operator ignores or un-ignores a user. */
export const toggledIgnore = (ignored: readonly string[], userId: string): string[] =>
  ignored.includes(userId) ? ignored.filter((id) => id !== userId) : [...ignored, userId];
