import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import { isUnencryptedRemote, type ServerUrlProblem, serverUrlProblem } from '../../utils/settings';
import { ConnectionTestResult } from './ConnectionTestResult';
import type { ConnectionTestState } from './connection-test-state';
import { SERVER_URL_PROBLEM_TEXT } from './server-url-problem-text';

export interface ServerUrlFormProps {
  savedUrl: string;
  test: ConnectionTestState;
  testTimeoutMs: number;
  t: Translate;
  onSave: (url: string) => void;
  /** Tests what is typed, saved or not, so an address can be tried before it replaces the working one. */
  onTest: (url: string) => void;
}

export const ServerUrlForm = ({ savedUrl, test, testTimeoutMs, t, onSave, onTest }: ServerUrlFormProps) => {
  const [draft, setDraft] = useState(savedUrl);
  const [problem, setProblem] = useState<ServerUrlProblem>();
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const warningId = useId();

  // A save here or in another window changes the stored address: show what is now in effect. Only on a
  // real change: resetting on mount could wipe what the user typed before the effect ran.
  const shownUrl = useRef(savedUrl);
  useEffect(() => {
    if (shownUrl.current === savedUrl) return;
    shownUrl.current = savedUrl;
    setDraft(savedUrl);
    setProblem(undefined);
  }, [savedUrl]);

  const insecure = isUnencryptedRemote(draft);
  const testing = test.phase === 'running';
  // A result belongs to the address it was measured on: once the field says something else, it goes.
  const shownTest: ConnectionTestState = test.phase === 'idle' || test.url === draft ? test : { phase: 'idle' };
  const unsaved = !problem && draft.trim() !== savedUrl;

  const save = (event: Event) => {
    event.preventDefault();
    const found = serverUrlProblem(draft);
    setProblem(found);
    if (!found) onSave(draft.trim());
  };

  return (
    // noValidate: the browser's own URL check would pop up a generic bubble instead of our exact reason.
    <form class="opt-field" onSubmit={save} noValidate>
      <label class="opt-label" for={inputId}>
        {t('optServerUrlLabel')}
      </label>
      <p class="opt-help" id={helpId}>
        {t('optServerUrlHelp')}
      </p>
      <div class="opt-url-row">
        <input
          id={inputId}
          class="opt-input opt-input--mono"
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          value={draft}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[helpId, problem ? errorId : '', insecure ? warningId : ''].filter(Boolean).join(' ')}
          onInput={(event) => {
            setDraft(event.currentTarget.value);
            setProblem(undefined);
          }}
        />
        <button type="submit" class="opt-button opt-button--primary">
          {t('optServerUrlSave')}
        </button>
        <button type="button" class="opt-button" disabled={testing} onClick={() => onTest(draft)}>
          {testing ? t('optTestRunning') : t('optTestButton')}
        </button>
      </div>
      {problem && (
        <p class="opt-message opt-message--error" id={errorId} role="alert">
          <span class="opt-message__main">{t(SERVER_URL_PROBLEM_TEXT[problem])}</span>
          <span class="opt-message__detail">{t('optServerUrlKept', { url: savedUrl })}</span>
        </p>
      )}
      {unsaved && <p class="opt-help">{t('optServerUrlUnsaved')}</p>}
      {insecure && (
        <p class="opt-message opt-message--warning" id={warningId}>
          {t('optServerUrlInsecure')}
        </p>
      )}
      <ConnectionTestResult state={shownTest} timeoutMs={testTimeoutMs} t={t} />
    </form>
  );
};
