import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertsSection } from '../../../components/options/AlertsSection';
import { defaultSettings, type Settings } from '../../../utils/settings';
import { renderIn } from '../../fixtures/render-in';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('alert switches', () => {
  it.each<[string, Partial<Settings>]>([
    ['Desktop notifications', { notifications: false }],
    ['Remind after every check round', { remindEveryRound: true }],
    ['Hide the middle of phone numbers', { maskPhones: false }],
  ])('%s saves its own setting', (name, change) => {
    const onChange = vi.fn();
    renderIn('en', <AlertsSection settings={defaultSettings} onChange={onChange} />);
    const toggle = screen.getByRole('switch', { name: new RegExp(name) }) as HTMLInputElement;
    expect(toggle.checked).toBe(!Object.values(change)[0]);
    fireEvent.click(toggle);
    expect(onChange).toHaveBeenCalledExactlyOnceWith(change);
  });

  it('describes each switch with its help text', () => {
    renderIn('zh_CN', <AlertsSection settings={defaultSettings} onChange={vi.fn()} />);
    const toggle = screen.getByRole('switch', { name: /隐藏手机号中间四位/ });
    const help = document.getElementById(toggle.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toContain('138****8000');
  });
});
