import { useCallback, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Button } from '../../components/Button';
import { ConnectionLine } from '../../components/ConnectionLine';
import { ExpiredList } from '../../components/ExpiredList';
import { ListStateNotice, listNoticeKind } from '../../components/ListStateNotice';
import { MuteControl } from '../../components/MuteControl';
import { RoundChart } from '../../components/RoundChart';
import { RoundProgress } from '../../components/RoundProgress';
import { SearchBox } from '../../components/SearchBox';
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
import { formatNumber } from '../../utils/format';
import { sendMessage } from '../../utils/messaging';
import type { MonitorView } from '../../utils/monitor/monitor-view';
import { openDashboard } from '../../utils/open-dashboard';
import { defaultSettings } from '../../utils/settings';
import { saveSettings } from '../../utils/settings/settings-store';
import { collectPhones } from './collect-phones';

export interface PopupProps {
  /** The worker's live summary; null until it has published one. */
  view: MonitorView | null;
}

/** Fast enough to feel live, slow enough that typing "13800" asks the worker once. */
const SEARCH_DEBOUNCE_MS = 150;
const HOUR_MS = 60 * 60 * 1000;
/**
 * Until settings arrive the language is unknown: a blank frame for a few milliseconds beats a flash of the
 * wrong language. But storage can be slow while the worker writes a large list (seconds, measured with
 * 100,000 users), so after this long the page shows itself in the browser's language and safe defaults
 * (phones masked) and corrects itself when the settings come.
 */
const SETTINGS_PATIENCE_MS = 300;
const CHART_ROUNDS = 20;

const fetchPage: FetchExpiredPage = (query) => sendMessage('queryExpired', query);

/** The popup: wires the live view, settings and the worker's answers to presentational components. */
export const Popup = ({ view }: PopupProps) => {
  const stored = useSettings();
  const waited = useElapsed(SETTINGS_PATIENCE_MS);
  const settings = stored ?? defaultSettings;
  const { locale, t } = useTranslator(stored?.language);
  useDocumentLocale(locale, t('extName'));
  const now = useNow(1000);
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [revealed, setRevealed] = useState(false);
  const [copyingAll, setCopyingAll] = useState(false);
  const [toast, flash] = useFlashMessage(2500);
  const rows = useExpiredRows({
    version: view?.expiredVersion ?? 0,
    search: query,
    sort: 'newest',
    fetchPage,
    enabled: view !== null,
  });

  const copy = useCallback(
    (text: string, done: string) =>
      navigator.clipboard.writeText(text).then(
        () => flash(done),
        () => flash(t('copyFailed')),
      ),
    [flash, t],
  );
  const copyPhone = useCallback((phone: string) => copy(phone, t('copiedOne')), [copy, t]);
  const copyAll = async () => {
    setCopyingAll(true);
    try {
      const phones = await collectPhones(fetchPage, query, 'newest');
      await copy(phones.join('\n'), t('copiedAll', { count: formatNumber(phones.length, locale) }));
    } catch {
      flash(t('copyFailed'));
    } finally {
      setCopyingAll(false);
    }
  };
  const reconnect = () => void sendMessage('reconnectNow').catch(() => flash(t('stateErrorBody')));
  const turnOn = () => void saveSettings({ monitoring: true });
  const openSettings = () => void browser.runtime.openOptionsPage().then(() => window.close());
  const showDashboard = () => void openDashboard().then(() => window.close());

  if (!stored && !waited) return <div class="popup" />;

  const connection = view?.connection ?? null;
  const url = connection && connection.phase !== 'off' ? connection.url : settings.serverUrl;
  const notice = listNoticeKind({ view, matched: rows.matched, failed: rows.failed, search: query });
  const masked = settings.maskPhones && !revealed;
  const count = rows.matched ?? view?.expiredCount ?? 0;

  return (
    <div class="popup">
      <header class="popup__connection">
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
      </header>

      <main class="popup__main">
        <div class="popup__card">
          <RoundProgress round={view?.round ?? null} locale={locale} t={t} />
        </div>
        <TotalsPanel
          totals={view?.totals ?? { totalUsers: null, totalExpired: 0, lastCheck: null }}
          now={now}
          locale={locale}
          t={t}
        />
        <RoundChart history={view?.history ?? []} limit={CHART_ROUNDS} width={340} height={32} locale={locale} t={t} />

        <section class="popup__list" aria-labelledby="popup-list-title">
          <div class="popup__list-head">
            <h2 class="popup__list-title" id="popup-list-title">
              {t('listTitle')}
              <span class={`popup__count${(view?.expiredCount ?? 0) > 0 ? ' popup__count--alert' : ''}`}>
                {query && rows.matched !== null
                  ? t('matchCount', {
                      matched: formatNumber(rows.matched, locale),
                      total: formatNumber(view?.expiredCount ?? 0, locale),
                    })
                  : formatNumber(view?.expiredCount ?? 0, locale)}
              </span>
            </h2>
            <SearchBox
              value={search}
              onChange={setSearch}
              label={t('searchLabel')}
              placeholder={t('searchPlaceholder')}
              clearLabel={t('clearSearch')}
            />
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
              key={query}
              count={count}
              rowAt={rows.rowAt}
              onRangeChange={rows.showRange}
              masked={masked}
              onCopyPhone={copyPhone}
              estimatedHeight={180}
              locale={locale}
              t={t}
            />
          )}
        </section>
      </main>

      <footer class="popup__footer">
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
        <div class="popup__links">
          <Button variant="ghost" size="small" icon="dashboard" onClick={showDashboard} title={t('openDashboardLabel')}>
            {t('openDashboard')}
          </Button>
          <Button variant="ghost" size="small" icon="settings" onClick={openSettings} title={t('openSettingsLabel')}>
            {t('openSettings')}
          </Button>
        </div>
      </footer>
      <Toast message={toast} />
    </div>
  );
};
