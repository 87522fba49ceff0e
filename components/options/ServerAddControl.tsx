import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { MAX_SERVERS, newServerEntry, type ServerEntry, unusedServerId } from '../../utils/settings';
import { Button } from '../Button';
import { useI18n } from '../i18n-context';
import type { ConnectionTestState } from './connection-test-state';
import { HelpText } from './HelpText';
import { type ServerAddress, ServerForm } from './ServerForm';
import './ServerAddControl.css';
import './ServerCard.css';

export interface ServerAddControlProps {
  servers: readonly ServerEntry[];
  /** Connection tests by server id; a server being added has its id already, so its test carries over. */
  tests: Readonly<Record<string, ConnectionTestState>>;
  testTimeoutMs: number;
  /** Draws the new server's id. */
  random: () => number;
  onAdd: (server: ServerEntry) => void;
  onTest: (serverId: string, url: string) => void;
}

const IDLE: ConnectionTestState = { phase: 'idle' };

/**
 * "Add server", then the new server's name and address. Nothing is stored until the address is valid:
 * a server in the list is one the worker connects to.
 */
export const ServerAddControl = ({ servers, tests, testTimeoutMs, random, onAdd, onTest }: ServerAddControlProps) => {
  const { t } = useI18n();
  const [draftId, setDraftId] = useState<string | null>(null);
  const draftRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const returnFocusToAdd = useRef(false);
  const limitId = useId();
  const full = servers.length >= MAX_SERVERS;
  const drafting = draftId !== null && !full;

  useEffect(() => {
    if (drafting) {
      draftRef.current?.querySelector('input')?.focus();
    } else if (returnFocusToAdd.current) {
      returnFocusToAdd.current = false;
      addRef.current?.focus();
    }
  }, [drafting]);

  const cancel = () => {
    returnFocusToAdd.current = true;
    setDraftId(null);
  };

  const add = (address: ServerAddress) => {
    if (draftId === null) return;
    // Another window may have added a server with the same id meanwhile.
    const id = servers.some((server) => server.id === draftId) ? unusedServerId(servers, random) : draftId;
    setDraftId(null);
    onAdd(newServerEntry(id, address.url, address.name));
  };

  if (drafting) {
    return (
      <div ref={draftRef} class="server-card server-card--new">
        <div class="server-card__head">
          <h3 class="server-card__title">{t('optServerNew')}</h3>
          <div class="server-card__tools">
            <Button variant="ghost" size="small" onClick={cancel}>
              {t('optServerAddCancel')}
            </Button>
          </div>
        </div>
        <ServerForm
          serverName={t('optServerNew')}
          otherServers={servers}
          test={tests[draftId] ?? IDLE}
          testTimeoutMs={testTimeoutMs}
          submitLabel={t('optServerAddSubmit')}
          onSave={add}
          onTest={(url) => onTest(draftId, url)}
          onEscape={cancel}
        />
      </div>
    );
  }

  return (
    <div class="server-add">
      <Button
        ref={addRef}
        disabled={full}
        aria-describedby={full ? limitId : undefined}
        onClick={() => setDraftId(unusedServerId(servers, random))}
      >
        {t('optServerAdd')}
      </Button>
      {full && <HelpText id={limitId}>{t('optServerLimit', { max: MAX_SERVERS })}</HelpText>}
    </div>
  );
};
