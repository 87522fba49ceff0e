import type { Translate } from '../i18n';
import type { ConnectionProblem, ConnectionStatus } from './connection-status';

/** Why the socket ended, as a clause of a sentence: the badge tooltip and the pages word it alike. */
export const describeProblem = (problem: ConnectionProblem, url: string, t: Translate): string => {
  switch (problem.kind) {
    case 'refused':
      return t('problemRefused', { url });
    case 'closed':
      return problem.closeCode === undefined
        ? t('problemClosedNoCode')
        : t('problemClosed', { code: problem.closeCode });
    case 'timeout':
      return t('problemTimeout');
    case 'silent':
      return t('problemSilent');
  }
};

/** One sentence on the connection, for the badge tooltip and the pages. */
export const describeConnection = (status: ConnectionStatus, t: Translate, now: number): string => {
  switch (status.phase) {
    case 'off':
      return t('connectionOff');
    case 'connecting':
      return t('connectionConnecting', { url: status.url });
    case 'open':
      return t('connectionOpen', { url: status.url });
    case 'waiting':
      return t('connectionWaiting', {
        problem: describeProblem(status.problem, status.url, t),
        seconds: Math.max(0, Math.ceil((status.retryAt - now) / 1000)),
      });
  }
};
