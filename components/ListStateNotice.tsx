import type { MessageKey, Translate } from '../utils/i18n';
import type { MonitorView } from '../utils/monitor/monitor-view';
import type { IconName } from './Icon';
import type { MonitorActions } from './monitor-actions';
import { StateNotice, type StateNoticeProps } from './StateNotice';

export type ListNoticeKind = 'starting' | 'off' | 'unreachable' | 'connecting' | 'empty' | 'no-match' | 'error';

export interface ListNoticeInput {
  view: MonitorView | null;
  /** Users matching the search, null before the worker has answered. */
  matched: number | null;
  failed: boolean;
  search: string;
}

/** What stands in the list's place, if anything: the list itself is shown whenever it has rows to show. */
export const listNoticeKind = ({ view, matched, failed, search }: ListNoticeInput): ListNoticeKind | null => {
  if (!view) return 'starting';
  if (view.expiredCount === 0) {
    if (view.connection.phase === 'off') return 'off';
    if (view.hasSnapshot) return 'empty';
    const refused = view.connection.phase === 'waiting' && view.connection.problem.kind === 'refused';
    return refused ? 'unreachable' : 'connecting';
  }
  if (failed && matched === null) return 'error';
  if (matched === 0) return search ? 'no-match' : 'empty';
  return null;
};

/** The server address the notices name: the one in use, or the saved one while monitoring is off. */
export const noticeUrl = (view: MonitorView | null, savedUrl: string): string => {
  const connection = view?.connection;
  return connection && connection.phase !== 'off' ? connection.url : savedUrl;
};

export interface ListStateNoticeProps extends MonitorActions {
  kind: ListNoticeKind;
  /** The server address, for the off and unreachable states (noticeUrl). */
  url: string;
  search: string;
  t: Translate;
  onRetry: () => void;
}

interface NoticeSpec {
  tone: StateNoticeProps['tone'];
  icon: IconName;
  title: MessageKey;
  body: MessageKey;
  busy?: boolean;
}

const NOTICES: Record<ListNoticeKind, NoticeSpec> = {
  starting: { tone: 'neutral', icon: 'clock', title: 'stateStartingTitle', body: 'stateStartingBody', busy: true },
  off: { tone: 'warning', icon: 'power', title: 'stateOffTitle', body: 'stateOffBody' },
  unreachable: { tone: 'error', icon: 'alert', title: 'stateUnreachableTitle', body: 'stateUnreachableBody' },
  connecting: {
    tone: 'neutral',
    icon: 'refresh',
    title: 'stateConnectingTitle',
    body: 'stateConnectingBody',
    busy: true,
  },
  empty: { tone: 'success', icon: 'check', title: 'stateEmptyTitle', body: 'stateEmptyBody' },
  'no-match': { tone: 'neutral', icon: 'search', title: 'stateNoMatchTitle', body: 'stateNoMatchBody' },
  error: { tone: 'error', icon: 'alert', title: 'stateErrorTitle', body: 'stateErrorBody' },
};

/** The empty and error states of the expired list, each with the way out that fits it. */
export const ListStateNotice = ({
  kind,
  url,
  search,
  t,
  onTurnOn,
  onOpenSettings,
  onReconnect,
  onRetry,
}: ListStateNoticeProps) => {
  const spec = NOTICES[kind];
  const actions: Record<ListNoticeKind, StateNoticeProps['actions']> = {
    starting: [],
    off: [{ label: t('turnOnMonitoring'), onClick: onTurnOn, primary: true }],
    unreachable: [
      { label: t('checkSettings'), onClick: onOpenSettings, primary: true },
      { label: t('reconnectNowLabel'), onClick: onReconnect },
    ],
    connecting: [],
    empty: [],
    'no-match': [],
    error: [{ label: t('retry'), onClick: onRetry, primary: true }],
  };
  return (
    <StateNotice
      tone={spec.tone}
      icon={spec.icon}
      busy={spec.busy}
      title={t(spec.title, { url, search })}
      body={t(spec.body, { url })}
      actions={actions[kind]}
    />
  );
};
