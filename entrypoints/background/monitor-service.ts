import { loadSettings, watchSettings } from '../../platform/settings-store';
import { monitorViewItem, serverStore, storedServersItem } from '../../platform/storage-items';
import {
  type AlertBurst,
  createAlertDispatcher,
  type NotificationText,
  newAlertId,
  notificationText,
  type SpeechOutcome,
  speechText,
  withoutIgnored,
} from '../../utils/alerts';
import type { BadgeAppearance } from '../../utils/badge/badge-appearance';
import { badgeAppearance } from '../../utils/badge/badge-appearance';
import type { ConnectionEnvironment } from '../../utils/connection';
import { type ExpiredQuery, expiredQuerySchema, queryServers, toCsv } from '../../utils/expired';
import { type Locale, resolveLocale, workerTranslatorFor } from '../../utils/i18n';
import { type MonitorEffect, toMonitorView } from '../../utils/monitor';
import { defaultSettings, type Settings, serverLabel } from '../../utils/settings';
import { throttle } from '../../utils/throttle';
import { createJournal } from './journal';
import { createServerMonitor, type ServerMonitor } from './server-monitor';
import { forgetServer, loadOutbox, loadServerSnapshot, saveSnapshot } from './state-store';

/** The small state write: at most once a second, bursts merged. */
const PERSIST_INTERVAL_MS = 1000;
/** Pages redraw from the published view: ten times a second is smooth and cheap. */
const PUBLISH_INTERVAL_MS = 100;
/** The badge likewise: three browser calls a redraw, which a flood of expiries would otherwise make per frame. */
const BADGE_INTERVAL_MS = 100;

type Announce = Extract<MonitorEffect, { type: 'announce' }>;

/** Told how an utterance went, and which voice (name and language) spoke it. */
type SpeechListener = (outcome: SpeechOutcome, voice?: string, error?: string) => void;

/** What the user sees and hears, as the browser offers it. */
export interface AlertOutput {
  /** Shows a notification, or replaces the one with the same id. */
  show(id: string, text: NotificationText, silent: boolean, buttons: readonly [string, string]): Promise<unknown>;
  isShowing(id: string): Promise<boolean>;
  /** Speaks; settles when the utterance is over. */
  speak(text: string, speech: Settings['speech'], locale: Locale, listen: SpeechListener): Promise<void>;
}

export interface MonitorServiceDeps {
  env: ConnectionEnvironment;
  output: AlertOutput;
  renderBadge(appearance: BadgeAppearance): Promise<void>;
  /** The browser UI language, for 'auto'. */
  browserLanguage: string;
  log(line: string): void;
}

/**
 * The background worker's whole job, with the browser behind injected functions: one monitor per watched
 * server (socket, state, stored list), and shared by all of them the alerts, their history, the small state
 * write, the view pages read and the badge.
 */
export const createMonitorService = (deps: MonitorServiceDeps) => {
  const { env, log } = deps;
  let settings: Settings = defaultSettings;
  const monitors = new Map<string, ServerMonitor>();
  /** Summed over the servers' own versions, so it changes whenever any list changes. */
  const expiredVersion = () => [...monitors.values()].reduce((sum, monitor) => sum + monitor.version(), 0);

  const locale = () => resolveLocale(settings.language, deps.browserLanguage);
  const translator = () => workerTranslatorFor(locale());
  const entryOf = (id: string) => settings.servers.find((server) => server.id === id);
  const labelOf = (id: string) => {
    const entry = entryOf(id);
    return entry ? serverLabel(entry) : id;
  };
  /** With several servers watched, alerts say which server each expiry came from. */
  const nameServers = () => settings.servers.length > 1;

  /** A write that failed (storage full, say) is logged; memory stays right and the next write tries again. */
  const storageFailed = (what: string) => (error: unknown) =>
    log(`[storage] could not store ${what}: ${String(error)}`);

  const journal = createJournal(log);
  /** The small write: every server's state, the outbox and recent additions, with the history when it changed. */
  const storeState = async () => {
    const servers = [...monitors.values()].map((monitor) => ({ monitor, items: monitor.items() }));
    try {
      await journal.carriedBy((history) =>
        saveSnapshot(
          servers.map((server) => server.items),
          alerts.outbox(),
          history,
        ),
      );
    } catch (error) {
      for (const { monitor } of servers) monitor.notStored();
      throw error;
    }
  };
  const persist = throttle(() => void storeState().catch(storageFailed('the state')), PERSIST_INTERVAL_MS, env);
  const parts = () =>
    [...monitors.values()].map((monitor) => ({
      id: monitor.id,
      label: labelOf(monitor.id),
      state: monitor.state(),
      connection: monitor.status(),
    }));
  const publish = throttle(
    () => void monitorViewItem.setValue(toMonitorView(parts(), expiredVersion())).catch(storageFailed('the live view')),
    PUBLISH_INTERVAL_MS,
    env,
  );

  const alerts = createAlertDispatcher({
    now: env.now,
    newId: () => newAlertId(env.now()),
    settings: () => settings,
    // The history rides with both: it never names a user the stored state does not know, and the outbox
    // never moves on to a new alert before the stored history holds the one it replaces.
    writeAhead: storeState,
    writeDelivered: storeState,
    show: (burst: AlertBurst, silent: boolean) => {
      const t = translator();
      const text = notificationText(burst.batch, t, settings.maskPhones, nameServers());
      return deps.output.show(burst.id, text, silent, [t('alertButtonOpen'), t('alertButtonMute')]);
    },
    isShowing: deps.output.isShowing,
    wait: (ms) => new Promise((resolve) => env.setTimeout(resolve, ms)),
    speak: (batch, followUp, alertId) =>
      deps.output.speak(
        speechText(batch, translator(), followUp, nameServers()),
        settings.speech,
        locale(),
        (speech, voice, error) => journal.speech(alertId, { speech, voice, speechError: error }),
      ),
    record: journal.record,
    isRecorded: (alertId) => journal.entries().some((entry) => entry.id === alertId),
    recordSpoken: journal.spoken,
    log,
  });

  const totalExpired = () =>
    [...monitors.values()].reduce((sum, monitor) => sum + monitor.state().totals.totalExpired, 0);

  // The renderer skips the browser calls when the appearance did not change.
  const badge = throttle(
    () => void deps.renderBadge(badgeAppearance(parts(), totalExpired(), translator(), env.now())),
    BADGE_INTERVAL_MS,
    env,
  );

  const changed = () => {
    publish.request();
    badge.request();
  };

  /**
   * News from one server: told unless the operator ignores those users or turned both notifications and
   * speech off for that server (they are remembered as announced all the same).
   */
  const announce = (id: string, effect: Announce) => {
    const entry = entryOf(id);
    if (entry && !entry.notifications && !entry.speech) return;
    const alerting = withoutIgnored(effect, settings.ignoredUsers);
    if (alerting) alerts.announce({ ...alerting, server: { id, label: labelOf(id) } });
  };

  const monitorFor = (id: string) =>
    createServerMonitor({
      id,
      store: serverStore(id),
      env,
      changed,
      announce: (effect) => announce(id, effect),
      remind: () => alerts.remind(totalExpired()),
      outbox: () => alerts.outbox(),
      carriedBy: (write) => journal.carriedBy(write),
      persist: () => persist.request(),
      log: (line) => log(settings.servers.length > 1 ? `[${labelOf(id)}] ${line}` : line),
    });

  /** A monitor for a server, with what a previous worker left of it. */
  const addMonitor = async (id: string, pending: AlertBurst | null) => {
    const monitor = monitorFor(id);
    monitor.restore(await loadServerSnapshot(serverStore(id), log), pending);
    return monitor;
  };

  /** Servers added since are loaded and watched, removed ones stopped and forgotten, the rest follow. */
  const applySettings = async (next: Settings) => {
    settings = next;
    const wanted = new Set(next.servers.map((server) => server.id));
    for (const [id, monitor] of monitors) {
      if (wanted.has(id)) continue;
      monitors.delete(id);
      await monitor.remove().catch(storageFailed(`what ${id} left`));
    }
    for (const server of next.servers) {
      if (!monitors.has(server.id)) monitors.set(server.id, await addMonitor(server.id, null));
      monitors.get(server.id)?.watch(next.monitoring && server.enabled ? server.url : null);
    }
    await rememberStoredServers();
    changed();
  };

  /** The servers with data in storage, as storage has them: rewritten only when a server comes or goes. */
  let storedServers = '';
  const idSet = (ids: readonly string[]) => [...ids].sort().join('\n');
  const rememberStoredServers = async () => {
    const ids = [...monitors.keys()];
    if (idSet(ids) === storedServers) return;
    await storedServersItem
      .setValue(ids)
      .then(() => {
        storedServers = idSet(ids);
      })
      .catch(storageFailed('the list of servers'));
  };

  /** Servers removed while no worker ran: what they stored goes now. */
  const forgetRemoved = async (servers: Settings['servers']) => {
    const stored = await storedServersItem.getValue();
    const ids = Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
    storedServers = idSet(ids);
    const kept = new Set(servers.map((server) => server.id));
    for (const id of ids.filter((id) => !kept.has(id)))
      await forgetServer(serverStore(id)).catch(storageFailed(`what ${id} left`));
  };

  /** Settings changes are applied one at a time, in order. */
  let applying: Promise<void> = Promise.resolve();
  const followSettings = (next: Settings) => {
    applying = applying.then(() => applySettings(next)).catch((error) => log(`[settings] ${String(error)}`));
  };

  const ready = (async () => {
    const [pending, loaded] = await Promise.all([loadOutbox(log), loadSettings(), journal.load()]);
    settings = loaded;
    await forgetRemoved(loaded.servers);
    for (const server of loaded.servers) monitors.set(server.id, await addMonitor(server.id, pending));
    await alerts.restore(pending);
    watchSettings(followSettings);
    followSettings(loaded);
    await applying;
  })();

  /** The monitors a query reads: one server's, or every server's. */
  const queried = (server: string | undefined) =>
    [...monitors.values()].filter((monitor) => server === undefined || monitor.id === server);

  return {
    ready,
    /** Alarm, startup, install: make sure every watched server has a live socket or a pending retry. */
    async revive() {
      await ready;
      for (const monitor of monitors.values()) monitor.ensure();
    },
    async reconnectNow() {
      await ready;
      for (const monitor of monitors.values()) monitor.reconnectNow();
    },
    /** Back online: a waiting connection need not wait out its backoff. */
    async onOnline() {
      await ready;
      for (const monitor of monitors.values()) monitor.onOnline();
    },
    async queryExpired(query: ExpiredQuery) {
      await ready;
      const ignored = new Set(settings.ignoredUsers);
      // Checked once here rather than by each server's monitor.
      const parsed = expiredQuerySchema.parse(query);
      return queryServers(
        queried(parsed.server).map((monitor) => ({ id: monitor.id, source: monitor.sourceFor(parsed) })),
        parsed,
        expiredVersion(),
        ignored,
      );
    },
    async exportCsv(includeTokens: boolean) {
      await ready;
      const servers = [...monitors.values()].map((monitor) => ({
        label: labelOf(monitor.id),
        users: monitor.sortedUsers('newest'),
      }));
      return toCsv(servers, { includeTokens });
    },
    async clearStoredData() {
      await ready;
      alerts.clear();
      journal.clear();
      for (const monitor of monitors.values()) monitor.clear();
      persist.flush();
    },
    /** Settles once every alert so far is shown (speech may still be talking). */
    alertsShown: () => alerts.idle(),
    settings: () => settings,
    locale,
    translator,
  };
};
