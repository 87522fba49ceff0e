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

/** A watched server as the badge sees it. */
export interface BadgeServer {
  label: string;
  connection: ConnectionStatus;
}

/**
 * Every watched server connected: the expired count in red, empty at zero. One server not connected: a grey
 * mark instead of a count that could be stale, with the reason and the next retry in the tooltip. Several
 * servers, some not connected: grey, the count of those connected if any is, and the tooltip names each
 * server that is not connected with its reason.
 */
export const badgeAppearance = (
  servers: readonly BadgeServer[],
  totalExpired: number,
  t: WorkerTranslate,
  now: number,
): BadgeAppearance => {
  const counted = totalExpired > 0 ? t('badgeExpired', { count: totalExpired }) : t('badgeNone');
  const watched = servers.filter((server) => server.connection.phase !== 'off');
  const down = watched.filter((server) => server.connection.phase !== 'open');
  if (watched.length > 0 && down.length === 0) {
    return { text: countText(totalExpired), color: BADGE_RED, title: `${t('extName')}: ${counted}` };
  }
  if (watched.length <= 1) {
    const connection = watched[0]?.connection ?? OFF;
    return {
      text: notConnectedText(connection),
      color: BADGE_GREY,
      title: `${t('extName')}: ${describeConnection(connection, t, now)}. ${counted}`,
    };
  }
  const reasons = down.map((server) => `${server.label}: ${describeConnection(server.connection, t, now)}`);
  const someOpen = down.length < watched.length;
  return {
    text: someOpen ? countText(totalExpired) : notConnectedText(down[0]?.connection ?? OFF),
    color: BADGE_GREY,
    title: `${t('extName')}: ${counted}. ${reasons.join(t('clauseSeparator'))}`,
  };
};

const OFF: ConnectionStatus = { phase: 'off' };

const notConnectedText = (connection: ConnectionStatus) =>
  connection.phase === 'open' ? '' : NOT_CONNECTED_TEXT[connection.phase];
