import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import { type ExtensionBrowser, launchExtensionBrowser } from './harness/extension-browser';
import { monitorView, setSettings, waitFor } from './harness/extension-probes';
import { startTestSimulator } from './harness/simulator-fixture';

const storedServerUrl = (browser: ExtensionBrowser) =>
  browser.inExtension(async () => {
    const { settings } = await chrome.storage.sync.get('settings');
    return (settings as { servers?: { url: string }[] } | undefined)?.servers?.[0]?.url;
  });

describe('the pages, as an operator uses them', () => {
  let simulator: Simulator;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    simulator = await startTestSimulator({ initialExpired: 40 });
    browser = await launchExtensionBrowser({ locale: 'en-US' });
    await setSettings(browser, { servers: [{ id: 'default', url: simulator.url }], language: 'en' });
    await waitFor(
      () => monitorView(browser),
      (view) => view?.expiredCount === 40,
      { what: '40 expired users' },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await simulator?.stop();
  });

  it('filters the popup list as the operator types', async () => {
    const popup = await browser.openPage('/popup.html');
    const [target] = simulator.snapshot().expired;
    if (!target) throw new Error('the simulator has no expired user');
    await popup.getByRole('row').nth(5).waitFor();
    await popup.getByRole('searchbox', { name: 'Search by phone or user ID' }).fill(target.user_id);
    await waitFor(
      () => popup.getByRole('row').count(),
      (rows) => rows === 2,
      { what: 'one matching row' },
    );
    await expect(popup.getByRole('row').nth(1).textContent()).resolves.toContain(target.user_id);
    await popup.close();
  });

  it('survives bad frames and shows hostile strings as plain text', async () => {
    const before = await monitorView(browser);
    for (const frame of ['{oops', '[1,2]', '{"type":"reboot"}', '{"type":"check_progress","current":"x","total":1}']) {
      simulator.broadcastRaw(frame);
    }
    const hostile = {
      user_id: '"><script>window.hacked=1</script>',
      phone: `<img src=x onerror="window.hacked=1">${'9'.repeat(400)}`,
      token: 'secret...',
      expired_time: '2099-01-01T00:00:00.000000',
    };
    simulator.broadcastRaw(JSON.stringify({ type: 'token_expired', count: 1, expired_users: [hostile] }));
    await waitFor(
      () => monitorView(browser),
      (view) => view?.expiredCount === (before?.expiredCount ?? 0) + 1,
      {
        what: 'the hostile user in the list',
      },
    );
    expect((await monitorView(browser))?.connection.phase).toBe('open');

    const popup = await browser.openPage('/popup.html');
    const firstRow = popup.getByRole('row').nth(1);
    await waitFor(
      () => firstRow.textContent(),
      (text) => Boolean(text?.includes('<script>')),
      { what: 'the hostile row' },
    );
    expect(await popup.locator('.popup img, .popup script').count()).toBe(0);
    expect(await popup.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
    const box = await firstRow.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(380);
    await popup.close();
  });

  it('refuses a server URL that is not ws:// or wss:// and keeps the old one', async () => {
    const options = await browser.openPage('/options.html', { width: 900, height: 1000 });
    const field = options.getByLabel('Server address');
    await field.fill('http://localhost:8765');
    await options.getByRole('button', { name: /^Save — / }).click();
    await options.getByText('The address must start with ws:// or wss://.').waitFor();
    expect(await storedServerUrl(browser)).toBe(simulator.url);
    await options.close();
  });

  it('moves to a new server URL without a restart', async () => {
    const other = await startTestSimulator({ initialExpired: 2 });
    try {
      const options = await browser.openPage('/options.html', { width: 900, height: 1000 });
      await options.getByLabel('Server address').fill(other.url);
      await options.getByRole('button', { name: /^Save — / }).click();
      await waitFor(
        async () => other.stats().clientsConnected,
        (clients) => clients === 1,
        {
          what: 'a connection to the new server',
        },
      );
      await waitFor(
        async () => simulator.stats().clientsConnected,
        (clients) => clients === 0,
        {
          what: 'the old connection to close',
        },
      );
      await waitFor(
        () => monitorView(browser),
        (view) => view?.connection.phase === 'open' && view.connection.url === other.url,
      );
      await options.getByLabel('Server address').fill(simulator.url);
      await options.getByRole('button', { name: /^Save — / }).click();
      await waitFor(
        async () => simulator.stats().clientsConnected,
        (clients) => clients === 1,
        {
          what: 'the connection back to the first server',
        },
      );
      await options.close();
    } finally {
      await other.stop();
    }
  });

  it('downloads the expired list as CSV from the dashboard, without tokens', async () => {
    await waitFor(
      () => monitorView(browser),
      (view) => view?.expiredCount === 40 && view.connection.phase === 'open',
    );
    const dashboard = await browser.openPage('/dashboard.html', { width: 1200, height: 900 });
    const [download] = await Promise.all([
      dashboard.waitForEvent('download'),
      dashboard.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^expired-tokens-\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('server,phone,user_id,expired_time');
    expect(lines).toHaveLength(41);
    expect(csv).not.toContain('...');
    await dashboard.close();
  });
});
