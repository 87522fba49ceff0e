import { useState } from 'preact/hooks';
import { saveSettings } from '../platform/settings-store';
import type { ExpiredQuery, ExpiredSort } from '../utils/expired/expired-query';
import type { MessageKey } from '../utils/i18n';
import type { MonitorView, ServerView } from '../utils/monitor/monitor-view';
import type { MonitorActions } from '../utils/ui/monitor-actions';
import { noticeUrl } from '../utils/ui/notice-url';
import { serverChoice } from '../utils/ui/server-choice';
import { serverLabels } from '../utils/ui/server-labels';
import { severalServers } from '../utils/ui/several-servers';
import { type Clipboard, useClipboard } from './use-clipboard';
import { type ExpiredFilter, filterFields } from './use-expired-rows';
import { type ExpiredSearch, useExpiredSearch } from './use-expired-search';
import { useFlashMessage } from './use-flash-message';
import { useMonitorActions } from './use-monitor-actions';
import { useNow } from './use-now';
import { type PageSettings, usePageSettings } from './use-page-settings';

/** Countdowns and "2 minutes ago" move on once a second. */
const CLOCK_TICK_MS = 1000;

export interface MonitorPageOptions {
  /** The worker's live summary (useLiveView); null until it has published one. */
  view: MonitorView | null;
  /** The tab's title. */
  titleKey: MessageKey;
  /** How long a confirmation ("copied") stays in the page's toast. */
  toastMs: number;
  /**
   * Runs once the settings tab is open (the popup closes itself). A module-level function: the actions
   * are rebuilt when it changes.
   */
  afterOpenSettings?: () => void;
  /**
   * Narrows the expired list (the dashboard's ignore filter, or one alert's users and the server they came
   * from). A server picked in the page's own drop-down goes before the filter's.
   */
  filter?: ExpiredFilter;
}

/** What a page hands its ExpiredResults: the list and how it is shown, and the notices' ways out. */
export interface ExpiredResultsWiring extends MonitorActions {
  list: ExpiredSearch;
  /** The server address the list's notices name. */
  url: string;
  /** Phones masked: as the settings say, unless the page's eye button has revealed them. */
  masked: boolean;
  onCopyPhone: (phone: string) => void;
  /** Server id to name, when the list mixes several servers: each row then says whose user it is. */
  serverLabels?: ReadonlyMap<string, string>;
}

export interface MonitorPage extends PageSettings, Pick<Clipboard, 'copy'> {
  /** Epoch ms, refreshed every second: what countdowns and relative times are drawn with. */
  now: number;
  /** The toast's message; null hides it. */
  toast: string | null;
  flash: (message: string) => void;
  sort: ExpiredSort;
  setSort: (sort: ExpiredSort) => void;
  /** Every server, each at a glance, when more than one is watched; empty with one (the page stays as it was). */
  servers: readonly ServerView[];
  /** The server the list is narrowed to by the page's drop-down; null for every server. */
  serverFilter: string | null;
  setServerFilter: (server: string | null) => void;
  list: ExpiredSearch;
  /** What the list shows, without the paging: the search, order and filters, as the worker is asked. */
  listQuery: Omit<ExpiredQuery, 'offset' | 'limit'>;
  /** The ways out the connection line and the list's notices offer. */
  actions: MonitorActions;
  /** Spread onto the page's ExpiredResults. */
  expiredResults: ExpiredResultsWiring;
  /** Phones shown in full for now, although the settings mask them (the page's eye button). */
  revealed: boolean;
  setRevealed: (revealed: boolean) => void;
  /** Stores a new settings.mutedUntil (MuteControl's onChange). */
  saveMute: (mutedUntil: number | null) => void;
}

const saveMute = (mutedUntil: number | null) => void saveSettings({ mutedUntil });

/**
 * The state a page around the worker's live view needs (popup, dashboard): its settings and language, a
 * clock, a toast, the searchable expired list, copying, the connection's ways out, masking and muting.
 * Each page adds only what is its own (copy all, CSV export) and lays the pieces out.
 */
export const useMonitorPage = ({
  view,
  titleKey,
  toastMs,
  afterOpenSettings,
  filter,
}: MonitorPageOptions): MonitorPage => {
  const page = usePageSettings(titleKey);
  const now = useNow(CLOCK_TICK_MS);
  const [toast, flash] = useFlashMessage(toastMs);
  const [sort, setSort] = useState<ExpiredSort>('newest');
  const [chosenServer, setServerFilter] = useState<string | null>(null);
  const servers = severalServers(view);
  const serverFilter = serverChoice(servers, chosenServer);
  // With one server there is nothing to narrow: its queries stay as they were before servers had ids.
  const server = serverFilter ?? serverChoice(servers, filter?.server) ?? undefined;
  const narrowed: ExpiredFilter = { ...filter, server };
  const list = useExpiredSearch({ view, sort, filter: narrowed, ignored: page.settings.ignoredUsers });
  const { copy, copyPhone } = useClipboard(flash, page.t);
  const actions = useMonitorActions(flash, page.t, afterOpenSettings);
  const [revealed, setRevealed] = useState(false);
  return {
    ...page,
    copy,
    now,
    toast,
    flash,
    sort,
    setSort,
    servers,
    serverFilter,
    setServerFilter,
    list,
    listQuery: { search: list.query, sort, ...filterFields(narrowed) },
    actions,
    expiredResults: {
      list,
      url: noticeUrl(view, page.settings.servers[0]?.url ?? ''),
      masked: page.settings.maskPhones && !revealed,
      onCopyPhone: copyPhone,
      serverLabels: servers.length > 0 ? serverLabels(servers) : undefined,
      ...actions,
    },
    revealed,
    setRevealed,
    saveMute,
  };
};
