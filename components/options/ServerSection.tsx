import { useEffect, useRef, useState } from 'preact/hooks';
import { type ServerEntry, type Settings, serverLabel } from '../../utils/settings';
import { useI18n } from '../i18n-context';
import type { ConnectionTestState } from './connection-test-state';
import { Section } from './Section';
import { ServerAddControl } from './ServerAddControl';
import { type MoveDirection, ServerCard } from './ServerCard';
import { SwitchField } from './SwitchField';
import './ServerSection.css';

export interface ServerSectionProps {
  servers: readonly ServerEntry[];
  monitoring: boolean;
  /** Connection tests by server id: each server shows its own. */
  tests: Readonly<Record<string, ConnectionTestState>>;
  testTimeoutMs: number;
  /** Epoch ms the servers' mutes are drawn with. */
  now: number;
  onChange: (change: Partial<Settings>) => void;
  onTest: (serverId: string, url: string) => void;
  /** Draws the ids of new servers. */
  random?: () => number;
}

/** Where the keyboard goes once the list has changed under it. */
type FocusTarget = { part: 'title' | MoveDirection; serverId: string } | { part: 'add' };

const IDLE: ConnectionTestState = { phase: 'idle' };

const focusIn = (root: HTMLElement, target: FocusTarget) => {
  if (target.part === 'add') {
    root.querySelector<HTMLElement>('.server-add button')?.focus();
    return;
  }
  const card = Array.from(root.querySelectorAll<HTMLElement>('[data-server-id]')).find(
    (element) => element.dataset.serverId === target.serverId,
  );
  if (target.part === 'title') {
    card?.querySelector<HTMLElement>('[data-server-title]')?.focus();
    return;
  }
  // A server moved to the top or the bottom can go no further that way: the other arrow keeps the focus.
  const arrows = Array.from(card?.querySelectorAll<HTMLButtonElement>('[data-move]') ?? []);
  const arrow = arrows.find((button) => button.dataset.move === target.part && !button.disabled);
  (arrow ?? arrows.find((button) => !button.disabled))?.focus();
};

/** The servers watched, each with its own switches, and the global switch that pauses them all. */
export const ServerSection = ({
  servers,
  monitoring,
  tests,
  testTimeoutMs,
  now,
  onChange,
  onTest,
  random = Math.random,
}: ServerSectionProps) => {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<FocusTarget | null>(null);

  // Adding, moving and removing rebuild the list: the focus would otherwise fall back to the page's top.
  useEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target && listRef.current) focusIn(listRef.current, target);
  });

  const save = (next: ServerEntry[]) => onChange({ servers: next });

  const update = (changed: ServerEntry) => save(servers.map((server) => (server.id === changed.id ? changed : server)));

  const add = (server: ServerEntry) => {
    pendingFocus.current = { part: 'title', serverId: server.id };
    setAnnouncement(t('optServerAdded', { server: serverLabel(server) }));
    save([...servers, server]);
  };

  const move = (server: ServerEntry, direction: MoveDirection) => {
    const from = servers.indexOf(server);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= servers.length) return;
    const next = servers.filter((other) => other !== server);
    next.splice(to, 0, server);
    pendingFocus.current = { part: direction, serverId: server.id };
    setAnnouncement(t('optServerMoved', { server: serverLabel(server), position: to + 1, count: servers.length }));
    save(next);
  };

  const remove = (server: ServerEntry) => {
    const index = servers.indexOf(server);
    const next = servers.filter((other) => other !== server);
    const neighbour = next[index] ?? next[index - 1];
    pendingFocus.current = neighbour ? { part: 'title', serverId: neighbour.id } : { part: 'add' };
    setAnnouncement(t('optServerRemoved', { server: serverLabel(server) }));
    save(next);
  };

  return (
    <Section id="server" title={t('optServerTitle')} intro={t('optServerIntro')}>
      <SwitchField
        label={t('optMonitoringLabel')}
        help={t('optMonitoringHelp')}
        checked={monitoring}
        onChange={(checked) => onChange({ monitoring: checked })}
      />
      <div class="server-list" ref={listRef}>
        {servers.length === 0 ? (
          <p class="server-list__none">{t('optServerNone')}</p>
        ) : (
          <ol class="server-list__items" aria-labelledby="server">
            {servers.map((server, index) => (
              <ServerCard
                key={server.id}
                server={server}
                otherServers={servers.filter((other) => other !== server)}
                canMoveUp={index > 0}
                canMoveDown={index < servers.length - 1}
                test={tests[server.id] ?? IDLE}
                testTimeoutMs={testTimeoutMs}
                now={now}
                onChange={update}
                onMove={(direction) => move(server, direction)}
                onRemove={() => remove(server)}
                onTest={(url) => onTest(server.id, url)}
              />
            ))}
          </ol>
        )}
        <ServerAddControl
          servers={servers}
          tests={tests}
          testTimeoutMs={testTimeoutMs}
          random={random}
          onAdd={add}
          onTest={onTest}
        />
        <p class="visually-hidden" role="status">
          {announcement}
        </p>
      </div>
    </Section>
  );
};
