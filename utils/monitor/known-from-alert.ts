import type { ExpiredUser } from '../protocol';
import type { MonitorState } from './monitor-state';

interface NamedUser {
  server: string;
  user_id: string;
  expired_time: string;
  phone: string;
}

/**
 * A stored alert's users of one server as known: whoever an alert names has been announced, whatever the
 * stored state says (written by an older version, or cut short). Without this a restarted worker would
 * announce them again from the next snapshot. Their tokens arrive with that snapshot. Returns the users it
 * had to add.
 */
export const knowingAlerted = (
  state: MonitorState,
  server: string,
  named: readonly NamedUser[],
): { state: MonitorState; added: ExpiredUser[] } => {
  const added: ExpiredUser[] = named
    .filter((user) => {
      if (user.server !== server) return false;
      const known = state.expired.get(user.user_id)?.expired_time ?? state.renewed.get(user.user_id);
      return known === undefined || user.expired_time > known;
    })
    .map(({ user_id, phone, expired_time }) => ({ user_id, phone, expired_time, token: '' }));
  if (added.length === 0) return { state, added };
  const expired = state.expired.withAll(added.map((user) => [user.user_id, user]));
  return { state: { ...state, expired }, added };
};
