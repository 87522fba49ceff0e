import { useRef, useState } from 'preact/hooks';
import { isMuted, MUTE_HOUR_MS } from '../../utils/alerts/mute';
import { formatClock } from '../../utils/format';
import { type ServerEntry, serverLabel } from '../../utils/settings';
import { Button } from '../Button';
import { useI18n } from '../i18n-context';
import type { ConnectionTestState } from './connection-test-state';
import { ServerForm } from './ServerForm';
import { ServerRemoveConfirm } from './ServerRemoveConfirm';
import { ServerSwitch } from './ServerSwitch';
import './ServerCard.css';

export type MoveDirection = 'up' | 'down';

export interface ServerCardProps {
  server: ServerEntry;
  /** The rest of the list, to point out an address that is already watched. */
  otherServers: readonly ServerEntry[];
  canMoveUp: boolean;
  canMoveDown: boolean;
  test: ConnectionTestState;
  testTimeoutMs: number;
  /** Epoch ms the mute's state is drawn with. A mute itself starts at the click. */
  now: number;
  onChange: (server: ServerEntry) => void;
  onMove: (direction: MoveDirection) => void;
  /** Called only after the user has confirmed. */
  onRemove: () => void;
  onTest: (url: string) => void;
}

// Drawn like Icon's strokes; the set there has no arrows, and these two are this card's alone.
const ARROWS: Record<MoveDirection, string> = { up: 'M12 19V5M5 12l7-7 7 7', down: 'M12 5v14M5 12l7 7 7-7' };

/** Moves the server one place up or down the list; named for its server, since every card has two. */
const MoveButton = ({ direction, name, disabled, onMove }: MoveButtonProps) => (
  <Button
    variant="ghost"
    size="small"
    class="server-card__move"
    data-move={direction}
    disabled={disabled}
    aria-label={name}
    title={name}
    onClick={() => onMove(direction)}
  >
    <svg class="icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={ARROWS[direction]} />
    </svg>
  </Button>
);

interface MoveButtonProps {
  direction: MoveDirection;
  name: string;
  disabled: boolean;
  onMove: (direction: MoveDirection) => void;
}

/** One server of the list: its name and address, its own switches and mute, moving it and removing it. */
export const ServerCard = ({
  server,
  otherServers,
  canMoveUp,
  canMoveDown,
  test,
  testTimeoutMs,
  now,
  onChange,
  onMove,
  onRemove,
  onTest,
}: ServerCardProps) => {
  const { locale, t } = useI18n();
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const label = serverLabel(server);
  const { mutedUntil } = server;
  const muted = isMuted(mutedUntil, now);
  const forServer = (control: string) => t('optServerControl', { control, server: label });
  const change = (patch: Partial<ServerEntry>) => onChange({ ...server, ...patch });

  const cancelRemoval = () => {
    setConfirmingRemoval(false);
    // Back where the question was asked from, rather than lost at the top of the page.
    removeRef.current?.focus();
  };

  return (
    <li class={server.enabled ? 'server-card' : 'server-card server-card--off'} data-server-id={server.id}>
      <div class="server-card__head">
        {/* Focusable from script only: where focus goes when this card is added or a neighbour removed. */}
        <h3 class="server-card__title" tabIndex={-1} data-server-title>
          {label}
        </h3>
        {!server.enabled && <span class="server-card__badge">{t('optServerOff')}</span>}
        {muted && (
          <span class="server-card__badge server-card__badge--muted">
            {t('optServerMutedUntil', { time: formatClock(mutedUntil, now, locale) })}
          </span>
        )}
        <div class="server-card__tools">
          <MoveButton
            direction="up"
            name={t('optServerMoveUp', { server: label })}
            disabled={!canMoveUp}
            onMove={onMove}
          />
          <MoveButton
            direction="down"
            name={t('optServerMoveDown', { server: label })}
            disabled={!canMoveDown}
            onMove={onMove}
          />
          <Button
            ref={removeRef}
            variant="danger-outline"
            size="small"
            aria-label={forServer(t('optServerRemove'))}
            aria-expanded={confirmingRemoval}
            onClick={() => setConfirmingRemoval(true)}
          >
            {t('optServerRemove')}
          </Button>
        </div>
      </div>
      {confirmingRemoval && <ServerRemoveConfirm serverName={label} onConfirm={onRemove} onCancel={cancelRemoval} />}
      <ServerForm
        saved={server}
        serverName={label}
        otherServers={otherServers}
        test={test}
        testTimeoutMs={testTimeoutMs}
        submitLabel={t('optServerUrlSave')}
        onSave={(address) => change(address)}
        onTest={onTest}
      />
      <div class="server-card__switches">
        <ServerSwitch
          label={t('optServerEnabled')}
          accessibleName={forServer(t('optServerEnabled'))}
          checked={server.enabled}
          onChange={(enabled) => change({ enabled })}
        />
        <ServerSwitch
          label={t('optServerNotifications')}
          accessibleName={forServer(t('optServerNotifications'))}
          checked={server.notifications}
          onChange={(notifications) => change({ notifications })}
        />
        <ServerSwitch
          label={t('optServerSpeech')}
          accessibleName={forServer(t('optServerSpeech'))}
          checked={server.speech}
          onChange={(speech) => change({ speech })}
        />
        {muted ? (
          <Button
            size="small"
            icon="bell"
            class="server-card__mute"
            aria-label={forServer(t('optServerUnmute'))}
            onClick={() => change({ mutedUntil: null })}
          >
            {t('optServerUnmute')}
          </Button>
        ) : (
          <Button
            size="small"
            icon="bell-off"
            class="server-card__mute"
            aria-label={forServer(t('optServerMute'))}
            // The clock at the click rather than `now`, which may be seconds old: the mute would come out short.
            onClick={() => change({ mutedUntil: Date.now() + MUTE_HOUR_MS })}
          >
            {t('optServerMute')}
          </Button>
        )}
      </div>
    </li>
  );
};
