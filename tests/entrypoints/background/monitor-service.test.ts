import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSettings } from '../../../platform/settings-store';
import { monitorViewItem } from '../../../platform/storage-items';
import type { JournalEntry } from '../../../utils/alerts';
import { FIRST_SERVER_ID, newServerEntry } from '../../../utils/settings';
import {
  killWorker,
  notificationCentre,
  resetNotificationCentre,
  settle,
  startWorker,
  useFreshBrowser,
} from '../../fakes/background-worker';
import {
  checkCompleted,
  checkProgress,
  checkStarted,
  currentStatus,
  tokenExpired,
  user,
} from '../../fixtures/messages';

/** The users stored beside the list (a JSON string). */
const besideTheList = async () =>
  JSON.parse(String((await fakeBrowser.storage.local.get('expiredAdded')).expiredAdded));

/** A worker that listed user 1, then announced users 2 and 3 (kept beside the list, not yet in it), stopped. */
const stopAfterTwoExpiriesBesideTheList = async () => {
  const first = await startWorker();
  first.server.accept([user(1)]);
  await settle();
  first.server.send(tokenExpired([user(2)]));
  await settle();
  first.server.send(tokenExpired([user(3)]));
  await settle();
  killWorker();
};

useFreshBrowser();

describe('the background worker', () => {
  it('connects to the default server and sums up the first snapshot in one alert', async () => {
    const worker = await startWorker();
    expect(worker.latest().url).toBe('ws://localhost:8765');
    worker.server.accept([user(1), user(2), user(3)]);
    await settle();
    expect(worker.alerts()).toEqual(['已有 3 个 Token 过期']);
    expect(worker.spoken).toEqual(['发现 3 个 Token 过期用户，尾号 0003、0002、0001']);
  });

  it('notificationCentre().shows the first expiry at once, grows the same notification with what follows, and never repeats one', async () => {
    const worker = await startWorker();
    worker.server.accept([]);
    worker.server.send(checkStarted(1));
    worker.server.send(tokenExpired([user(1)]));
    await vi.advanceTimersByTimeAsync(0);
    expect(worker.alerts()).toEqual(['1 个 Token 已过期']);
    worker.server.send(checkProgress(1, 200));
    worker.server.send(tokenExpired([user(2), user(3)]));
    await settle();
    worker.server.send(tokenExpired([user(2)]));
    worker.server.send(currentStatus([user(1), user(2), user(3)]));
    await settle();
    expect(worker.alerts()).toEqual(['3 个 Token 已过期']);
    expect(worker.spoken).toEqual(['发现 1 个 Token 过期用户，尾号 0001', '又有 2 个 Token 过期用户，尾号 0003、0002']);
  });

  it('stays silent about known users after a restart and announces what expired meanwhile', async () => {
    const first = await startWorker();
    first.server.accept([user(1)]);
    first.server.send(tokenExpired([user(2)]));
    await settle();
    expect((await first.announced()).sort()).toEqual(['1', '2']);
    killWorker();

    const second = await startWorker();
    second.server.accept([user(1), user(2), user(5)]);
    await settle();

    expect(second.alerts()).toEqual(['1 个 Token 已过期']);
    expect(second.spoken).toEqual(['发现 1 个 Token 过期用户，尾号 0005']);
  });

  it('never notificationCentre().shows or speaks an alert again in a worker started after it went out', async () => {
    const first = await startWorker();
    first.server.accept([]);
    first.server.send(tokenExpired([user(7)]));
    await vi.advanceTimersByTimeAsync(0);
    expect(first.alerts()).toEqual(['1 个 Token 已过期']);
    killWorker();

    const second = await startWorker();
    second.server.accept([user(7)]);
    await settle();
    expect(second.alerts()).toEqual([]);
    expect(second.spoken).toEqual([]);
  });

  it('notificationCentre().shows an alert stored ahead by a worker stopped before showing it, once, under its own id', async () => {
    const first = await startWorker({ stops: 'before showing' });
    first.server.accept([]);
    first.server.send(tokenExpired([user(7)]));
    await vi.advanceTimersByTimeAsync(0);
    const stored = (await fakeBrowser.storage.local.get('pendingAlert')).pendingAlert as { id: string; shown: number };
    expect(stored.shown).toBe(0);
    expect(notificationCentre().shows).toEqual([]);
    killWorker();

    const second = await startWorker();
    second.server.accept([user(7)]);
    await settle();
    expect(notificationCentre().shows).toEqual([{ id: stored.id, title: '1 个 Token 已过期' }]);
    expect(second.spoken).toEqual(['发现 1 个 Token 过期用户，尾号 0007']);
  });

  it('replaces, never adds, an alert shown by a worker stopped before marking it shown, and does not speak it again', async () => {
    const first = await startWorker({ stops: 'before marking shown' });
    first.server.accept([]);
    first.server.send(tokenExpired([user(7)]));
    await vi.advanceTimersByTimeAsync(0);
    expect(first.spoken).toEqual([]);
    killWorker();

    const second = await startWorker();
    second.server.accept([user(7)]);
    await settle();
    expect(new Set(notificationCentre().shows.map((show) => show.id)).size).toBe(1);
    expect(notificationCentre().screen.size).toBe(1);
    expect(second.spoken).toEqual([]);
  });

  it('never announces again a user the stored alert named, even if the stored state had not caught up', async () => {
    const first = await startWorker();
    first.server.accept([]);
    first.server.send(tokenExpired([user(7)]));
    await settle();
    killWorker();
    // As an older version, or a write cut short, could leave it: the alert names user 7, the state does not.
    await fakeBrowser.storage.local.set({ expiredAdded: [], expiredListManifest: { slot: 'a', parts: 0 } });

    const second = await startWorker();
    second.server.accept([user(7)]);
    await settle();
    expect(second.alerts()).toEqual([]);
    expect((await second.service.queryExpired({})).rows.map((row) => row.user_id)).toEqual(['7']);
  });

  it('records in the history an alert whose history write was cut short after its delivery mark', async () => {
    const first = await startWorker();
    first.server.accept([]);
    first.server.send(tokenExpired([user(7)]));
    await settle();
    killWorker();
    await fakeBrowser.storage.local.set({ alertJournal: [] });

    await startWorker();
    await settle();
    const journal = (await fakeBrowser.storage.local.get('alertJournal')).alertJournal as JournalEntry[];
    expect(journal.map((entry) => entry.users.map((named) => named.user_id))).toEqual([['7']]);
  });

  it('never lets the next alert replace the stored one before the history names the first', async () => {
    // Writes of the history alone never land, as when the worker stops while they wait their turn.
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items) =>
      Object.keys(items).every((key) => key === 'alertJournal') ? new Promise(() => {}) : set(items),
    );
    const first = await startWorker();
    first.server.accept([]);
    first.server.send(tokenExpired([user(7)]));
    await settle();
    first.server.send(tokenExpired([user(8)]));
    await settle();
    killWorker();
    vi.restoreAllMocks();

    await startWorker();
    await settle();
    const journal = (await fakeBrowser.storage.local.get('alertJournal')).alertJournal as JournalEntry[];
    expect(journal.map((entry) => entry.users.map((named) => named.user_id))).toEqual([['8'], ['7']]);
  });

  it('stores the large expired list only when it changes, and at most every 30 s', async () => {
    const worker = await startWorker();
    worker.server.accept([user(1), user(2)]);
    await settle();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const keysWritten = () => set.mock.calls.flatMap(([items]) => Object.keys(items));
    worker.server.send(checkStarted(4));
    for (let current = 10; current <= 400; current += 10) {
      worker.server.send(checkProgress(4, current));
      await vi.advanceTimersByTimeAsync(200);
    }
    worker.server.send(currentStatus([user(1), user(2)]));
    await settle();
    expect(keysWritten()).toContain('monitorSummary');
    expect(keysWritten()).not.toContain('expiredListManifest');

    worker.server.send(tokenExpired([user(3)]));
    await settle();
    worker.server.send(tokenExpired([user(4)]));
    await settle();
    expect(keysWritten()).not.toContain('expiredListManifest');
    expect(await besideTheList()).toEqual([user(3), user(4)]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(keysWritten().filter((key) => key === 'expiredListManifest')).toHaveLength(1);
    expect(await besideTheList()).toEqual([]);
  });

  it('stores the users beside the list again only when they changed', async () => {
    const worker = await startWorker();
    worker.server.accept([user(1)]);
    await settle();
    worker.server.send(tokenExpired([user(2)]));
    await settle();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const besideWrites = () => set.mock.calls.filter(([items]) => 'expiredAdded' in items).length;
    worker.server.send(checkStarted(4));
    for (let current = 1; current <= 4; current += 1) {
      worker.server.send(checkProgress(4, current));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(set.mock.calls.length).toBeGreaterThan(2);
    expect(besideWrites()).toBe(0);
    worker.server.send(tokenExpired([user(3)]));
    await settle();
    expect(besideWrites()).toBeGreaterThan(0);
    expect(await besideTheList()).toEqual([user(2), user(3)]);
  });

  it('restores the list and the expiries announced since its last rewrite', async () => {
    await stopAfterTwoExpiriesBesideTheList();

    const second = await startWorker();
    second.server.accept([user(1), user(2), user(3), user(4)]);
    await settle();
    expect(second.alerts()).toEqual(['1 个 Token 已过期']);
    expect(second.spoken).toEqual(['发现 1 个 Token 过期用户，尾号 0004']);
  });

  it('keeps the expiries announced since the last list rewrite through several worker stops in a row', async () => {
    await stopAfterTwoExpiriesBesideTheList();

    // Hears nothing new, so it never rewrites the list, but it stores its state before it is stopped too.
    const second = await startWorker();
    second.server.accept([user(1), user(2), user(3)]);
    second.server.send(checkStarted(2));
    await settle();
    expect(second.alerts()).toEqual([]);
    killWorker();

    const third = await startWorker();
    third.server.accept([user(1), user(2), user(3), user(4)]);
    await settle();
    expect(third.alerts()).toEqual(['1 个 Token 已过期']);
    expect(third.spoken).toEqual(['发现 1 个 Token 过期用户，尾号 0004']);
  });

  it('survives bad frames with a log line and keeps what it knew', async () => {
    const worker = await startWorker();
    worker.server.accept([user(1)]);
    for (const frame of ['{oops', '[]', '{"type":"reboot"}', '{"type":"current_status","total_expired":"x"}']) {
      worker.server.sendRaw(frame);
    }
    await settle();
    expect(worker.logs.filter((line) => line.startsWith('[protocol] ignored'))).toHaveLength(4);
    const page = await worker.service.queryExpired({});
    expect(page.rows.map((row) => row.user_id)).toEqual(['1']);
  });

  it('keeps the first page newest first through expiries, re-expiries and snapshots', async () => {
    const worker = await startWorker();
    const at = (id: number, minute: number) => user(id, `2025-09-03T09:${String(minute).padStart(2, '0')}:00.000000`);
    worker.server.accept([at(1, 10), at(2, 20), at(3, 30)]);
    await settle();
    const firstPage = async () => (await worker.service.queryExpired({ limit: 3 })).rows.map((row) => row.user_id);
    expect(await firstPage()).toEqual(['3', '2', '1']);
    worker.server.send(tokenExpired([at(4, 40), at(1, 50)]));
    await settle();
    expect(await firstPage()).toEqual(['1', '4', '3']);
    // Renewed users leave with the next snapshot.
    worker.server.send(currentStatus([at(2, 20), at(3, 30)]));
    await settle();
    expect(await firstPage()).toEqual(['3', '2']);
    expect((await worker.service.queryExpired({})).total).toBe(2);
  });

  it('reads the legacy field and logs that it did', async () => {
    const worker = await startWorker();
    worker.server.accept([]);
    worker.server.sendRaw(JSON.stringify({ type: 'token_expired', new_expired_users: [user(4)] }));
    await settle();
    expect(await worker.announced()).toEqual(['4']);
    expect(worker.logs).toContain('[protocol] token_expired: read the legacy field new_expired_users');
  });

  it('notificationCentre().shows the expired count on the badge and publishes the live view', async () => {
    const worker = await startWorker();
    worker.server.accept([user(1), user(2)]);
    worker.server.send(checkStarted(3));
    worker.server.send(checkProgress(3, 41, 410));
    await settle();
    expect(worker.badges.at(-1)).toMatchObject({ text: '2', color: '#d93025' });
    const view = await monitorViewItem.getValue();
    expect(view).toMatchObject({
      connection: { phase: 'open' },
      round: { round: 3, current: 41, total: 410, percentage: 10 },
      expiredCount: 2,
    });
  });

  it('keeps the badge current under a flood of expiries, redrawing it at most ten times a second', async () => {
    const worker = await startWorker();
    worker.server.accept([]);
    await settle();
    const before = worker.badges.length;
    for (let id = 1; id <= 50; id++) worker.server.send(tokenExpired([user(id)]));
    await vi.advanceTimersByTimeAsync(100);
    expect(worker.badges.length - before).toBeLessThanOrEqual(2);
    expect(worker.badges.at(-1)?.text).toBe('50');
  });

  it('notificationCentre().shows a grey badge while the server is away', async () => {
    const worker = await startWorker();
    worker.latest().drop();
    // Redrawn at most ten times a second: the drop notificationCentre().shows within that.
    await vi.advanceTimersByTimeAsync(100);
    expect(worker.badges.at(-1)).toMatchObject({ text: '!', color: '#80868b' });
    expect(worker.badges.at(-1)?.title).toMatch(/无法连接 ws:\/\/localhost:8765。1 秒后重试/);
  });

  it('reconnects at once when the browser comes back online', async () => {
    const worker = await startWorker();
    worker.server.accept([]);
    for (let failure = 0; failure < 4; failure++) {
      worker.latest().drop();
      await vi.runOnlyPendingTimersAsync();
    }
    worker.latest().drop();
    const sockets = worker.sockets.length;
    await worker.service.onOnline();
    expect(worker.sockets).toHaveLength(sockets + 1);
  });

  it('moves to a new server URL as soon as the setting changes', async () => {
    const worker = await startWorker();
    worker.server.accept([]);
    await saveSettings({ servers: [newServerEntry(FIRST_SERVER_ID, 'wss://monitor.example.com/ws')] });
    await settle();
    expect(worker.sockets.map((socket) => socket.url)).toEqual(['ws://localhost:8765', 'wss://monitor.example.com/ws']);
  });

  it('hands a round that ends with expired tokens to the reminder policy', async () => {
    const worker = await startWorker();
    await saveSettings({ remindEveryRound: true });
    worker.server.accept([user(1)]);
    await settle();
    worker.server.send(checkCompleted(2, { total_expired: 1 }));
    await settle();
    expect(worker.alerts()).toEqual(['已有 1 个 Token 过期', '仍有 1 个 Token 过期']);
  });

  it('forgets everything on request and sums up the next snapshot again', async () => {
    const worker = await startWorker();
    worker.server.accept([user(1)]);
    await settle();
    await worker.service.clearStoredData();
    expect((await worker.service.queryExpired({})).total).toBe(0);
    worker.server.accept([user(1)]);
    await settle();
    expect(worker.alerts()).toEqual(['已有 1 个 Token 过期', '已有 1 个 Token 过期']);
  });
});

describe('the stored expired list', () => {
  const many = (count: number) => Array.from({ length: count }, (_, index) => user(index + 1));
  const stored = async () => fakeBrowser.storage.local.get(null);

  it('is written in parts of 10,000 users and read back whole by the next worker', async () => {
    const first = await startWorker();
    first.server.accept(many(25_000));
    await settle();
    const keys = Object.keys(await stored());
    expect(keys.filter((key) => key.startsWith('expiredList:')).sort()).toEqual([
      'expiredList:a:0',
      'expiredList:a:1',
      'expiredList:a:2',
    ]);
    killWorker();

    const second = await startWorker();
    second.server.accept(many(25_001));
    await settle();
    expect(second.alerts()).toEqual(['1 个 Token 已过期']);
    expect((await second.service.queryExpired({})).total).toBe(25_001);
  });

  it('moves to the other slot on each rewrite and frees the one it left', async () => {
    const worker = await startWorker();
    worker.server.accept([user(1)]);
    await settle();
    worker.server.send(tokenExpired([user(2)]));
    await vi.advanceTimersByTimeAsync(30_000);
    const keys = await stored();
    expect(keys.expiredListManifest).toEqual({ slot: 'b', parts: 1 });
    expect(Object.keys(keys).filter((key) => key.startsWith('expiredList:'))).toEqual(['expiredList:b:0']);
  });

  it('upgrades a list stored whole by an older version without announcing it again, then removes it', async () => {
    await stopAfterTwoExpiriesBesideTheList();
    // What an older version left: the same state, the list as one string under one key, and the users
    // beside it as an array.
    const { expiredListManifest: _, 'expiredList:a:0': part, ...older } = await stored();
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.local.set({ ...older, expiredUsers: part, expiredAdded: [user(2), user(3)] });

    const worker = await startWorker();
    worker.server.accept([user(1), user(2), user(3), user(4)]);
    await settle();
    expect(worker.alerts()).toEqual(['1 个 Token 已过期']);
    expect(worker.spoken).toEqual(['发现 1 个 Token 过期用户，尾号 0004']);
    expect(await stored()).not.toHaveProperty('expiredUsers');
  });

  it('keeps the committed list and every user it lacks when the worker stops halfway through a rewrite', async () => {
    const first = await startWorker();
    first.server.accept(many(15_000));
    await settle();
    // The next rewrite's second part never lands: the worker is stopped while it waits.
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const hanging = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockImplementation((items) => ('expiredList:b:1' in items ? new Promise(() => {}) : set(items)));
    first.server.send(tokenExpired([user(15_001)]));
    await vi.advanceTimersByTimeAsync(30_000);
    first.server.send(tokenExpired([user(15_002)]));
    await settle();
    hanging.mockRestore();
    killWorker();

    const second = await startWorker();
    second.server.accept([...many(15_002), user(15_003)]);
    await settle();
    expect(second.alerts()).toEqual(['1 个 Token 已过期']);
    expect(second.spoken).toEqual(['发现 1 个 Token 过期用户，尾号 5003']);
  });
});

describe('the background worker against broken storage', () => {
  const GARBAGE: Record<string, unknown[]> = {
    monitorSummary: [42, 'not a summary', { hasSnapshot: 'yes' }, JSON.parse('{"__proto__": {"hasSnapshot": true}}')],
    expiredUsers: ['{not json', '{"user_id": 1}', '[{"user_id": {}}]', 7],
    expiredListManifest: [42, { slot: 'c', parts: 1 }, { slot: 'a', parts: -1 }, { slot: 'b', parts: 2 }],
    expiredAdded: ['nope', [{ user_id: null }], { length: 3 }],
    pendingAlert: ['alert', { id: 3, batch: [] }, [null]],
    alertJournal: [{ entries: [] }, [{ id: 1 }], 'history'],
  };

  for (const [key, values] of Object.entries(GARBAGE)) {
    it(`logs a corrupt or foreign value under ${key}, starts from what it can read, and keeps alerting`, async () => {
      for (const value of values) {
        fakeBrowser.reset();
        resetNotificationCentre();
        await fakeBrowser.storage.local.set({ [key]: value });
        const worker = await startWorker();
        worker.server.accept([user(1)]);
        await settle();
        worker.server.send(tokenExpired([user(2)]));
        await settle();
        expect(worker.alerts().at(-1), `${key} = ${JSON.stringify(value)}`).toBe('1 个 Token 已过期');
        expect(worker.logs.join('\n'), `${key} = ${JSON.stringify(value)}`).toMatch(/invalid|not JSON|dropped/);
        killWorker();
      }
    });
  }

  it('repairs corrupt settings with defaults and keeps alerting', async () => {
    await fakeBrowser.storage.sync.set({ settings: { serverUrl: 12, speech: 'loud', notifications: 'maybe' } });
    const worker = await startWorker();
    expect(worker.latest().url).toBe('ws://localhost:8765');
    worker.server.accept([]);
    worker.server.send(tokenExpired([user(3)]));
    await settle();
    expect(worker.alerts()).toEqual(['1 个 Token 已过期']);
  });

  it('keeps alerting when storage is full, logs it, and lets the older half of the history go', async () => {
    const worker = await startWorker();
    worker.server.accept([]);
    for (let id = 1; id <= 4; id++) {
      worker.server.send(tokenExpired([user(id)]));
      await settle();
    }
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      const journal = (items as { alertJournal?: unknown[] }).alertJournal;
      if ('monitorSummary' in items || (journal && journal.length > 2)) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    worker.server.send(tokenExpired([user(9)]));
    await settle();
    expect(worker.alerts().at(-1)).toBe('1 个 Token 已过期');
    expect(worker.spoken.at(-1)).toBe('发现 1 个 Token 过期用户，尾号 0009');
    expect(worker.logs.join('\n')).toMatch(/\[alert\] storing ahead failed: Error: QUOTA_BYTES/);
    expect(worker.logs.join('\n')).toMatch(/keeping the newest 2 alerts/);
    const journal = (await fakeBrowser.storage.local.get('alertJournal')).alertJournal as JournalEntry[];
    expect(journal.map((entry) => entry.users[0]?.user_id)).toEqual(['9', '4']);
  });
});

describe('the background worker and ignored users', () => {
  it('lists an ignored user, dimmed, but never alerts for them', async () => {
    await saveSettings({ ignoredUsers: ['2'] });
    const worker = await startWorker();
    worker.server.accept([]);
    worker.server.send(tokenExpired([user(2)]));
    await settle();
    expect(worker.alerts()).toEqual([]);
    expect(worker.spoken).toEqual([]);
    worker.server.send(tokenExpired([user(2, '2025-09-05T00:00:00.000000'), user(3)]));
    await settle();
    expect(worker.alerts()).toEqual(['1 个 Token 已过期']);
    expect(worker.spoken).toEqual(['发现 1 个 Token 过期用户，尾号 0003']);
    const page = await worker.service.queryExpired({ sort: 'user' });
    expect(page.rows.map((row) => [row.user_id, row.ignored])).toEqual([
      ['2', true],
      ['3', false],
    ]);
  });
});
