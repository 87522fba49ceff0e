import { useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ConnectionLine, connectionLineFromView } from '../../components/ConnectionLine';
import { ExpiredResults } from '../../components/ExpiredResults';
import { noticeUrl } from '../../components/ListStateNotice';
import { MuteControl } from '../../components/MuteControl';
import { RoundChart } from '../../components/RoundChart';
import { RoundProgress } from '../../components/RoundProgress';
import { SearchBox } from '../../components/SearchBox';
import { Toast } from '../../components/Toast';
import { TotalsPanel } from '../../components/TotalsPanel';
import { useClipboard } from '../../hooks/use-clipboard';
import { fetchExpiredPage, useExpiredSearch } from '../../hooks/use-expired-search';
import { useFlashMessage } from '../../hooks/use-flash-message';
import { useMonitorActions } from '../../hooks/use-monitor-actions';
import { useNow } from '../../hooks/use-now';
import { usePageSettings } from '../../hooks/use-page-settings';
import { formatNumber } from '../../utils/format';
import type { MonitorView } from '../../utils/monitor/monitor-view';
import { openDashboard } from '../../utils/open-dashboard';
import { saveSettings } from '../../utils/settings/settings-store';
import { collectPhones } from './collect-phones';

export interface PopupProps {
  /** The worker's live summary; null until it has published one. */
  view: MonitorView | null;
}

const CHART_ROUNDS = 20;

// Once it has opened a tab the popup closes: it would otherwise stay on top of it.
const closePopup = () => window.close();

/** The popup: wires the live view, settings and the worker's answers to presentational components. */
export const Popup = ({ view }: PopupProps) => {
  const { stored, settings, ready, locale, t } = usePageSettings('extName');
  const now = useNow(1000);
  const [toast, flash] = useFlashMessage(2500);
  const list = useExpiredSearch({ view, sort: 'newest' });
  const { copy, copyPhone } = useClipboard(flash, t);
  const actions = useMonitorActions(flash, t, closePopup);
  const [revealed, setRevealed] = useState(false);
  const [copyingAll, setCopyingAll] = useState(false);

  const copyAll = async () => {
    setCopyingAll(true);
    try {
      const phones = await collectPhones(fetchExpiredPage, list.query, 'newest');
      await copy(phones.join('\n'), t('copiedAll', { count: formatNumber(phones.length, locale) }));
    } catch {
      flash(t('copyFailed'));
    } finally {
      setCopyingAll(false);
    }
  };
  const showDashboard = () => void openDashboard().then(closePopup);

  if (!ready) return <div class="popup" />;

  const { query, notice, count } = list;

  return (
    <div class="popup">
      <header class="popup__connection">
        <ConnectionLine {...connectionLineFromView(view, notice)} now={now} locale={locale} t={t} {...actions} />
      </header>

      <main class="popup__main">
        <div class="popup__card">
          <RoundProgress round={view?.round ?? null} locale={locale} t={t} />
        </div>
        <TotalsPanel totals={view?.totals ?? null} now={now} locale={locale} t={t} />
        <RoundChart history={view?.history ?? []} limit={CHART_ROUNDS} width={340} height={32} locale={locale} t={t} />

        <section class="popup__list" aria-labelledby="popup-list-title">
          <div class="popup__list-head">
            <h2 class="popup__list-title" id="popup-list-title">
              {t('listTitle')}
              <span class={`popup__count${(view?.expiredCount ?? 0) > 0 ? ' popup__count--alert' : ''}`}>
                {query && list.rows.matched !== null
                  ? t('matchCount', {
                      matched: formatNumber(list.rows.matched, locale),
                      total: formatNumber(view?.expiredCount ?? 0, locale),
                    })
                  : formatNumber(view?.expiredCount ?? 0, locale)}
              </span>
            </h2>
            <SearchBox value={list.search} onChange={list.setSearch} t={t} />
            {settings.maskPhones && (
              <Button
                variant="ghost"
                size="small"
                icon={revealed ? 'eye-off' : 'eye'}
                iconOnly
                label={revealed ? t('hidePhones') : t('revealPhones')}
                aria-pressed={revealed}
                onClick={() => setRevealed(!revealed)}
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
          <ExpiredResults
            list={list}
            url={noticeUrl(view, settings.serverUrl)}
            masked={settings.maskPhones && !revealed}
            onCopyPhone={copyPhone}
            estimatedHeight={180}
            locale={locale}
            t={t}
            {...actions}
          />
        </section>
      </main>

      <footer class="popup__footer">
        {stored && (
          <MuteControl
            mutedUntil={stored.mutedUntil}
            now={now}
            locale={locale}
            t={t}
            onChange={(mutedUntil) => void saveSettings({ mutedUntil })}
          />
        )}
        <div class="popup__links">
          <Button variant="ghost" size="small" icon="dashboard" onClick={showDashboard} title={t('openDashboardLabel')}>
            {t('openDashboard')}
          </Button>
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
      </footer>
      <Toast message={toast} />
    </div>
  );
};
