import { describe, expect, it, vi } from 'vitest';
import { openShortcutSettings } from '../../../entrypoints/options/open-shortcut-settings';

const fakeApi = (openShortcutSettings?: () => Promise<void>) => {
  const create = vi.fn().mockResolvedValue({});
  const commands = { getAll: vi.fn(), onCommand: {}, openShortcutSettings } as never;
  return { api: { commands, tabs: { create } }, create };
};

describe('openShortcutSettings', () => {
  it('opens Chrome’s shortcut page in a tab', async () => {
    const { api, create } = fakeApi();
    expect(await openShortcutSettings(api, false)).toBe(true);
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });

  it('lets Firefox open its own page when it can', async () => {
    const open = vi.fn().mockResolvedValue(undefined);
    const { api, create } = fakeApi(open);
    expect(await openShortcutSettings(api, true)).toBe(true);
    expect(open).toHaveBeenCalledOnce();
    expect(create).not.toHaveBeenCalled();
  });

  it('answers false in a Firefox that cannot, rather than opening a page it may not', async () => {
    const { api, create } = fakeApi();
    expect(await openShortcutSettings(api, true)).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });
});
