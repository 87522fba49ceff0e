import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlertHistory } from '../../components/AlertHistory';
import type { JournalEntry } from '../../utils/alerts';
import { journalEntry } from '../fixtures/journal';
import { renderIn } from '../fixtures/render-in';

afterEach(cleanup);

const entry = (id: string, change: Partial<JournalEntry> = {}) =>
  journalEntry(
    id,
    [
      ['10001', '13800008000'],
      ['10002', '13900009000'],
    ],
    change,
  );

const props = {
  total: 2,
  search: '',
  onSearchChange: () => {},
  masked: true,
  onShowUsers: () => {},
  onExport: () => {},
};

describe('the alert history', () => {
  it('lists each alert with the users it named, masked, and how it was delivered, in words', () => {
    renderIn('zh_CN', <AlertHistory {...props} alerts={[entry('a'), entry('b', { silent: true, speech: 'error' })]} />);
    expect(screen.getAllByText('2 个 Token 已过期')).toHaveLength(2);
    expect(screen.getAllByText('138****8000')).toHaveLength(2);
    expect(screen.queryByText('13800008000')).toBeNull();
    expect(screen.getByText('已弹出')).toBeTruthy();
    expect(screen.getByText('静默弹出')).toBeTruthy();
    expect(screen.getByText('播报失败')).toBeTruthy();
    expect(screen.getByText('2 条提醒')).toBeTruthy();
  });

  it('leads from an alert to exactly its users', () => {
    const onShowUsers = vi.fn();
    renderIn('en', <AlertHistory {...props} alerts={[entry('a')]} onShowUsers={onShowUsers} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show these users' }));
    expect(onShowUsers).toHaveBeenCalledWith('a');
  });

  it('says when no alert matches the search, and when there is none yet', () => {
    const { rerender } = renderIn('en', <AlertHistory {...props} alerts={[]} search="999" />);
    expect(screen.getByText('No alert named a user matching “999”.')).toBeTruthy();
    rerender(<AlertHistory {...props} alerts={[]} total={0} />);
    expect(screen.getByText('No alert yet. Alerts will be listed here as they go out.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Export history (CSV)' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('passes what is typed to the search', () => {
    const onSearchChange = vi.fn();
    renderIn('en', <AlertHistory {...props} alerts={[entry('a')]} onSearchChange={onSearchChange} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search alerts by user id or phone' }), {
      target: { value: '8000' },
    });
    expect(onSearchChange).toHaveBeenCalledWith('8000');
  });
});
