import type { Worker } from 'playwright-core';
import type { WireExpiredUser } from '../simulator/messages.ts';
import { tokenExpiredFrame } from '../simulator/messages.ts';
import type { Simulator } from '../simulator/server.ts';
import { formatTimestamp } from '../simulator/timestamps.ts';
import { TokenModel } from '../simulator/token-model.ts';
import type { ExtensionBrowser } from '../tests/e2e/harness/extension-browser.ts';
import { monitorView, setSettings, waitFor } from '../tests/e2e/harness/extension-probes.ts';
import { withBrowser, withQuietSimulator } from './browser.ts';
import { roundFrames } from './frames.ts';
import { sleep } from './measure.ts';
import { type CreateCall, createCalls, hookNotifications } from './notification-hook.ts';
import { wallNow, workerClockOffset } from './worker-clock.ts';

// Server send → chrome.notifications.create in the worker, for single expiries sent (q) with nothing else
// going on, (a) inside a flood of progress frames and (b) while the worker ingests a 100,000-user
// current_status. Each expiry names one new
// user and comes more than the alert's coalescing window (1.5 s, utils/alerts/alert-batch.ts) after the
// last, so each opens an alert of its own and is shown on the leading edge.

const EXPIRED = 100_000;
const POPULATION = 300_000;
export const FLOOD_PER_SECOND = 5_000;
const FLOOD_ALERTS = 20;
const FLOOD_SPACING_MS = 2_000;
/** Offsets of the expiry after the snapshot was sent: the transfer, the parse and the reduce all get hit. */
const SNAPSHOT_OFFSETS_MS = [0, 150, 300, 450, 600, 750];
const SNAPSHOT_ALERTS = 12;
const SNAPSHOT_SPACING_MS = 3_000;
/** An expiry whose notification has not come this long after the last send counts as never shown. */
const SETTLE_MS = 5_000;
const FLOOD_TICK_MS = 5;
const QUIET_ALERTS = 20;

export interface AlertSample {
  phone: string;
  /** Wall-clock ms of the send, this process's clock. */
  sentAt: number;
  /** Send to create, in ms, on the worker's clock corrected by the measured offset; null if never shown. */
  latencyMs: number | null;
  /** (b) only: how long after the snapshot the expiry was sent. */
  offsetMs?: number;
}

export interface AlertRun {
  samples: AlertSample[];
  /** (a) only: frames per second the flood actually went out at, and how long the worker took after it to catch up. */
  sentPerSecond?: number;
  drainMs?: number | null;
}

export interface AlertLatencyResults {
  clockOffsetMs: number;
  clockRoundTripMs: number;
  quiet: AlertRun;
  flood: AlertRun;
  snapshot: AlertRun;
}

const alertUser = (round: number, index: number): WireExpiredUser => ({
  user_id: String(20_000_000 + round * 100_000 + index),
  phone: `137${String(round * 100_000 + index).padStart(8, '0')}`,
  token: `${index.toString(36).padStart(6, '0')}...`,
  expired_time: formatTimestamp(Date.now()),
});

/**
 * Sends one token_expired naming one new user; returns what to match its notification by. `announced`
 * keeps every user sent, as the server's own list would: its repeated snapshots list them.
 */
const sendExpiry = (simulator: Simulator, user: WireExpiredUser, announced: WireExpiredUser[], round: number) => {
  const frame = JSON.stringify(tokenExpiredFrame([user], EXPIRED + announced.length + 1, round, user.expired_time));
  const sentAt = wallNow();
  simulator.broadcastRaw(frame);
  announced.push(user);
  return { phone: user.phone, sentAt };
};

/** The first create call that names the phone (masking is off in these runs), on this process's clock. */
const matchCalls = (sent: Omit<AlertSample, 'latencyMs'>[], calls: CreateCall[], offsetMs: number): AlertSample[] =>
  sent.map((sample) => {
    const call = calls.find((candidate) => candidate.text.includes(sample.phone));
    return { ...sample, latencyMs: call ? call.at - offsetMs - sample.sentAt : null };
  });

// ---- (q) nothing else going on -------------------------------------------------------------------------

/** The leading edge itself: one expiry every FLOOD_SPACING_MS and nothing else on the socket. */
const whenQuiet = async (
  simulator: Simulator,
  worker: Worker,
  offsetMs: number,
  announced: WireExpiredUser[],
): Promise<AlertRun> => {
  const round = 40;
  const sent: Omit<AlertSample, 'latencyMs'>[] = [];
  for (let index = 0; index < QUIET_ALERTS; index++) {
    sent.push(sendExpiry(simulator, alertUser(round, index), announced, round));
    await sleep(FLOOD_SPACING_MS);
  }
  await sleep(SETTLE_MS);
  return { samples: matchCalls(sent, await createCalls(worker), offsetMs) };
};

// ---- (a) under a flood of progress frames ---------------------------------------------------------------

/**
 * Progress frames paced at FLOOD_PER_SECOND from a 5 ms timer (each tick sends what is due by then), with
 * an expiry every FLOOD_SPACING_MS. Returns the expiries sent and the rate the flood really went out at.
 */
const pacedFlood = (simulator: Simulator, round: number, announced: WireExpiredUser[]) =>
  new Promise<{ sent: Omit<AlertSample, 'latencyMs'>[]; sentPerSecond: number; lastCurrent: number }>((resolve) => {
    const durationMs = FLOOD_ALERTS * FLOOD_SPACING_MS;
    const batch = roundFrames({ count: (FLOOD_PER_SECOND * durationMs) / 1000, round });
    const sent: Omit<AlertSample, 'latencyMs'>[] = [];
    const started = wallNow();
    let frames = 0;
    const timer = setInterval(() => {
      const elapsed = wallNow() - started;
      const due = Math.min(batch.frames.length, Math.floor((elapsed * FLOOD_PER_SECOND) / 1000));
      while (frames < due) simulator.broadcastRaw(batch.frames[frames++] ?? '');
      if (sent.length < FLOOD_ALERTS && elapsed >= (sent.length + 0.5) * FLOOD_SPACING_MS) {
        sent.push(sendExpiry(simulator, alertUser(round, sent.length), announced, round));
      }
      if (frames < batch.frames.length || sent.length < FLOOD_ALERTS) return;
      clearInterval(timer);
      resolve({ sent, sentPerSecond: frames / ((wallNow() - started) / 1000), lastCurrent: batch.lastCurrent });
    }, FLOOD_TICK_MS);
  });

const underFlood = async (
  browser: ExtensionBrowser,
  simulator: Simulator,
  worker: Worker,
  offsetMs: number,
  announced: WireExpiredUser[],
) => {
  const round = 50;
  const { sent, sentPerSecond, lastCurrent } = await pacedFlood(simulator, round, announced);
  const floodEnd = wallNow();
  // How far behind the worker was when the flood stopped: until its view shows the last progress frame.
  const caughtUp = await waitFor(
    () => monitorView(browser),
    (view) => view?.round?.round === round && view.round.current === lastCurrent,
    { timeout: 60_000, interval: 50, what: 'the worker through the flood' },
  )
    .then(() => wallNow() - floodEnd)
    .catch(() => null);
  await sleep(SETTLE_MS);
  return { samples: matchCalls(sent, await createCalls(worker), offsetMs), sentPerSecond, drainMs: caughtUp };
};

// ---- (b) while a 100,000-user snapshot is being ingested ------------------------------------------------

/**
 * The server repeats its full current_status (every 30 s by default); the repeat lists every user announced
 * since, as the server's own would. The frame is built before the clock starts.
 */
const duringSnapshots = async (
  simulator: Simulator,
  worker: Worker,
  offsetMs: number,
  announced: WireExpiredUser[],
): Promise<AlertRun> => {
  const round = 60;
  const status = TokenModel.restore(simulator.snapshot()).currentStatus(false);
  const sent: Omit<AlertSample, 'latencyMs'>[] = [];
  for (let index = 0; index < SNAPSHOT_ALERTS; index++) {
    const offset = SNAPSHOT_OFFSETS_MS[index % SNAPSHOT_OFFSETS_MS.length] ?? 0;
    const users = [...status.expired_users, ...announced];
    const snapshot = JSON.stringify({ ...status, total_expired: users.length, expired_users: users });
    const user = alertUser(round, index);
    const snapshotAt = wallNow();
    simulator.broadcastRaw(snapshot);
    await sleep(offset - (wallNow() - snapshotAt));
    sent.push({ ...sendExpiry(simulator, user, announced, round), offsetMs: offset });
    await sleep(SNAPSHOT_SPACING_MS - offset);
  }
  await sleep(SETTLE_MS);
  return { samples: matchCalls(sent, await createCalls(worker), offsetMs) };
};

// ---- the section ---------------------------------------------------------------------------------------

/** Connects a fresh extension (phones unmasked, so a notification names its user) and waits for the whole list. */
const connect = async (browser: ExtensionBrowser, simulator: Simulator) => {
  await setSettings(browser, { maskPhones: false, serverUrl: simulator.url, monitoring: true });
  await waitFor(
    () => monitorView(browser),
    (view) => view?.connection.phase === 'open' && view.expiredCount === EXPIRED,
    { timeout: 90_000, interval: 100, what: `view showing ${EXPIRED} expired` },
  );
  // The first snapshot's summary alert and the list's first write settle before anything is timed.
  await sleep(3_000);
};

export const measureAlertLatency = (log: (line: string) => void): Promise<AlertLatencyResults> =>
  withQuietSimulator({ users: POPULATION, initialExpired: EXPIRED }, (simulator) =>
    withBrowser(
      async (browser) => {
        const worker = await browser.serviceWorker();
        await hookNotifications(worker);
        await connect(browser, simulator);
        const clock = await workerClockOffset(worker);
        log(
          `  worker clock ${clock.offsetMs.toFixed(2)} ms ahead (probe round trip ${clock.roundTripMs.toFixed(1)} ms)`,
        );
        const announced: WireExpiredUser[] = [];
        const quiet = await whenQuiet(simulator, worker, clock.offsetMs, announced);
        log(`  (q) quiet: ${summary(quiet.samples)}`);
        const flood = await underFlood(browser, simulator, worker, clock.offsetMs, announced);
        log(`  (a) flood at ${Math.round(flood.sentPerSecond)} frames/s: ${summary(flood.samples)}`);
        const snapshot = await duringSnapshots(simulator, worker, clock.offsetMs, announced);
        log(`  (b) during snapshots: ${summary(snapshot.samples)}`);
        return { clockOffsetMs: clock.offsetMs, clockRoundTripMs: clock.roundTripMs, quiet, flood, snapshot };
      },
      { waitForWorker: true },
    ),
  );

const summary = (samples: AlertSample[]) =>
  samples.map((sample) => (sample.latencyMs === null ? 'none' : sample.latencyMs.toFixed(0))).join(', ');
