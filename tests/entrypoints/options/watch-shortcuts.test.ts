import { describe, expect, it, vi } from 'vitest';
import { watchShortcuts } from '../../../entrypoints/options/watch-shortcuts';

const setVisibility = (state: DocumentVisibilityState) => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
};

describe('watchShortcuts', () => {
  it('reads the shortcuts at once and again when the page comes back into view', async () => {
    const getAll = vi
      .fn()
      .mockResolvedValueOnce([{ name: 'open-dashboard', description: 'Open', shortcut: '' }])
      .mockResolvedValueOnce([{ name: 'open-dashboard', description: 'Open', shortcut: 'Ctrl+Shift+Y' }]);
    const onShortcuts = vi.fn();
    const stop = watchShortcuts(onShortcuts, { commands: { getAll } });
    await vi.waitFor(() =>
      expect(onShortcuts).toHaveBeenLastCalledWith([{ name: 'open-dashboard', description: 'Open', keys: '' }]),
    );

    // Away on the browser's shortcut page, then back: the new key shows.
    setVisibility('hidden');
    setVisibility('visible');
    await vi.waitFor(() =>
      expect(onShortcuts).toHaveBeenLastCalledWith([
        { name: 'open-dashboard', description: 'Open', keys: 'Ctrl+Shift+Y' },
      ]),
    );
    expect(getAll).toHaveBeenCalledTimes(2);

    stop();
    setVisibility('hidden');
    setVisibility('visible');
    expect(getAll).toHaveBeenCalledTimes(2);
  });

  it('reports none when the browser cannot list them', async () => {
    const onShortcuts = vi.fn();
    const getAll = () => {
      throw new Error('not implemented');
    };
    const stop = watchShortcuts(onShortcuts, { commands: { getAll } });
    await vi.waitFor(() => expect(onShortcuts).toHaveBeenCalledWith([]));
    stop();
  });
});
