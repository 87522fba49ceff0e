import type { ConnectionStatus } from '../connection';
import { describeConnection } from '../connection/describe-connection';
import type { WorkerTranslate } from '../i18n';

export const BADGE_RED = '#d93025';
export const BADGE_GREY = '#80868b';

export interface BadgeAppearance {
  text: string;
  color: string;
  title: string;
}

const MAX_SHOWN = 999;

export const countText = (count: number) => (count <= 0 ? '' : count > MAX_SHOWN ? `${MAX_SHOWN}+` : String(count));

const NOT_CONNECTED_TEXT: Record<Exclude<ConnectionStatus['phase'], 'open'>, string> = {
  off: 'off',
  connecting: '…',
  waiting: '!',
};

/**
 * Connected: the expired count in red, empty at zero. Not connected: a grey mark instead of a count that
 * could be stale, with the reason and the next retry in the tooltip.
 */
export const badgeAppearance = (
  connection: ConnectionStatus,
  totalExpired: number,
  t: WorkerTranslate,
  now: number,
): BadgeAppearance => {
  const counted = totalExpired > 0 ? t('badgeExpired', { count: totalExpired }) : t('badgeNone');
  if (connection.phase === 'open') {
    return { text: countText(totalExpired), color: BADGE_RED, title: `${t('extName')}: ${counted}` };
  }
  return {
    text: NOT_CONNECTED_TEXT[connection.phase],
    color: BADGE_GREY,
    title: `${t('extName')}: ${describeConnection(connection, t, now)}. ${counted}`,
  };
};
