import type { ExpiredUser } from '../protocol';

/** What the reducer asks the outside world to do; the background worker carries these out. */
export type MonitorEffect =
  | {
      type: 'announce';
      /** Users whose (user_id, expired_time) has not been announced before. */
      users: readonly ExpiredUser[];
      /** The first snapshot ever: sum up what was already expired instead of announcing each user. */
      summary: boolean;
    }
  | {
      /** A round ended while expired tokens remain; announced only if the user asked to be reminded. */
      type: 'remind';
      totalExpired: number;
    };
