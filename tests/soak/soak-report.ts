import type { JournalEntry } from '../../utils/alerts';

/** One (user_id, expired_time) the server wrote to the extension's socket, and when (epoch ms). */
export interface TruthPair {
  user_id: string;
  expired_time: string;
  at: number;
  /**
   * A client had it in hand: it went out on a socket still open a second later. One that went out only on
   * sockets that closed at once (the worker stopped, the browser restarting) and was renewed before any later
   * status could carry it again reached no live extension, and no extension could announce it.
   */
  heard: boolean;
}

export interface SoakObservation {
  truth: readonly TruthPair[];
  /** The extension's alert history at the end: which users each alert (notification id) named. */
  journal: readonly JournalEntry[];
  /** Every notification id seen in the notification centre, with when it was first seen (epoch ms). */
  screen: ReadonlyMap<string, number>;
  badgeText: string;
  totalExpired: number;
}

const key = (pair: { user_id: string; expired_time: string }) => `${pair.user_id}@${pair.expired_time}`;

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? null : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null);

/** The badge's text for a count, as the extension writes it. */
export const badgeFor = (count: number) => (count === 0 ? '' : count > 999 ? '999+' : String(count));

/**
 * What the soak found: each pair the server made known must be named by exactly one alert, every alert must
 * have been on screen and every notification on screen must be an alert of the history; nothing may be
 * announced that the server never said, no user spoken twice, and the badge must end at the server's total.
 */
export const soakReport = ({ truth, journal, screen, badgeText, totalExpired }: SoakObservation) => {
  const known = new Set(truth.map(key));
  const alertsNaming = new Map<string, string[]>();
  for (const entry of journal) {
    for (const user of entry.users) alertsNaming.set(key(user), [...(alertsNaming.get(key(user)) ?? []), entry.id]);
  }
  const recorded = new Set(journal.map((entry) => entry.id));
  const openers = new Map(journal.map((entry) => [entry.id, entry.users[0] && key(entry.users[0])]));
  // The first expiry of each alert, from the server's write to the notification centre.
  const latencies = truth
    .flatMap((pair) => {
      const id = alertsNaming.get(key(pair))?.[0];
      const seen = id === undefined ? undefined : screen.get(id);
      return id !== undefined && openers.get(id) === key(pair) && seen !== undefined ? [seen - pair.at] : [];
    })
    .sort((a, b) => a - b);
  const spokenAlerts = journal.filter((entry) => entry.kind !== 'reminder' && entry.speech !== 'off');
  return {
    expiries: truth.length,
    alerts: journal.length,
    missed: truth.filter((pair) => pair.heard && !alertsNaming.has(key(pair))).map(key),
    /** Never heard (see TruthPair.heard) and so never announced: reported, not held against the extension. */
    lostInFlight: truth.filter((pair) => !pair.heard && !alertsNaming.has(key(pair))).map(key),
    repeated: [...alertsNaming].filter(([, ids]) => ids.length > 1).map(([pair, ids]) => ({ pair, ids })),
    phantom: [...alertsNaming.keys()].filter((pair) => !known.has(pair)),
    /** Alerts recorded as shown whose notification never reached the notification centre. */
    unshown: journal.filter((entry) => entry.notified && !screen.has(entry.id)).map((entry) => entry.id),
    /** Notifications on screen that no alert of the history accounts for. */
    unrecorded: [...screen.keys()].filter((id) => !recorded.has(id)),
    badge: { text: badgeText, expected: badgeFor(totalExpired), ok: badgeText === badgeFor(totalExpired) },
    latencyMs: {
      measured: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? null,
    },
    speech: {
      spokenUsers: spokenAlerts.reduce((sum, entry) => sum + entry.spoken, 0),
      announcedUsers: spokenAlerts.reduce((sum, entry) => sum + entry.count, 0),
      /** Alerts whose utterances told of more users than the alert named: someone was said twice. */
      saidTwice: journal.filter((entry) => entry.spoken > entry.count).map((entry) => entry.id),
    },
  };
};

export type SoakReport = ReturnType<typeof soakReport>;

/** The promise kept: nothing missed, repeated or invented, everything on screen accounted for, the badge right. */
export const soakPassed = (report: SoakReport) =>
  report.missed.length === 0 &&
  report.repeated.length === 0 &&
  report.phantom.length === 0 &&
  report.unshown.length === 0 &&
  report.unrecorded.length === 0 &&
  report.speech.saidTwice.length === 0 &&
  report.badge.ok;
