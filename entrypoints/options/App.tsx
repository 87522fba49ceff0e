import { useEffect, useState } from 'preact/hooks';
import { I18nProvider } from '../../components/i18n-context';
import { AlertsSection } from '../../components/options/AlertsSection';
import type { ConnectionTestState } from '../../components/options/connection-test-state';
import { DataSection } from '../../components/options/DataSection';
import { LanguageSection } from '../../components/options/LanguageSection';
import { QuietSection } from '../../components/options/QuietSection';
import { SaveStatus } from '../../components/options/SaveStatus';
import { ServerSection } from '../../components/options/ServerSection';
import { ShortcutsSection } from '../../components/options/ShortcutsSection';
import { SpeechSection } from '../../components/options/SpeechSection';
import { useAction } from '../../hooks/use-action-state';
import { useEditableSettings } from '../../hooks/use-editable-settings';
import { useNow } from '../../hooks/use-now';
import { usePageLanguage } from '../../hooks/use-page-language';
import { browserEnvironment } from '../../platform/browser-environment';
import { sendMessage } from '../../platform/messaging';
import { testConnection } from '../../utils/connection/test-connection';
import { resolveLocale } from '../../utils/i18n';
import type { Shortcut } from '../../utils/shortcuts/shortcut';
import type { Voice } from '../../utils/speech/voice';
import { watchVoices } from './load-voices';
import { openShortcutSettings } from './open-shortcut-settings';
import { watchShortcuts } from './watch-shortcuts';

const TEST_TIMEOUT_MS = 5000;
// How long a transient confirmation ("Saved", "Playing the test…") stays before it fades.
const CONFIRMATION_MS = 2500;
// The mute's state ("muted until 15:30") may lag this much; a mute itself starts at the click.
const CLOCK_TICK_MS = 10_000;

export const App = () => {
  const { settings, change, saveState } = useEditableSettings(CONFIRMATION_MS);
  const { locale, t } = usePageLanguage(settings?.language, 'optTitle');
  const now = useNow(CLOCK_TICK_MS);
  const [voices, setVoices] = useState<Voice[] | null>(null);
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  const [tests, setTests] = useState<Readonly<Record<string, ConnectionTestState>>>({});
  const [speakTest, runSpeakTest] = useAction(() => sendMessage('speakTest'), CONFIRMATION_MS);
  const [clear, runClear] = useAction(() => sendMessage('clearStoredData'));

  useEffect(() => watchVoices(setVoices), []);
  useEffect(() => watchShortcuts(setShortcuts), []);

  // Each server keeps its own result, and tests of several servers may run at once.
  const runTest = async (serverId: string, url: string) => {
    setTests((previous) => ({ ...previous, [serverId]: { phase: 'running', url } }));
    const result = await testConnection(url, { ...browserEnvironment(), timeoutMs: TEST_TIMEOUT_MS });
    setTests((previous) => ({ ...previous, [serverId]: { phase: 'done', url, result } }));
  };

  return (
    <I18nProvider locale={locale}>
      <div class="opt-page">
        <header class="opt-header">
          <div class="opt-brand">
            <svg class="opt-brand__mark" viewBox="0 0 24 24" aria-hidden="true">
              <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.4 15.5a2.5 2.5 0 0 0 4.8 0Z" />
            </svg>
            <div>
              <p class="opt-brand__product">{t('extName')}</p>
              <h1 class="opt-brand__title">{t('optHeading')}</h1>
            </div>
          </div>
          <SaveStatus state={saveState} />
        </header>
        {settings === null ? (
          <main class="opt-loading" aria-busy="true">
            {t('optLoading')}
          </main>
        ) : (
          <main class="opt-sections">
            <ServerSection
              servers={settings.servers}
              monitoring={settings.monitoring}
              tests={tests}
              testTimeoutMs={TEST_TIMEOUT_MS}
              now={now}
              onChange={change}
              onTest={runTest}
            />
            <AlertsSection settings={settings} onChange={change} />
            <SpeechSection
              speech={settings.speech}
              voices={voices}
              speakTest={speakTest}
              onChange={change}
              onSpeakTest={runSpeakTest}
            />
            <QuietSection
              mutedUntil={settings.mutedUntil}
              quietHours={settings.quietHours}
              now={now}
              onChange={change}
            />
            <LanguageSection
              language={settings.language}
              browserLocale={resolveLocale('auto', navigator.language)}
              onChange={change}
            />
            <ShortcutsSection shortcuts={shortcuts} onOpenSettings={() => openShortcutSettings()} />
            <DataSection clear={clear} onClear={runClear} />
          </main>
        )}
      </div>
    </I18nProvider>
  );
};
