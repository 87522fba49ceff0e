import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClearDataControl } from '../../../components/options/ClearDataControl';
import { renderIn } from '../../fixtures/render-in';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('clear stored data', () => {
  const renderClear = (state: Parameters<typeof ClearDataControl>[0]['state'] = { phase: 'idle' }) => {
    const onClear = vi.fn();
    renderIn('en', <ClearDataControl state={state} onClear={onClear} />);
    return onClear;
  };

  it('asks first, and clears only after the confirmation', () => {
    const onClear = renderClear();
    fireEvent.click(screen.getByRole('button', { name: 'Clear data…' }));
    expect(onClear).not.toHaveBeenCalled();
    const question = screen.getByRole('group', { name: /Delete all stored data\? This cannot be undone\./ });
    expect(document.activeElement?.textContent, 'focus on the safe choice').toBe('Cancel');
    fireEvent.click(within(question).getByRole('button', { name: 'Delete' }));
    expect(onClear).toHaveBeenCalledOnce();
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('can be cancelled with the button or Escape', () => {
    const onClear = renderClear();
    fireEvent.click(screen.getByRole('button', { name: 'Clear data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear data…' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(onClear).not.toHaveBeenCalled();
  });

  it('shows the result', () => {
    renderClear({ phase: 'done' });
    expect(screen.getByRole('status').textContent).toBe('Stored data cleared.');
    cleanup();
    renderClear({ phase: 'failed', reason: 'no worker' });
    expect(screen.getByRole('status').textContent).toBe('Could not clear: no worker');
  });
});
