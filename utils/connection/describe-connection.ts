import type { WorkerTranslate } from '../i18n';
import type { ConnectionProblem, ConnectionStatus } from './connection-status';
import { DEFAULT_TIMING } from './connection-timing';

// The limits are the connection's own, not copies in the wording: a change to the timing shows in the text.
const seconds = (ms: number) => ({ seconds: ms / 1000 });

/** Why the socket ended, as a clause of a sentence: the badge tooltip and the pages word it alike. */
export const describeProblem = (problem: ConnectionProblem, url: string, t: WorkerTranslate): string => {
  switch (problem.kind) {
    case 'refused':
      return t('problemRefused', { url });
    case 'closed':
      return problem.closeCode === undefined
        ? t('problemClosedNoCode')
        : t('problemClosed', { code: problem.closeCode });
    case 'timeout':
      return t('problemTimeout', seconds(DEFAULT_TIMING.connectTimeoutMs));
    case 'silent':
      return t('problemSilent', seconds(DEFAULT_TIMING.silenceMs));
  }
};

/** One sentence on the connection, for the badge tooltip and the pages. */
export const describeConnection = (status: ConnectionStatus, t: WorkerTranslate, now: number): string => {
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
