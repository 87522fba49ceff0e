import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { isUnencryptedRemote, type ServerUrlProblem, serverUrlProblem } from '../../utils/settings';
import { Button } from '../Button';
import { Input } from '../Input';
import { useI18n } from '../i18n-context';
import { ConnectionTestResult } from './ConnectionTestResult';
import type { ConnectionTestState } from './connection-test-state';
import { HelpText } from './HelpText';
import { InlineMessage } from './InlineMessage';
import { SettingField } from './SettingField';
import { SERVER_URL_PROBLEM_TEXT } from './server-url-problem-text';
import './ServerUrlForm.css';

export interface ServerUrlFormProps {
  savedUrl: string;
  test: ConnectionTestState;
  testTimeoutMs: number;
  onSave: (url: string) => void;
  /** Tests what is typed, saved or not, so an address can be tried before it replaces the working one. */
  onTest: (url: string) => void;
}

export const ServerUrlForm = ({ savedUrl, test, testTimeoutMs, onSave, onTest }: ServerUrlFormProps) => {
  const { t } = useI18n();
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
    <form onSubmit={save} noValidate>
      <SettingField label={t('optServerUrlLabel')} controlId={inputId}>
        <HelpText id={helpId}>{t('optServerUrlHelp')}</HelpText>
        <div class="server-url__row">
          <Input
            id={inputId}
            class="server-url__input"
            mono
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
          <Button type="submit" variant="primary">
            {t('optServerUrlSave')}
          </Button>
          <Button disabled={testing} onClick={() => onTest(draft)}>
            {testing ? t('optTestRunning') : t('optTestButton')}
          </Button>
        </div>
        {problem && (
          <InlineMessage tone="error" id={errorId} role="alert" detail={t('optServerUrlKept', { url: savedUrl })}>
            {t(SERVER_URL_PROBLEM_TEXT[problem])}
          </InlineMessage>
        )}
        {unsaved && <HelpText>{t('optServerUrlUnsaved')}</HelpText>}
        {insecure && (
          <InlineMessage tone="warning" id={warningId}>
            {t('optServerUrlInsecure')}
          </InlineMessage>
        )}
        <ConnectionTestResult state={shownTest} timeoutMs={testTimeoutMs} />
      </SettingField>
    </form>
  );
};
