import type { MessageKey } from '../utils/i18n';
import type { ListNoticeKind } from '../utils/ui/list-notice-kind';
import type { MonitorActions } from '../utils/ui/monitor-actions';
import type { IconName } from './Icon';
import { useI18n } from './i18n-context';
import { StateNotice, type StateNoticeProps } from './StateNotice';

export interface ListStateNoticeProps extends MonitorActions {
  kind: ListNoticeKind;
  /** The server address, for the off and unreachable states (noticeUrl). */
  url: string;
  search: string;
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
  onTurnOn,
  onOpenSettings,
  onReconnect,
  onRetry,
}: ListStateNoticeProps) => {
  const { t } = useI18n();
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
