import { useState } from 'preact/hooks';
import { AlertFilterNotice } from '../../components/AlertFilterNotice';
import { AlertHistory } from '../../components/AlertHistory';
import { Button } from '../../components/Button';
import { ConnectionLine, connectionLineFromView } from '../../components/ConnectionLine';
import { DashboardViews } from '../../components/DashboardViews';
import { ExpiredResults } from '../../components/ExpiredResults';
import { ExpiryAnnouncer } from '../../components/ExpiryAnnouncer';
import { ExportPanel } from '../../components/ExportPanel';
import { IgnoredFilterSelect } from '../../components/IgnoredFilterSelect';
import { I18nProvider } from '../../components/i18n-context';
import { MuteControl } from '../../components/MuteControl';
import { RoundChart } from '../../components/RoundChart';
import { RoundProgress } from '../../components/RoundProgress';
import { SearchBox } from '../../components/SearchBox';
import { ServerFilterSelect } from '../../components/ServerFilterSelect';
import { ServerGlance } from '../../components/ServerGlance';
import { ServerSelect } from '../../components/ServerSelect';
import { SettingsButton } from '../../components/SettingsButton';
import { SortSelect } from '../../components/SortSelect';
import { Toast } from '../../components/Toast';
import { TotalsPanel } from '../../components/TotalsPanel';
import { ignoreToggle } from '../../hooks/ignore-toggle';
import { useAlertHistory } from '../../hooks/use-alert-history';
import { useDashboardRoute } from '../../hooks/use-dashboard-route';
import { useMonitorPage } from '../../hooks/use-monitor-page';
import { sendMessage } from '../../platform/messaging';
import { historyCsv, searchHistory } from '../../utils/alerts';
import type { IgnoredFilter } from '../../utils/expired/expired-query';
import { datedFileName, formatNumber } from '../../utils/format';
import type { MonitorView } from '../../utils/monitor/monitor-view';
import { serverChoice } from '../../utils/ui/server-choice';
import { soleServer } from '../../utils/ui/sole-server';
import { downloadText } from './download-text';

export interface DashboardProps {
  /** The worker's live summary; null until it has published one. */
  view: MonitorView | null;
}

const CHART_ROUNDS = 50;

/** The dashboard: the whole expired list with sort, search and export, and the round history. */
export const Dashboard = ({ view }: DashboardProps) => {
  const [route, go] = useDashboardRoute();
  const history = useAlertHistory();
  const [show, setShow] = useState<IgnoredFilter>('all');
  const [historySearch, setHistorySearch] = useState('');
  // A clicked notification narrows the list to the users its alert named (nobody until the history is read).
  const alertId = route.view === 'list' ? route.alertId : null;
  const alert = alertId ? (history?.find((entry) => entry.id === alertId) ?? null) : null;
  const userIds = alertId ? (alert?.users.map((user) => user.user_id) ?? []) : undefined;
  // An alert from one server names that server's users: the same user_id elsewhere is someone else.
  const alertServer = (alert && soleServer(alert.users)) ?? undefined;
  const page = useMonitorPage({
    view,
    titleKey: 'dashboardPageTitle',
    toastMs: 3000,
    filter: { show, userIds, server: alertServer },
  });
  const { locale, t, list, actions } = page;
  const toggleIgnore = ignoreToggle(page.settings.ignoredUsers, page.flash, t);
  const masked = page.settings.maskPhones && !page.revealed;
  const narrowed = Boolean(list.query || show !== 'all' || alertId || page.serverFilter !== null);
  const several = page.servers.length > 0;
  // Each server's rounds are a series of their own: with several, the chart draws one server's, the first
  // until another is picked.
  const [chartChoice, setChartChoice] = useState<string | null>(null);
  const chartId = serverChoice(page.servers, chartChoice);
  const chartServer = page.servers.find((server) => server.id === chartId) ?? page.servers[0];

  const exportHistory = () => {
    const fileName = datedFileName('alert-history', 'csv', new Date());
    downloadText(historyCsv(history ?? [], { maskPhones: masked }), fileName, 'text/csv;charset=utf-8');
    page.flash(t('historyExportDone', { file: fileName }));
  };
  const [includeTokens, setIncludeTokens] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const csv = await sendMessage('exportCsv', { includeTokens });
      const fileName = datedFileName('expired-tokens', 'csv', new Date());
      downloadText(csv, fileName, 'text/csv;charset=utf-8');
      page.flash(t('exportDone', { file: fileName }));
    } catch {
      page.flash(t('exportFailed'));
    } finally {
      setExporting(false);
    }
  };

  if (!page.ready) return <div class="dash" />;

  const total = formatNumber(view?.expiredCount ?? 0, locale);

  return (
    <I18nProvider locale={locale}>
      <div class="dash">
        <header class="dash__header">
          <div class="dash__brand">
            <h1 class="dash__title">{t('dashboardTitle')}</h1>
            <span class="dash__product">{t('extName')}</span>
          </div>
          <div class="dash__connection">
            <ConnectionLine {...connectionLineFromView(view, list.notice)} now={page.now} {...actions} />
          </div>
          <div class="dash__actions">
            {page.stored && <MuteControl mutedUntil={page.stored.mutedUntil} now={page.now} onChange={page.saveMute} />}
            <SettingsButton onClick={actions.onOpenSettings} />
          </div>
        </header>

        <main class="dash__main">
          {several ? (
            <div class="dash__summary dash__summary--servers">
              <section class="dash__card dash__card--plain">
                <TotalsPanel totals={view?.totals ?? null} now={page.now} />
              </section>
              <section class="dash__card dash__servers" aria-labelledby="dash-servers-title">
                <h2 class="dash__card-title" id="dash-servers-title">
                  {t('serversTitle')}
                </h2>
                <ServerGlance servers={page.servers} now={page.now} />
              </section>
            </div>
          ) : (
            <div class="dash__summary">
              <section class="dash__card">
                <RoundProgress round={view?.round ?? null} />
              </section>
              <section class="dash__card dash__card--plain">
                <TotalsPanel totals={view?.totals ?? null} now={page.now} />
              </section>
            </div>
          )}

          <section class="dash__card" aria-labelledby="dash-history-title">
            <h2 class="visually-hidden" id="dash-history-title">
              {t('dashboardHistoryTitle')}
            </h2>
            {chartServer ? (
              <RoundChart
                history={chartServer.history}
                limit={CHART_ROUNDS}
                width={1000}
                height={110}
                serverLabel={chartServer.label}
                picker={
                  <ServerSelect
                    label="dashboardChartServer"
                    servers={page.servers}
                    value={chartServer.id}
                    onChange={setChartChoice}
                  />
                }
              />
            ) : (
              <RoundChart history={view?.history ?? []} limit={CHART_ROUNDS} width={1000} height={110} />
            )}
          </section>

          <DashboardViews
            current={route.view}
            onChange={(next) => go(next === 'history' ? { view: 'history' } : { view: 'list', alertId: null })}
          />

          {route.view === 'history' ? (
            <section class="dash__card" aria-labelledby="dash-alerts-title">
              <h2 class="dash__list-title" id="dash-alerts-title">
                {t('viewHistory')}
              </h2>
              <AlertHistory
                alerts={history && searchHistory(history, historySearch)}
                total={history?.length ?? 0}
                search={historySearch}
                onSearchChange={setHistorySearch}
                masked={masked}
                onShowUsers={(id) => go({ view: 'list', alertId: id })}
                onExport={exportHistory}
              />
            </section>
          ) : (
            <section class="dash__card dash__list" aria-labelledby="dash-list-title">
              <div class="dash__toolbar">
                <div class="dash__list-heading">
                  <h2 class="dash__list-title" id="dash-list-title">
                    {t('dashboardListTitle')}
                  </h2>
                  {/* Live only while narrowed: new expiries are told once, by the ExpiryAnnouncer. */}
                  <span class="dash__match" aria-live={narrowed ? 'polite' : 'off'}>
                    {narrowed && list.rows.matched !== null
                      ? t('dashboardMatchCount', { matched: formatNumber(list.rows.matched, locale), total })
                      : t('dashboardTotalCount', { total })}
                  </span>
                </div>
                <div class="dash__filters">
                  <SearchBox value={list.search} onChange={list.setSearch} focusShortcut />
                  <SortSelect value={page.sort} onChange={page.setSort} />
                  {several && (
                    <ServerFilterSelect
                      servers={page.servers}
                      value={page.serverFilter}
                      onChange={page.setServerFilter}
                    />
                  )}
                  <IgnoredFilterSelect value={show} onChange={setShow} />
                  {page.settings.maskPhones && (
                    <Button
                      variant="secondary"
                      icon={page.revealed ? 'eye-off' : 'eye'}
                      aria-pressed={page.revealed}
                      onClick={() => page.setRevealed(!page.revealed)}
                    >
                      {page.revealed ? t('hidePhones') : t('revealPhones')}
                    </Button>
                  )}
                </div>
                <ExportPanel
                  includeTokens={includeTokens}
                  onIncludeTokensChange={setIncludeTokens}
                  onExport={exportCsv}
                  busy={exporting}
                />
              </div>
              {alertId && <AlertFilterNotice alert={alert} onShowAll={() => go({ view: 'list', alertId: null })} />}
              <ExpiredResults
                {...page.expiredResults}
                onToggleIgnore={toggleIgnore}
                rowHeight={36}
                estimatedHeight={560}
              />
            </section>
          )}
        </main>
        <Toast message={page.toast} />
        <ExpiryAnnouncer expiredCount={view?.expiredCount ?? null} />
      </div>
    </I18nProvider>
  );
};
