import { useEffect, useRef, useState } from 'preact/hooks';
import { AlertsSection } from '../../components/options/AlertsSection';
import { type ActionState, IDLE } from '../../components/options/action-state';
import type { ConnectionTestState } from '../../components/options/connection-test-state';
import { DataSection } from '../../components/options/DataSection';
import { LanguageSection } from '../../components/options/LanguageSection';
import { QuietSection } from '../../components/options/QuietSection';
import { SaveStatus } from '../../components/options/SaveStatus';
import { ServerSection } from '../../components/options/ServerSection';
import { SpeechSection } from '../../components/options/SpeechSection';
import type { VoiceOption } from '../../components/options/VoicePicker';
import { useDocumentLocale } from '../../hooks/use-document-locale';
import { useNow } from '../../hooks/use-now';
import { useSettings } from '../../hooks/use-settings';
import { useTranslator } from '../../hooks/use-translator';
import { testConnection } from '../../utils/connection/test-connection';
import { resolveLocale } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import type { Settings } from '../../utils/settings';
import { saveSettings } from '../../utils/settings/settings-store';
import { watchVoices } from './load-voices';
import { nextMorning } from './mute-times';

const TEST_TIMEOUT_MS = 5000;
// How long a transient confirmation ("Saved", "Playing the test…") stays before it fades.
const CONFIRMATION_MS = 2500;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An ActionState that falls back to idle a moment after it succeeds. */
const useTransientState = () => {
  const [state, setState] = useState<ActionState>(IDLE);
  useEffect(() => {
    if (state.phase !== 'done') return;
    const timer = setTimeout(() => setState(IDLE), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return [state, setState] as const;
};

/**
 * The stored settings with the user's unsaved changes laid over them, so the page answers at once.
 * Saves run one after another: saveSettings reads, merges and writes, and two overlapping calls would
 * each write back the other's old value. The overlay is dropped on the first storage change that arrives
 * once no save is pending (ours, or another window's, which then wins), or when a save fails.
 */
const useEditableSettings = () => {
  const stored = useSettings();
  const [overlay, setOverlay] = useState<Partial<Settings>>({});
  const [saveState, setSaveState] = useTransientState();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);

  useEffect(() => {
    if (inFlight.current === 0) setOverlay({});
  }, [stored]);

  const change = (partial: Partial<Settings>) => {
    setOverlay((previous) => ({ ...previous, ...partial }));
    inFlight.current += 1;
    setSaveState({ phase: 'running' });
    const settle = (failure?: unknown) => {
      inFlight.current -= 1;
      if (failure !== undefined) {
        // Show what is really stored rather than a change that did not happen.
        setOverlay({});
        setSaveState({ phase: 'failed', reason: reasonOf(failure) });
      } else if (inFlight.current === 0) {
        setSaveState((current) => (current.phase === 'failed' ? current : { phase: 'done' }));
      }
    };
    queue.current = queue.current.then(() =>
      saveSettings(partial).then(
        () => settle(),
        (error: unknown) => settle(error ?? 'unknown error'),
      ),
    );
  };

  return { settings: stored && { ...stored, ...overlay }, change, saveState };
};

export const App = () => {
  const { settings, change, saveState } = useEditableSettings();
  const { locale, t } = useTranslator(settings?.language);
  const now = useNow(10_000);
  const [voices, setVoices] = useState<VoiceOption[] | null>(null);
  const [test, setTest] = useState<ConnectionTestState>({ phase: 'idle' });
  const [speakTest, setSpeakTest] = useTransientState();
  const [clear, setClear] = useState<ActionState>(IDLE);

  useEffect(() => watchVoices(setVoices), []);

  useDocumentLocale(locale, t('optTitle'));

  const runTest = async (url: string) => {
    setTest({ phase: 'running', url });
    const result = await testConnection(url, { WebSocket, timeoutMs: TEST_TIMEOUT_MS });
    setTest({ phase: 'done', url, result });
  };

  const runSpeakTest = () => {
    setSpeakTest({ phase: 'running' });
    sendMessage('speakTest').then(
      () => setSpeakTest({ phase: 'done' }),
      (error: unknown) => setSpeakTest({ phase: 'failed', reason: reasonOf(error) }),
    );
  };

  const runClear = () => {
    setClear({ phase: 'running' });
    sendMessage('clearStoredData').then(
      () => setClear({ phase: 'done' }),
      (error: unknown) => setClear({ phase: 'failed', reason: reasonOf(error) }),
    );
  };

  return (
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
        <SaveStatus state={saveState} t={t} />
      </header>
      {settings === null ? (
        <main class="opt-loading" aria-busy="true">
          {t('optLoading')}
        </main>
      ) : (
        <main>
          <ServerSection
            serverUrl={settings.serverUrl}
            monitoring={settings.monitoring}
            test={test}
            testTimeoutMs={TEST_TIMEOUT_MS}
            t={t}
            onChange={change}
            onTest={runTest}
          />
          <AlertsSection settings={settings} t={t} onChange={change} />
          <SpeechSection
            speech={settings.speech}
            voices={voices}
            locale={locale}
            speakTest={speakTest}
            t={t}
            onChange={change}
            onSpeakTest={runSpeakTest}
          />
          <QuietSection
            mutedUntil={settings.mutedUntil}
            quietHours={settings.quietHours}
            now={now}
            morningAt={nextMorning(now)}
            locale={locale}
            t={t}
            onChange={change}
          />
          <LanguageSection
            language={settings.language}
            browserLocale={resolveLocale('auto', navigator.language)}
            t={t}
            onChange={change}
          />
          <DataSection clear={clear} t={t} onClear={runClear} />
        </main>
      )}
    </div>
  );
};
