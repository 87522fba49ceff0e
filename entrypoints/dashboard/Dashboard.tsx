import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ConnectionLine, connectionLineFromView } from '../../components/ConnectionLine';
import { ExpiredResults } from '../../components/ExpiredResults';
import { ExportPanel } from '../../components/ExportPanel';
import { noticeUrl } from '../../components/ListStateNotice';
import { MuteControl } from '../../components/MuteControl';
import { RoundChart } from '../../components/RoundChart';
import { RoundProgress } from '../../components/RoundProgress';
import { SearchBox } from '../../components/SearchBox';
import { SortSelect } from '../../components/SortSelect';
import { Toast } from '../../components/Toast';
import { TotalsPanel } from '../../components/TotalsPanel';
import { useClipboard } from '../../hooks/use-clipboard';
import { useExpiredSearch } from '../../hooks/use-expired-search';
import { useFlashMessage } from '../../hooks/use-flash-message';
import { useMonitorActions } from '../../hooks/use-monitor-actions';
import { useNow } from '../../hooks/use-now';
import { usePageSettings } from '../../hooks/use-page-settings';
import type { ExpiredSort } from '../../utils/expired/expired-query';
import { datedFileName, formatNumber } from '../../utils/format';
import { sendMessage } from '../../utils/messaging';
import type { MonitorView } from '../../utils/monitor/monitor-view';
import { saveSettings } from '../../utils/settings/settings-store';
import { downloadText } from './download-text';

export interface DashboardProps {
  /** The worker's live summary; null until it has published one. */
  view: MonitorView | null;
}

const CHART_ROUNDS = 50;

/** The dashboard: the whole expired list with sort, search and export, and the round history. */
export const Dashboard = ({ view }: DashboardProps) => {
  const { stored, settings, ready, locale, t } = usePageSettings('dashboardPageTitle');
  const now = useNow(1000);
  const [toast, flash] = useFlashMessage(3000);
  const [sort, setSort] = useState<ExpiredSort>('newest');
  const list = useExpiredSearch({ view, sort });
  const { copyPhone } = useClipboard(flash, t);
  const actions = useMonitorActions(flash, t);
  const [revealed, setRevealed] = useState(false);
  const [includeTokens, setIncludeTokens] = useState(false);
  const [exporting, setExporting] = useState(false);

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

  if (!ready) return <div class="dash" />;

  const total = formatNumber(view?.expiredCount ?? 0, locale);

  return (
    <div class="dash">
      <header class="dash__header">
        <div class="dash__brand">
          <h1 class="dash__title">{t('dashboardTitle')}</h1>
          <span class="dash__product">{t('extName')}</span>
        </div>
        <div class="dash__connection">
          <ConnectionLine {...connectionLineFromView(view, list.notice)} now={now} locale={locale} t={t} {...actions} />
        </div>
        <div class="dash__actions">
          {stored && (
            <MuteControl
              mutedUntil={stored.mutedUntil}
              now={now}
              locale={locale}
              t={t}
              onChange={(mutedUntil) => void saveSettings({ mutedUntil })}
            />
          )}
          <Button
            variant="ghost"
            size="small"
            icon="settings"
            onClick={actions.onOpenSettings}
            title={t('openSettingsLabel')}
          >
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
            <TotalsPanel totals={view?.totals ?? null} now={now} locale={locale} t={t} />
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
                {list.query && list.rows.matched !== null
                  ? t('dashboardMatchCount', { matched: formatNumber(list.rows.matched, locale), total })
                  : t('dashboardTotalCount', { total })}
              </span>
            </div>
            <div class="dash__filters">
              <SearchBox value={list.search} onChange={list.setSearch} t={t} />
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
          <ExpiredResults
            list={list}
            url={noticeUrl(view, settings.serverUrl)}
            masked={settings.maskPhones && !revealed}
            onCopyPhone={copyPhone}
            rowHeight={36}
            estimatedHeight={560}
            locale={locale}
            t={t}
            {...actions}
          />
        </section>
      </main>
      <Toast message={toast} />
    </div>
  );
};
