import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShortcutsSection } from '../../../components/options/ShortcutsSection';
import type { Shortcut } from '../../../utils/shortcuts/shortcut';
import { renderIn } from '../../fixtures/render-in';

afterEach(() => {
  cleanup();
});

// As Chrome lists them: its popup command first, with no key unless the user gave it one.
const SHORTCUTS: Shortcut[] = [
  { name: '_execute_action', description: '', keys: '' },
  { name: 'open-dashboard', description: 'Open the expired tokens dashboard', keys: 'Alt+Shift+D' },
  { name: 'toggle-mute', description: 'Mute alerts for 1 hour, or unmute', keys: '' },
];

const section = (name: string) => screen.getByRole('region', { name });
// Each row as [what it does, its keys]: the name on the left, the control on the right.
const rows = (name: string) =>
  [...section(name).querySelectorAll('.setting-row')].map((row) => [
    row.querySelector('.setting-row__label')?.textContent,
    row.lastElementChild?.textContent,
  ]);

describe('keyboard shortcuts section', () => {
  it('lists our shortcuts first, named in the page language, with their keys or "not set"', () => {
    renderIn('en', <ShortcutsSection shortcuts={SHORTCUTS} onOpenSettings={vi.fn()} />);
    expect(rows('Keyboard shortcuts')).toEqual([
      ['Open the dashboard', 'Alt+Shift+D'],
      ['Mute for 1 hour, or unmute', 'Not set'],
      ['Open the popup', 'Not set'],
      ['Change the keys', 'Open shortcut settings'],
    ]);
    const keys = within(section('Keyboard shortcuts')).getByText('Alt').closest('kbd.shortcut-keys');
    expect([...(keys?.querySelectorAll('kbd') ?? [])].map((key) => key.textContent)).toEqual(['Alt', 'Shift', 'D']);
  });

  it('speaks Chinese on a Chinese page, whatever language the browser described them in', () => {
    renderIn('zh_CN', <ShortcutsSection shortcuts={SHORTCUTS} onOpenSettings={vi.fn()} />);
    expect(rows('键盘快捷键').slice(0, 3)).toEqual([
      ['打开过期 Token 看板', 'Alt+Shift+D'],
      ['静音 1 小时 / 取消静音', '未设置'],
      ['打开弹出窗口', '未设置'],
    ]);
  });

  it('shows a command it does not know by the browser’s description', () => {
    renderIn(
      'en',
      <ShortcutsSection
        shortcuts={[{ name: 'other', description: 'Something else', keys: '⌥⇧X' }]}
        onOpenSettings={vi.fn()}
      />,
    );
    expect(rows('Keyboard shortcuts')[0]).toEqual(['Something else', '⌥⇧X']);
  });

  it('says so while the browser is asked, and when it lists nothing', () => {
    const { rerender } = renderIn('en', <ShortcutsSection shortcuts={null} onOpenSettings={vi.fn()} />);
    expect(screen.getByText('Loading shortcuts…')).toBeTruthy();
    rerender(<ShortcutsSection shortcuts={[]} onOpenSettings={vi.fn()} />);
    expect(screen.getByText('This browser lists no shortcuts for the extension.')).toBeTruthy();
  });

  it('opens the browser’s shortcut settings, and says nothing more when they opened', async () => {
    const onOpenSettings = vi.fn().mockResolvedValue(true);
    renderIn('en', <ShortcutsSection shortcuts={SHORTCUTS} onOpenSettings={onOpenSettings} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open shortcut settings' }));
    expect(onOpenSettings).toHaveBeenCalledOnce();
    await Promise.resolve();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('gives the way there by hand when the browser cannot open them', async () => {
    renderIn('zh_CN', <ShortcutsSection shortcuts={SHORTCUTS} onOpenSettings={() => Promise.resolve(false)} />);
    fireEvent.click(screen.getByRole('button', { name: '打开快捷键设置' }));
    expect(await screen.findByText(/about:addons，点击 ⚙，选择“管理扩展快捷键”/)).toBeTruthy();
  });

  it('reports a failure to open them', async () => {
    renderIn(
      'en',
      <ShortcutsSection shortcuts={SHORTCUTS} onOpenSettings={() => Promise.reject(new Error('blocked'))} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open shortcut settings' }));
    expect(await screen.findByText('Could not open the shortcut settings: blocked')).toBeTruthy();
  });
});
