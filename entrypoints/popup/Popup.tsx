import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ConnectionLine, connectionLineFromView } from '../../components/ConnectionLine';
import { ExpiredResults } from '../../components/ExpiredResults';
import { ExpiryAnnouncer } from '../../components/ExpiryAnnouncer';
import { I18nProvider } from '../../components/i18n-context';
import { MuteControl } from '../../components/MuteControl';
import { RoundChart } from '../../components/RoundChart';
import { RoundProgress } from '../../components/RoundProgress';
import { SearchBox } from '../../components/SearchBox';
import { ServerFilterSelect } from '../../components/ServerFilterSelect';
import { ServerGlance } from '../../components/ServerGlance';
import { SettingsButton } from '../../components/SettingsButton';
import { Toast } from '../../components/Toast';
import { TotalsPanel } from '../../components/TotalsPanel';
import { fetchExpiredPage } from '../../hooks/use-expired-search';
import { useMonitorPage } from '../../hooks/use-monitor-page';
import { openDashboard } from '../../platform/open-dashboard';
import { formatNumber } from '../../utils/format';
import type { MonitorView } from '../../utils/monitor/monitor-view';
import { collectPhones } from './collect-phones';

export interface PopupProps {
  /** The worker's live summary; null until it has published one. */
  view: MonitorView | null;
}

const CHART_ROUNDS = 20;
/** Server rows shown before their list scrolls: the expired list keeps room for about four rows. */
const SERVER_ROWS = 3;

// Once it has opened a tab the popup closes: it would otherwise stay on top of it.
const closePopup = () => window.close();

/** The popup: lays out the live view, the expired list and the ways to the other pages. */
export const Popup = ({ view }: PopupProps) => {
  const page = useMonitorPage({ view, titleKey: 'extName', toastMs: 2500, afterOpenSettings: closePopup });
  const { locale, t, list, actions } = page;
  const [copyingAll, setCopyingAll] = useState(false);

  const copyAll = async () => {
    setCopyingAll(true);
    try {
      const phones = await collectPhones(fetchExpiredPage, page.listQuery);
      await page.copy(phones.join('\n'), t('copiedAll', { count: formatNumber(phones.length, locale) }));
    } catch {
      page.flash(t('copyFailed'));
    } finally {
      setCopyingAll(false);
    }
  };
  const showDashboard = () => void openDashboard().then(closePopup);

  if (!page.ready) return <div class="popup" />;

  const { query, notice, count } = list;
  const expiredCount = view?.expiredCount ?? 0;
  // Several servers: each one's state and round in a row of its own, where one server has its round. The
  // chart goes: one server's rounds are a series, several servers' merged are not.
  const several = page.servers.length > 0;
  const narrowed = Boolean(query) || page.serverFilter !== null;

  return (
    <I18nProvider locale={locale}>
      <div class="popup">
        <header class="popup__connection">
          {/* No room for a visible title; screen readers still find the page's top by its heading. */}
          <h1 class="visually-hidden">{t('extName')}</h1>
          <ConnectionLine {...connectionLineFromView(view, notice)} now={page.now} {...actions} />
        </header>

        <main class="popup__main">
          {several ? (
            <div class="popup__card popup__servers">
              <ServerGlance servers={page.servers} now={page.now} visibleRows={SERVER_ROWS} />
            </div>
          ) : (
            <div class="popup__card">
              <RoundProgress round={view?.round ?? null} />
            </div>
          )}
          <TotalsPanel totals={view?.totals ?? null} now={page.now} />
          {!several && <RoundChart history={view?.history ?? []} limit={CHART_ROUNDS} width={340} height={32} />}

          <section class="popup__list" aria-labelledby="popup-list-title">
            <div class="popup__list-head">
              <h2 class="popup__list-title" id="popup-list-title">
                {t('listTitle')}
                <span class={`popup__count${expiredCount > 0 ? ' popup__count--alert' : ''}`}>
                  {narrowed && list.rows.matched !== null
                    ? t('matchCount', {
                        matched: formatNumber(list.rows.matched, locale),
                        total: formatNumber(expiredCount, locale),
                      })
                    : formatNumber(expiredCount, locale)}
                </span>
              </h2>
              <SearchBox value={list.search} onChange={list.setSearch} focusShortcut />
              {page.settings.maskPhones && (
                <Button
                  variant="ghost"
                  size="small"
                  icon={page.revealed ? 'eye-off' : 'eye'}
                  iconOnly
                  label={page.revealed ? t('hidePhones') : t('revealPhones')}
                  aria-pressed={page.revealed}
                  onClick={() => page.setRevealed(!page.revealed)}
                />
              )}
              <Button
                variant="ghost"
                size="small"
                icon="copy"
                iconOnly
                label={copyingAll ? t('copyingAll') : t('copyAllLabel', { count: formatNumber(count, locale) })}
                disabled={copyingAll || notice !== null || count === 0}
                onClick={copyAll}
              />
            </div>
            {several && (
              <div class="popup__list-filter">
                <ServerFilterSelect servers={page.servers} value={page.serverFilter} onChange={page.setServerFilter} />
              </div>
            )}
            <ExpiredResults {...page.expiredResults} estimatedHeight={180} />
          </section>
        </main>

        <footer class="popup__footer">
          {page.stored && <MuteControl mutedUntil={page.stored.mutedUntil} now={page.now} onChange={page.saveMute} />}
          <div class="popup__links">
            <Button
              variant="ghost"
              size="small"
              icon="dashboard"
              onClick={showDashboard}
              title={t('openDashboardLabel')}
            >
              {t('openDashboard')}
            </Button>
            <SettingsButton onClick={actions.onOpenSettings} />
          </div>
        </footer>
        <Toast message={page.toast} />
        <ExpiryAnnouncer expiredCount={view?.expiredCount ?? null} />
      </div>
    </I18nProvider>
  );
};
