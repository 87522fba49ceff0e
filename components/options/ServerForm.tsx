import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  isUnencryptedRemote,
  SERVER_NAME_MAX,
  type ServerEntry,
  type ServerUrlProblem,
  serverLabel,
  serverUrlProblem,
} from '../../utils/settings';
import { Button } from '../Button';
import { Input } from '../Input';
import { useI18n } from '../i18n-context';
import { ConnectionTestResult } from './ConnectionTestResult';
import type { ConnectionTestState } from './connection-test-state';
import { HelpText } from './HelpText';
import { InlineMessage } from './InlineMessage';
import { SERVER_URL_PROBLEM_TEXT } from './server-url-problem-text';
import './ServerForm.css';

export type ServerAddress = Pick<ServerEntry, 'name' | 'url'>;

export interface ServerFormProps {
  /** What is stored for this server; absent while the server is still being added. */
  saved?: ServerAddress;
  /** Put into the names of the fields and buttons, which repeat once per server. */
  serverName: string;
  /** The rest of the list, to point out an address that is already watched. */
  otherServers: readonly ServerEntry[];
  test: ConnectionTestState;
  testTimeoutMs: number;
  submitLabel: string;
  /** Called with a valid address only, both values trimmed. */
  onSave: (address: ServerAddress) => void;
  /** Tests what is typed, saved or not, so an address can be tried before it replaces the working one. */
  onTest: (url: string) => void;
  /** Escape in the form; for a server not yet added, whose form it closes. */
  onEscape?: () => void;
}

/** Written differently (case, a default port, a trailing slash), one address is still one server. */
const sameAddress = (a: string, b: string) => {
  try {
    return new URL(a.trim()).href === new URL(b.trim()).href;
  } catch {
    return false;
  }
};

/** The name and address of one server, checked before they are saved, with a connection test beside them. */
export const ServerForm = ({
  saved,
  serverName,
  otherServers,
  test,
  testTimeoutMs,
  submitLabel,
  onSave,
  onTest,
  onEscape,
}: ServerFormProps) => {
  const { t } = useI18n();
  const savedName = saved?.name ?? '';
  const savedUrl = saved?.url ?? '';
  const [name, setName] = useState(savedName);
  const [url, setUrl] = useState(savedUrl);
  const [problem, setProblem] = useState<ServerUrlProblem>();
  const nameId = useId();
  const urlId = useId();
  const helpId = useId();
  const errorId = useId();
  const warningId = useId();
  const duplicateId = useId();

  // A save here or in another window changes what is stored: show what is now in effect. Only on a real
  // change: resetting on mount could wipe what the user typed before the effect ran.
  const shown = useRef({ name: savedName, url: savedUrl });
  useEffect(() => {
    if (shown.current.name === savedName && shown.current.url === savedUrl) return;
    shown.current = { name: savedName, url: savedUrl };
    setName(savedName);
    setUrl(savedUrl);
    setProblem(undefined);
  }, [savedName, savedUrl]);

  const insecure = isUnencryptedRemote(url);
  const duplicate = otherServers.find((other) => sameAddress(other.url, url));
  const testing = test.phase === 'running';
  const testLabel = testing ? t('optTestRunning') : t('optTestButton');
  // A result belongs to the address it was measured on: once the field says something else, it goes.
  const shownTest: ConnectionTestState = test.phase === 'idle' || test.url === url ? test : { phase: 'idle' };
  const edited = name.trim() !== savedName || url.trim() !== savedUrl;
  const unsaved = saved !== undefined && !problem && edited;
  const forServer = (control: string) => t('optServerControl', { control, server: serverName });

  const save = (event: Event) => {
    event.preventDefault();
    const found = serverUrlProblem(url);
    setProblem(found);
    if (!found) onSave({ name: name.trim(), url: url.trim() });
  };

  return (
    // noValidate: the browser's own URL check would pop up a generic bubble instead of our exact reason.
    <form
      class="server-form"
      onSubmit={save}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') onEscape?.();
      }}
    >
      <div class="server-form__row">
        <div class="server-form__field server-form__field--name">
          <label class="server-form__label" for={nameId}>
            {t('optServerNameLabel')}
          </label>
          <Input
            id={nameId}
            type="text"
            autocomplete="off"
            maxLength={SERVER_NAME_MAX}
            // The name alerts use when this one is left empty.
            placeholder={serverLabel({ name: '', url: url.trim() })}
            value={name}
            aria-label={forServer(t('optServerNameLabel'))}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <div class="server-form__field server-form__field--url">
          <label class="server-form__label" for={urlId}>
            {t('optServerUrlLabel')}
          </label>
          <Input
            id={urlId}
            mono
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            value={url}
            aria-label={forServer(t('optServerUrlLabel'))}
            aria-invalid={problem ? true : undefined}
            aria-describedby={
              [saved ? '' : helpId, problem ? errorId : '', insecure ? warningId : '', duplicate ? duplicateId : '']
                .filter(Boolean)
                .join(' ') || undefined
            }
            onInput={(event) => {
              setUrl(event.currentTarget.value);
              setProblem(undefined);
            }}
          />
        </div>
        <div class="server-form__buttons">
          {/* With a save button on every server, the one with something to save stands out. */}
          <Button
            type="submit"
            variant={saved === undefined || edited ? 'primary' : 'secondary'}
            aria-label={forServer(submitLabel)}
          >
            {submitLabel}
          </Button>
          <Button disabled={testing} aria-label={forServer(testLabel)} onClick={() => onTest(url)}>
            {testLabel}
          </Button>
        </div>
      </div>
      {!saved && <HelpText id={helpId}>{t('optServerUrlHelp')}</HelpText>}
      {problem && (
        <InlineMessage
          tone="error"
          id={errorId}
          role="alert"
          detail={saved ? t('optServerUrlKept', { url: savedUrl }) : undefined}
        >
          {t(SERVER_URL_PROBLEM_TEXT[problem])}
        </InlineMessage>
      )}
      {unsaved && <HelpText>{t('optServerUrlUnsaved')}</HelpText>}
      {insecure && (
        <InlineMessage tone="warning" id={warningId}>
          {t('optServerUrlInsecure')}
        </InlineMessage>
      )}
      {duplicate && (
        <InlineMessage tone="warning" id={duplicateId}>
          {t('optServerDuplicate', { server: serverLabel(duplicate) })}
        </InlineMessage>
      )}
      <ConnectionTestResult state={shownTest} timeoutMs={testTimeoutMs} />
    </form>
  );
};
