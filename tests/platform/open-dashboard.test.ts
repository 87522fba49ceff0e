import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDashboard } from '../../platform/open-dashboard';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('openDashboard', () => {
  const dashboardUrl = () => fakeBrowser.runtime.getURL('/dashboard.html');

  it('opens a dashboard tab when none is open', async () => {
    await openDashboard();
    const tabs = await fakeBrowser.tabs.query({ url: dashboardUrl() });
    expect(tabs).toHaveLength(1);
  });

  it('brings an open dashboard and its window to the front instead of opening another', async () => {
    const existing = await fakeBrowser.tabs.create({ url: dashboardUrl() });
    await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    const focusWindow = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    const activate = vi.spyOn(fakeBrowser.tabs, 'update');
    await openDashboard();
    expect(await fakeBrowser.tabs.query({ url: dashboardUrl() })).toHaveLength(1);
    expect(activate).toHaveBeenCalledWith(existing.id, { active: true });
    expect(focusWindow).toHaveBeenCalledWith(existing.windowId, { focused: true });
  });

  it('leads an existing dashboard, whatever it shows, to the users one alert named', async () => {
    const existing = await fakeBrowser.tabs.create({ url: `${dashboardUrl()}#history` });
    vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([existing]);
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await openDashboard(undefined, 'token-expired:mx1-0');
    expect(query).toHaveBeenCalledWith({ url: dashboardUrl() });
    expect(update).toHaveBeenCalledWith(existing.id, {
      active: true,
      url: `${dashboardUrl()}#alert=token-expired%3Amx1-0`,
    });
  });

  it('opens a dashboard on one alert’s users when none is open', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openDashboard(undefined, 'a-1');
    expect(create).toHaveBeenCalledWith({ url: `${dashboardUrl()}#alert=a-1` });
  });
});
