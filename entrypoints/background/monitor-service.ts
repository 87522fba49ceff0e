import { loadSettings, watchSettings } from '../../platform/settings-store';
import { monitorViewItem } from '../../platform/storage-items';
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
import { type ConnectionEnvironment, createConnection } from '../../utils/connection';
import {
  type ExpiredQuery,
  type ExpiredSort,
  type ExpiredSource,
  expiredQuerySchema,
  queryExpired,
  sortExpired,
  toCsv,
} from '../../utils/expired';
import { type Locale, resolveLocale, workerTranslatorFor } from '../../utils/i18n';
import {
  initialMonitorState,
  knowingAlerted,
  type MonitorEffect,
  type MonitorState,
  recordRoundTrip,
  reduce,
  toMonitorView,
} from '../../utils/monitor';
import { describeParseFailure, type ExpiredUser, parseServerMessage } from '../../utils/protocol';
import { defaultSettings, type Settings } from '../../utils/settings';
import { throttle } from '../../utils/throttle';
import { createJournal } from './journal';
import { createListRewriter } from './list-rewriter';
import { loadSnapshot, saveSnapshot } from './state-store';

/** The small state write: at most once a second, bursts merged. */
const PERSIST_INTERVAL_MS = 1000;
/**
 * The whole list, 10 MB at 100,000 users, ties up the extension's storage for about a second (in parts, so
 * the worker is never blocked that long) and is copied to every open page's change listener: rewritten at
 * most every 30 s, additions in between go with the small write.
 */
const LIST_INTERVAL_MS = 30_000;
const MAX_ADDED_BESIDE_LIST = 1000;
/** Rows down to this depth are picked by one scan of the list rather than read from a sorted copy. */
const SCAN_PAGE_LIMIT = 1000;
/** Pages redraw from the published view: ten times a second is smooth and cheap. */
const PUBLISH_INTERVAL_MS = 100;
/** The badge likewise: three browser calls a redraw, which a flood of expiries would otherwise make per frame. */
const BADGE_INTERVAL_MS = 100;

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
 * The background worker's whole job, with the browser behind injected functions: frames go through
 * parse → reduce, the state is stored and published, effects become alerts, the badge follows.
 */
export const createMonitorService = (deps: MonitorServiceDeps) => {
  const { env, log } = deps;
  let state: MonitorState = initialMonitorState;
  let settings: Settings = defaultSettings;
  // Starts from the clock so a restarted worker never repeats a version an open page has seen.
  let expiredVersion = env.now();
  let sorted: { version: number; sort: ExpiredSort; users: ExpiredUser[] } | null = null;

  const locale = () => resolveLocale(settings.language, deps.browserLanguage);
  const translator = () => workerTranslatorFor(locale());

  const connection = createConnection(env, {
    onFrame: (text) => receive(text),
    onStatus: () => changed(),
    log: (line) => log(`[connection] ${line}`),
  });

  /** A write that failed (storage full, say) is logged; memory stays right and the next write tries again. */
  const storageFailed = (what: string) => (error: unknown) =>
    log(`[storage] could not store ${what}: ${String(error)}`);

  const journal = createJournal(log);
  const list = createListRewriter({
    state: () => state,
    outbox: () => alerts.outbox(),
    carriedBy: (write) => journal.carriedBy(write),
    log,
  });
  /** The small write: state, the outbox and recent additions, with the history whenever it changed. */
  const storeState = async () => {
    const beside = list.addedToStore();
    try {
      await journal.carriedBy((history) => saveSnapshot(state, alerts.outbox(), beside, history));
    } catch (error) {
      if (beside) list.addedNotStored();
      throw error;
    }
  };
  const persist = throttle(() => void storeState().catch(storageFailed('the state')), PERSIST_INTERVAL_MS, env);
  const rewriteList = throttle(list.request, LIST_INTERVAL_MS, env);
  const publish = throttle(
    () =>
      void monitorViewItem
        .setValue(toMonitorView(state, connection.status(), expiredVersion))
        .catch(storageFailed('the live view')),
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
      const text = notificationText(burst.batch, t, settings.maskPhones);
      return deps.output.show(burst.id, text, silent, [t('alertButtonOpen'), t('alertButtonMute')]);
    },
    isShowing: deps.output.isShowing,
    wait: (ms) => new Promise((resolve) => env.setTimeout(resolve, ms)),
    speak: (batch, followUp, alertId) =>
      deps.output.speak(speechText(batch, translator(), followUp), settings.speech, locale(), (speech, voice, error) =>
        journal.speech(alertId, { speech, voice, speechError: error }),
      ),
    record: journal.record,
    isRecorded: (alertId) => journal.entries().some((entry) => entry.id === alertId),
    recordSpoken: journal.spoken,
    log,
  });

  // The renderer skips the browser calls when the appearance did not change.
  const badge = throttle(
    () =>
      void deps.renderBadge(badgeAppearance(connection.status(), state.totals.totalExpired, translator(), env.now())),
    BADGE_INTERVAL_MS,
    env,
  );

  const changed = () => {
    publish.request();
    badge.request();
  };

  const commit = (next: MonitorState, effects: readonly MonitorEffect[] = []) => {
    if (next === state && effects.length === 0) return;
    const listChanged = next.expired !== state.expired;
    if (listChanged) expiredVersion += 1;
    state = next;
    // The view for open pages and the badge first: neither is kept across a restart, and a first contact's
    // write ahead (the whole snapshot beside the list) would otherwise hold the new counts back.
    changed();
    // Then the alerts: the write ahead of each stores this state with the alert it caused, before any other
    // durable write can store the new users as known without it.
    for (const effect of effects) carryOut(effect);
    if (listChanged) rewriteList.request();
    // Thousands of additions (a first contact, a long absence) are cheaper in the list than beside it.
    if (list.addedCount() > MAX_ADDED_BESIDE_LIST) rewriteList.flush();
    persist.request();
  };

  const carryOut = (effect: MonitorEffect) => {
    if (effect.type === 'remind') return alerts.remind(effect.totalExpired);
    for (const user of effect.users) list.add(user);
    const alerting = withoutIgnored(effect, settings.ignoredUsers);
    if (alerting) alerts.announce(alerting);
  };

  const receive = (text: string) => {
    const result = parseServerMessage(text);
    if (!result.ok) return log(`[protocol] ${describeParseFailure(result)}`);
    const { message, warnings } = result;
    for (const warning of warnings) log(`[protocol] ${message.type}: ${warning}`);
    const reduction = reduce(state, message);
    const pingAt = connection.lastPingAt();
    const next =
      message.type === 'pong' && pingAt !== null
        ? recordRoundTrip(reduction.state, env.now() - pingAt)
        : reduction.state;
    commit(next, reduction.effects);
  };

  const applySettings = (next: Settings) => {
    settings = next;
    if (next.monitoring) connection.start(next.serverUrl);
    else connection.stop();
    changed();
  };

  const ready = (async () => {
    const [snapshot, loaded] = await Promise.all([loadSnapshot(log), loadSettings(), journal.load()]);
    const known = knowingAlerted(snapshot.state, snapshot.pending?.users ?? []);
    state = known.state;
    // Still only beside the list: kept there by the small writes until this worker rewrites the list.
    list.restore(snapshot.committed, [...snapshot.recent, ...known.added]);
    settings = loaded;
    await alerts.restore(snapshot.pending);
    watchSettings(applySettings);
    applySettings(loaded);
  })();

  const sortedUsers = (sort: ExpiredSort) => {
    if (sorted?.version !== expiredVersion || sorted.sort !== sort) {
      sorted = { version: expiredVersion, sort, users: sortExpired(state.expired.values(), sort) };
    }
    return sorted.users;
  };

  /**
   * A page near the top (what the popup and a fresh dashboard ask for) is picked from the list in one scan;
   * only a page further down pays for a whole sort, which is then kept until the list changes.
   */
  const sourceFor = (query: ExpiredQuery): ExpiredSource => {
    const { sort, offset, limit } = expiredQuerySchema.parse(query);
    if (sorted?.version === expiredVersion && sorted.sort === sort) return { sorted: sorted.users };
    if (offset + limit <= SCAN_PAGE_LIMIT) return { unsorted: state.expired.values(), size: state.expired.size };
    return { sorted: sortedUsers(sort) };
  };

  return {
    ready,
    /** Alarm, startup, install: make sure a watched server has a live socket or a pending retry. */
    async revive() {
      await ready;
      connection.ensure();
    },
    async reconnectNow() {
      await ready;
      if (connection.status().phase !== 'off') connection.reconnectNow();
    },
    /** Back online: a waiting connection need not wait out its backoff. */
    async onOnline() {
      await ready;
      if (connection.status().phase === 'waiting') connection.reconnectNow();
    },
    async queryExpired(query: ExpiredQuery) {
      await ready;
      return queryExpired(sourceFor(query), query, expiredVersion, new Set(settings.ignoredUsers));
    },
    async exportCsv(includeTokens: boolean) {
      await ready;
      return toCsv(sortedUsers('newest'), { includeTokens });
    },
    async clearStoredData() {
      await ready;
      alerts.clear();
      journal.clear();
      list.forget();
      commit(initialMonitorState);
      rewriteList.flush();
      persist.flush();
      // A fresh snapshot refills the list; it counts as a first contact again and is summed up.
      if (connection.status().phase !== 'off') connection.reconnectNow();
    },
    /** Settles once every alert so far is shown (speech may still be talking). */
    alertsShown: () => alerts.idle(),
    settings: () => settings,
    locale,
    translator,
  };
};
