import { useCallback, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Button } from '../../components/Button';
import { ConnectionLine } from '../../components/ConnectionLine';
import { ExpiredList } from '../../components/ExpiredList';
import { ExportPanel } from '../../components/ExportPanel';
import { ListStateNotice, listNoticeKind } from '../../components/ListStateNotice';
import { MuteControl } from '../../components/MuteControl';
import { RoundChart } from '../../components/RoundChart';
import { RoundProgress } from '../../components/RoundProgress';
import { SearchBox } from '../../components/SearchBox';
import { SortSelect } from '../../components/SortSelect';
import { Toast } from '../../components/Toast';
import { TotalsPanel } from '../../components/TotalsPanel';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useDocumentLocale } from '../../hooks/use-document-locale';
import { useElapsed } from '../../hooks/use-elapsed';
import { type FetchExpiredPage, useExpiredRows } from '../../hooks/use-expired-rows';
import { useFlashMessage } from '../../hooks/use-flash-message';
import { useNow } from '../../hooks/use-now';
import { useSettings } from '../../hooks/use-settings';
import { useTranslator } from '../../hooks/use-translator';
import type { ExpiredSort } from '../../utils/expired/expired-query';
import { datedFileName, formatNumber } from '../../utils/format';
import { sendMessage } from '../../utils/messaging';
import type { MonitorView } from '../../utils/monitor/monitor-view';
import { defaultSettings } from '../../utils/settings';
import { saveSettings } from '../../utils/settings/settings-store';
import { downloadText } from './download-text';

export interface DashboardProps {
  /** The worker's live summary; null until it has published one. */
  view: MonitorView | null;
}

const SEARCH_DEBOUNCE_MS = 150;
const HOUR_MS = 60 * 60 * 1000;
/**
 * Until settings arrive the language is unknown: a blank frame for a few milliseconds beats a flash of the
 * wrong language. But storage can be slow while the worker writes a large list (seconds, measured with
 * 100,000 users), so after this long the page shows itself in the browser's language and safe defaults
 * (phones masked) and corrects itself when the settings come.
 */
const SETTINGS_PATIENCE_MS = 300;
const CHART_ROUNDS = 50;

const fetchPage: FetchExpiredPage = (query) => sendMessage('queryExpired', query);

/** The dashboard: the whole expired list with sort, search and export, and the round history. */
export const Dashboard = ({ view }: DashboardProps) => {
  const stored = useSettings();
  const waited = useElapsed(SETTINGS_PATIENCE_MS);
  const settings = stored ?? defaultSettings;
  const { locale, t } = useTranslator(stored?.language);
  useDocumentLocale(locale, t('dashboardPageTitle'));
  const now = useNow(1000);
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [sort, setSort] = useState<ExpiredSort>('newest');
  const [revealed, setRevealed] = useState(false);
  const [includeTokens, setIncludeTokens] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [toast, flash] = useFlashMessage(3000);
  const rows = useExpiredRows({
    version: view?.expiredVersion ?? 0,
    search: query,
    sort,
    fetchPage,
    enabled: view !== null,
  });

  const copyPhone = useCallback(
    (phone: string) =>
      navigator.clipboard.writeText(phone).then(
        () => flash(t('copiedOne')),
        () => flash(t('copyFailed')),
      ),
    [flash, t],
  );
  const exportCsv = async () => {
    setExporting(true);
    try {
      const csv = await sendMessage('exportCsv', { includeTokens });
      const fileName = datedFileName('expired-tokens', 'csv', new Date());
      downloadText(csv, fileName, 'text/csv;charset=utf-8');
      flash(t('exportDone', { file: fileName }));
    } catch {
      flash(t('exportFailed'));
    } finally {
      setExporting(false);
    }
  };
  const reconnect = () => void sendMessage('reconnectNow').catch(() => flash(t('stateErrorBody')));
  const turnOn = () => void saveSettings({ monitoring: true });
  const openSettings = () => void browser.runtime.openOptionsPage();

  if (!stored && !waited) return <div class="dash" />;

  const connection = view?.connection ?? null;
  const url = connection && connection.phase !== 'off' ? connection.url : settings.serverUrl;
  const notice = listNoticeKind({ view, matched: rows.matched, failed: rows.failed, search: query });
  const total = formatNumber(view?.expiredCount ?? 0, locale);

  return (
    <div class="dash">
      <header class="dash__header">
        <div class="dash__brand">
          <h1 class="dash__title">{t('dashboardTitle')}</h1>
          <span class="dash__product">{t('extName')}</span>
        </div>
        <div class="dash__connection">
          <ConnectionLine
            connection={connection}
            latencyMs={view ? (view.latency.roundTripMs ?? view.latency.serverMs) : null}
            now={now}
            locale={locale}
            t={t}
            onReconnect={reconnect}
            onTurnOn={turnOn}
            onOpenSettings={openSettings}
            explained={notice === 'unreachable' || notice === 'off'}
          />
        </div>
        <div class="dash__actions">
          {stored && (
            <MuteControl
              mutedUntil={stored.mutedUntil}
              now={now}
              locale={locale}
              t={t}
              onMute={() => void saveSettings({ mutedUntil: Date.now() + HOUR_MS })}
              onUnmute={() => void saveSettings({ mutedUntil: null })}
            />
          )}
          <Button variant="ghost" size="small" icon="settings" onClick={openSettings} title={t('openSettingsLabel')}>
            {t('openSettings')}
          </Button>
        </div>
      </header>

      <main class="dash__main">
        <div class="dash__summary">
          <section class="dash__card">
            <RoundProgress round={view?.round ?? null} locale={locale} t={t} />
          </section>
          <section class="dash__card dash__card--plain">
            <TotalsPanel
              totals={view?.totals ?? { totalUsers: null, totalExpired: 0, lastCheck: null }}
              now={now}
              locale={locale}
              t={t}
            />
          </section>
        </div>

        <section class="dash__card" aria-labelledby="dash-history-title">
          <h2 class="visually-hidden" id="dash-history-title">
            {t('dashboardHistoryTitle')}
          </h2>
          <RoundChart
            history={view?.history ?? []}
            limit={CHART_ROUNDS}
            width={1000}
            height={110}
            locale={locale}
            t={t}
          />
        </section>

        <section class="dash__card dash__list" aria-labelledby="dash-list-title">
          <div class="dash__toolbar">
            <div class="dash__list-heading">
              <h2 class="dash__list-title" id="dash-list-title">
                {t('dashboardListTitle')}
              </h2>
              <span class="dash__match" aria-live="polite">
                {query && rows.matched !== null
                  ? t('dashboardMatchCount', { matched: formatNumber(rows.matched, locale), total })
                  : t('dashboardTotalCount', { total })}
              </span>
            </div>
            <div class="dash__filters">
              <SearchBox
                value={search}
                onChange={setSearch}
                label={t('searchLabel')}
                placeholder={t('searchPlaceholder')}
                clearLabel={t('clearSearch')}
              />
              <SortSelect value={sort} onChange={setSort} t={t} />
              {settings.maskPhones && (
                <Button
                  variant="secondary"
                  icon={revealed ? 'eye-off' : 'eye'}
                  aria-pressed={revealed}
                  onClick={() => setRevealed(!revealed)}
                >
                  {revealed ? t('hidePhones') : t('revealPhones')}
                </Button>
              )}
            </div>
            <ExportPanel
              includeTokens={includeTokens}
              onIncludeTokensChange={setIncludeTokens}
              onExport={exportCsv}
              busy={exporting}
              t={t}
            />
          </div>
          {notice ? (
            <ListStateNotice
              kind={notice}
              url={url}
              search={query}
              t={t}
              onTurnOn={turnOn}
              onOpenSettings={openSettings}
              onReconnect={reconnect}
              onRetry={rows.retry}
            />
          ) : (
            <ExpiredList
              key={`${sort}\u0000${query}`}
              count={rows.matched ?? view?.expiredCount ?? 0}
              rowAt={rows.rowAt}
              onRangeChange={rows.showRange}
              masked={settings.maskPhones && !revealed}
              onCopyPhone={copyPhone}
              rowHeight={36}
              estimatedHeight={560}
              locale={locale}
              t={t}
            />
          )}
        </section>
      </main>
      <Toast message={toast} />
    </div>
  );
};
