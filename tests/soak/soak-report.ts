import type { JournalEntry } from '../../utils/alerts';
import type { ObservedCall } from '../e2e/harness/alert-observer';

/** One (user_id, expired_time) the server wrote to the extension's socket, and when (epoch ms). */
export interface TruthPair {
  user_id: string;
  expired_time: string;
  at: number;
}

export interface SoakObservation {
  truth: readonly TruthPair[];
  /** The extension's alert history at the end: which users each alert (notification id) named. */
  journal: readonly JournalEntry[];
  /** Every notification and utterance call the instrumented workers made. */
  calls: readonly ObservedCall[];
  badgeText: string;
  totalExpired: number;
}

const key = (pair: { user_id: string; expired_time: string }) => `${pair.user_id}@${pair.expired_time}`;

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? null : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null);

/** The badge's text for a count, as the extension writes it. */
const badgeFor = (count: number) => (count === 0 ? '' : count > 999 ? '999+' : String(count));

/** How many users an utterance tells of: "发现 3 个…", "又有 1 个…"; a reminder tells of none. */
export const usersSpokenOf = (text: string) => {
  const match = /(?:发现|又有) (\d+) 个/.exec(text);
  return match ? Number(match[1]) : 0;
};

/**
 * What the soak found: each pair the server made known must be named by exactly one alert the user was
 * shown; nothing may be announced that the server never said; the badge must end at the server's total.
 */
export const soakReport = ({ truth, journal, calls, badgeText, totalExpired }: SoakObservation) => {
  const known = new Set(truth.map(key));
  const alertsNaming = new Map<string, string[]>();
  for (const entry of journal) {
    for (const user of entry.users) alertsNaming.set(key(user), [...(alertsNaming.get(key(user)) ?? []), entry.id]);
  }
  const notifyCalls = calls.filter((call) => call.kind === 'notify');
  const shownIds = new Set(notifyCalls.map((call) => call.id));
  const missed = truth.filter((pair) => !alertsNaming.has(key(pair))).map(key);
  const repeated = [...alertsNaming].filter(([, ids]) => ids.length > 1).map(([pair, ids]) => ({ pair, ids }));
  const phantom = [...alertsNaming.keys()].filter((pair) => !known.has(pair));
  const latencies = truth
    .flatMap((pair) => {
      const id = alertsNaming.get(key(pair))?.[0];
      const shown = notifyCalls.find((call) => call.id === id && call.at >= pair.at);
      return shown ? [shown.at - pair.at] : [];
    })
    .sort((a, b) => a - b);
  const spokenUsers = calls
    .filter((call) => call.kind === 'speak')
    .reduce((sum, call) => sum + usersSpokenOf(call.text ?? ''), 0);
  const announcedUsers = journal
    .filter((entry) => entry.kind !== 'reminder' && entry.speech !== 'off')
    .reduce((sum, entry) => sum + entry.count, 0);
  return {
    expiries: truth.length,
    alerts: journal.length,
    notifications: shownIds.size,
    notificationCalls: notifyCalls.length,
    /** Alerts in the history whose notification no instrumented worker was seen to show. */
    unobservedAlerts: journal.filter((entry) => entry.notified && !shownIds.has(entry.id)).map((entry) => entry.id),
    missed,
    repeated,
    phantom,
    badge: { text: badgeText, expected: badgeFor(totalExpired), ok: badgeText === badgeFor(totalExpired) },
    latencyMs: {
      measured: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? null,
    },
    speech: { utterances: calls.filter((call) => call.kind === 'speak').length, spokenUsers, announcedUsers },
  };
};

export type SoakReport = ReturnType<typeof soakReport>;

/** The promise kept: nothing missed, nothing repeated, nothing invented, the badge right, speech never twice. */
export const soakPassed = (report: SoakReport) =>
  report.missed.length === 0 &&
  report.repeated.length === 0 &&
  report.phantom.length === 0 &&
  report.badge.ok &&
  report.speech.spokenUsers <= report.speech.announcedUsers;
