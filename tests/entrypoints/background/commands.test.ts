import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand } from '../../../entrypoints/background/commands';
import { loadSettings, saveSettings } from '../../../platform/settings-store';
import { MUTE_HOUR_MS } from '../../../utils/alerts/mute';
import { OPEN_DASHBOARD_COMMAND, TOGGLE_MUTE_COMMAND } from '../../../utils/shortcuts/command-names';

const pressedAt = Date.UTC(2026, 0, 15, 9, 30);
const dashboardTabs = () => fakeBrowser.tabs.query({ url: fakeBrowser.runtime.getURL('/dashboard.html') });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('keyboard shortcuts in the worker', () => {
  it('opens the dashboard, and brings the same one back on a second press', async () => {
    await handleCommand(OPEN_DASHBOARD_COMMAND, pressedAt);
    expect(await dashboardTabs()).toHaveLength(1);
    await handleCommand(OPEN_DASHBOARD_COMMAND, pressedAt);
    expect(await dashboardTabs()).toHaveLength(1);
  });

  it('mutes for an hour through the stored settings, keeping every other setting', async () => {
    await saveSettings({ language: 'zh_CN' });
    await handleCommand(TOGGLE_MUTE_COMMAND, pressedAt);
    const settings = await loadSettings();
    expect(settings.mutedUntil).toBe(pressedAt + MUTE_HOUR_MS);
    expect(settings.language).toBe('zh_CN');
  });

  it('unmutes a running mute, whoever set it', async () => {
    await saveSettings({ mutedUntil: pressedAt + 5 * 60_000 });
    await handleCommand(TOGGLE_MUTE_COMMAND, pressedAt);
    expect((await loadSettings()).mutedUntil).toBeNull();
  });

  it('takes two quick presses in turn, ending where it began', async () => {
    await Promise.all([
      handleCommand(TOGGLE_MUTE_COMMAND, pressedAt),
      handleCommand(TOGGLE_MUTE_COMMAND, pressedAt + 200),
    ]);
    expect((await loadSettings()).mutedUntil).toBeNull();
  });

  it('ignores a command it does not know', async () => {
    await handleCommand('wxt:reload-extension', pressedAt);
    expect(await dashboardTabs()).toHaveLength(0);
    expect((await loadSettings()).mutedUntil).toBeNull();
  });
});
