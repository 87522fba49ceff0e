import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSettings } from '../../../platform/settings-store';
import { monitorViewItem, settingsItem } from '../../../platform/storage-items';
import type { JournalEntry } from '../../../utils/alerts';
import { FIRST_SERVER_ID, newServerEntry, type ServerEntry } from '../../../utils/settings';
import { killWorker, notificationCentre, settle, startWorker, useFreshBrowser } from '../../fakes/background-worker';
import { currentStatus, tokenExpired, user } from '../../fixtures/messages';

const PROD = 'ws://prod.example:8765';
const STAGING = 'ws://staging.example:8765';
const prod = newServerEntry(FIRST_SERVER_ID, PROD, '生产');
const staging = newServerEntry('staging', STAGING, '测试');

const watch = (...servers: ServerEntry[]) => settingsItem.setValue({ servers });

/** Who the alert history names, as server/user_id. */
const named = async () => {
  const journal = (await fakeBrowser.storage.local.get('alertJournal')).alertJournal as JournalEntry[];
  return journal.flatMap((entry) => entry.users.map((user) => `${user.server}/${user.user_id}`)).sort();
};

/** A worker watching both servers, each connected with the users it lists. */
const bothConnected = async (onProd = [user(1)], onStaging = [user(1)]) => {
  await watch(prod, staging);
  const worker = await startWorker();
  worker.serverAt(PROD).accept(onProd);
  worker.serverAt(STAGING).accept(onStaging);
  await settle();
  return worker;
};

useFreshBrowser();

describe('a worker watching several servers', () => {
  it('opens one socket per enabled server and none to one turned off', async () => {
    await watch(prod, staging, { ...newServerEntry('off', 'ws://off.example:8765', '停用'), enabled: false });
    const worker = await startWorker();
    expect(worker.live().map((socket) => socket.url)).toEqual([PROD, STAGING]);
  });

  it('announces the same user_id on two servers as two users, each once', async () => {
    const worker = await bothConnected([], []);
    worker.serverAt(PROD).send(tokenExpired([user(5)]));
    worker.serverAt(STAGING).send(tokenExpired([user(5)]));
    await settle();
    worker.serverAt(PROD).send(currentStatus([user(5)]));
    worker.serverAt(STAGING).send(currentStatus([user(5)]));
    await settle();
    expect(await named()).toEqual(['default/5', 'staging/5']);
  });

  it('tells expiries from both servers arriving together in one notification and one utterance naming each', async () => {
    const worker = await bothConnected([], []);
    worker.serverAt(PROD).send(tokenExpired([user(1), user(2), user(3)]));
    worker.serverAt(STAGING).send(tokenExpired([user(9)]));
    await settle();
    const [shown] = notificationCentre().screen.values();
    expect(notificationCentre().screen.size).toBe(1);
    expect(shown?.title).toBe('4 个 Token 已过期');
    expect(shown?.message.split('\n')[0]).toBe('生产 3 个，测试 1 个');
    expect(worker.spoken[0]).toMatch(/^生产 3 个，测试 1 个 Token 过期/);
  });

  it('counts every server on the badge and names the one that is not connected', async () => {
    const worker = await bothConnected([user(1), user(2)], [user(3)]);
    expect(worker.badges.at(-1)).toMatchObject({ text: '3', color: '#d93025' });
    worker
      .live()
      .find((socket) => socket.url === STAGING)
      ?.drop();
    await settle();
    const badge = worker.badges.at(-1);
    expect(badge).toMatchObject({ text: '3', color: '#80868b' });
    expect(badge?.title).toContain('测试: ');
    expect(badge?.title).not.toContain('生产: ');
  });

  it('keeps announcing from one server while the other is down', async () => {
    const worker = await bothConnected([], []);
    worker
      .live()
      .find((socket) => socket.url === STAGING)
      ?.drop();
    await settle();
    worker.serverAt(PROD).send(tokenExpired([user(4)]));
    await vi.advanceTimersByTimeAsync(0);
    expect(worker.alerts()).toContain('1 个 Token 已过期');
  });

  it('stores only the server whose state changed, with the alert', async () => {
    const worker = await bothConnected([], []);
    const written: string[] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) => written.push(...Object.keys(changes)));
    worker.serverAt(STAGING).send(tokenExpired([user(6)]));
    await settle();
    expect(written).toContain('server:staging:monitorSummary');
    expect(written).toContain('pendingAlert');
    expect(written).not.toContain('monitorSummary');
  });

  it('publishes each server at a glance beside the totals of all', async () => {
    await bothConnected([user(1), user(2)], [user(3)]);
    const view = await monitorViewItem.getValue();
    expect(view?.totals.totalExpired).toBe(3);
    expect(view?.servers.map((server) => [server.label, server.totalExpired, server.connection.phase])).toEqual([
      ['生产', 2, 'open'],
      ['测试', 1, 'open'],
    ]);
  });

  it('lists both servers’ users together or one server’s alone, each row naming its server', async () => {
    const worker = await bothConnected([user(1), user(2)], [user(1)]);
    const all = await worker.service.queryExpired({});
    expect(all.rows.map((row) => `${row.server}/${row.user_id}`).sort()).toEqual([
      'default/1',
      'default/2',
      'staging/1',
    ]);
    const one = await worker.service.queryExpired({ server: 'staging' });
    expect(one.rows.map((row) => row.user_id)).toEqual(['1']);
    const csv = await worker.service.exportCsv(false);
    expect(
      csv
        .split('\r\n')
        .slice(1, 4)
        .map((line) => line.split(',')[0]),
    ).toEqual(['生产', '生产', '测试']);
  });

  it('remembers each server’s list across a worker restart and announces nothing again', async () => {
    const first = await bothConnected([user(1)], [user(2)]);
    first.serverAt(STAGING).send(tokenExpired([user(3)]));
    await settle();
    const before = await named();
    killWorker();
    const second = await startWorker();
    second.serverAt(PROD).accept([user(1)]);
    second.serverAt(STAGING).accept([user(2), user(3)]);
    await settle();
    expect(second.alerts()).toEqual([]);
    expect(await named()).toEqual(before);
  });

  it('stays quiet about a server whose notifications and speech are both off, and still lists its users', async () => {
    await watch(prod, { ...staging, notifications: false, speech: false });
    const worker = await startWorker();
    worker.serverAt(PROD).accept([]);
    worker.serverAt(STAGING).accept([]);
    await settle();
    worker.serverAt(STAGING).send(tokenExpired([user(8)]));
    await settle();
    expect(worker.alerts()).toEqual([]);
    expect((await worker.service.queryExpired({ server: 'staging' })).rows.map((row) => row.user_id)).toEqual(['8']);
  });

  it('closes the socket of a server removed from the list and forgets what it stored', async () => {
    const worker = await bothConnected([user(1)], [user(2)]);
    await vi.advanceTimersByTimeAsync(31_000);
    const stagingKeys = async () =>
      Object.keys(await fakeBrowser.storage.local.get()).filter((key) => key.startsWith('server:staging:'));
    expect(await stagingKeys()).not.toEqual([]);
    await saveSettings({ servers: [prod] });
    await settle();
    expect(worker.live().map((socket) => socket.url)).toEqual([PROD]);
    expect(await stagingKeys()).toEqual([]);
    expect((await worker.service.queryExpired({})).rows.map((row) => row.server)).toEqual(['default']);
  });

  it('watches a server added while it runs, from a first contact summed up in one alert', async () => {
    await watch(prod);
    const worker = await startWorker();
    worker.serverAt(PROD).accept([user(1)]);
    await settle();
    await saveSettings({ servers: [prod, staging] });
    await settle();
    worker.serverAt(STAGING).accept([user(1), user(2)]);
    await settle();
    expect(worker.alerts()).toEqual(['已有 1 个 Token 过期', '已有 2 个 Token 过期']);
  });
});

describe('an installation updated from the version that watched one server', () => {
  it('keeps its server, its list and its history, and announces nothing again', async () => {
    // What the one-server version left: its URL setting, and its state under the keys it used.
    await settingsItem.setValue({ serverUrl: PROD, monitoring: true });
    const before = await startWorker();
    before.server.accept([user(1), user(2)]);
    await settle();
    await vi.advanceTimersByTimeAsync(31_000);
    const history = await named();
    killWorker();
    expect(Object.keys(await fakeBrowser.storage.local.get()).filter((key) => key.startsWith('server:'))).toEqual([]);

    const after = await startWorker();
    expect(after.live().map((socket) => socket.url)).toEqual([PROD]);
    after.server.accept([user(1), user(2)]);
    await settle();
    expect(after.alerts()).toEqual([]);
    expect(await named()).toEqual(history);
    expect((await after.service.queryExpired({})).total).toBe(2);
  });
});

describe('a server removed while no worker ran', () => {
  it('is forgotten when the next worker starts', async () => {
    // What a worker watching both left, and the options page's later save that no worker heard.
    await fakeBrowser.storage.local.set({
      storedServers: ['default', 'staging'],
      'server:staging:monitorSummary': { hasSnapshot: true },
      'server:staging:expiredListManifest': { slot: 'a', parts: 1 },
      'server:staging:expiredList:a:0': '[]',
    });
    await watch(prod);
    await startWorker();
    const keys = Object.keys(await fakeBrowser.storage.local.get());
    expect(keys.filter((key) => key.startsWith('server:staging:'))).toEqual([]);
    expect((await fakeBrowser.storage.local.get('storedServers')).storedServers).toEqual(['default']);
  });
});
