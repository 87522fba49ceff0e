import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpiredList } from '../../components/ExpiredList';
import { I18nProvider } from '../../components/i18n-context';
import type { ExpiredRow } from '../../utils/expired/expired-query';
import type { Locale } from '../../utils/i18n';

afterEach(cleanup);

const rows: ExpiredRow[] = [
  {
    server: 'default',
    user_id: '12345',
    phone: '13800138000',
    expired_time: '2025-09-03T09:27:57.108204',
    ignored: false,
  },
  {
    server: 'default',
    user_id: '<img src=x onerror=alert(1)>',
    phone: `<script>alert(1)</script>${'9'.repeat(500)}`,
    expired_time: '<b>bold</b>',
    ignored: false,
  },
];

const expiredList = (change: Partial<Parameters<typeof ExpiredList>[0]> = {}, locale: Locale = 'en') => {
  const onCopyPhone = vi.fn();
  const view = render(
    <I18nProvider locale={locale}>
      <ExpiredList
        count={rows.length}
        rowAt={(index) => rows[index]}
        onRangeChange={() => {}}
        masked
        onCopyPhone={onCopyPhone}
        {...change}
      />
    </I18nProvider>,
  );
  return { ...view, onCopyPhone };
};

describe('ExpiredList', () => {
  it('masks phones, and copies the real number', () => {
    const { onCopyPhone } = expiredList();
    const [, first] = screen.getAllByRole('row');
    expect(within(first as HTMLElement).getByText('138****8000')).toBeTruthy();
    expect(screen.queryByText('13800138000')).toBeNull();
    // The tooltip must not give a masked number away either.
    expect(
      within(first as HTMLElement)
        .getByText('138****8000')
        .getAttribute('title'),
    ).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy 138****8000' }));
    expect(onCopyPhone).toHaveBeenCalledWith('13800138000');
  });

  it('shows phones in full when revealed', () => {
    expiredList({ masked: false });
    expect(screen.getByText('13800138000')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy 13800138000' })).toBeTruthy();
  });

  it('renders hostile strings from the server as text', () => {
    const { container } = expiredList({ masked: false });
    expect(container.querySelector('script, img, b')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('<b>bold</b>')).toBeTruthy();
    const phone = screen.getByText(`<script>alert(1)</script>${'9'.repeat(500)}`);
    expect(phone.classList.contains('xrow__cell')).toBe(true);
  });

  it('labels columns and rows for screen readers, in Chinese too', () => {
    expiredList({ count: 100_000, rowAt: (index) => rows[index % 2] }, 'zh_CN');
    const table = screen.getByRole('table', { name: '过期用户（最新在前）' });
    expect(table.getAttribute('aria-rowcount')).toBe('100001');
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      '手机号',
      '用户 ID',
      '过期时间',
      '操作',
    ]);
    expect(screen.getAllByText('09/03 09:27').length).toBeGreaterThan(0);
  });

  it('shows a placeholder for rows still on their way', () => {
    expiredList({ count: 3, rowAt: () => undefined });
    expect(screen.getAllByText('Loading…')).toHaveLength(3);
  });
});

describe('ExpiredList of several servers', () => {
  const labels = new Map([
    ['default', '生产'],
    ['s2', '测试'],
  ]);
  const row = (server: string, user_id: string, phone: string): ExpiredRow => ({
    server,
    user_id,
    phone,
    expired_time: '2025-09-03T09:27:57.108204',
    ignored: false,
  });
  // The same user_id, listed by two servers: two users.
  const twoServers = [row('default', '12345', '13800000001'), row('s2', '12345', '13800000002')];

  const listOf = (shown: ExpiredRow[]) => (
    <I18nProvider locale="en">
      <ExpiredList
        count={shown.length}
        rowAt={(index) => shown[index]}
        onRangeChange={() => {}}
        masked={false}
        onCopyPhone={() => {}}
        serverLabels={labels}
      />
    </I18nProvider>
  );

  it('names the server of each row in a column of its own', () => {
    render(listOf(twoServers));
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Phone',
      'User ID',
      'Server',
      'Expired at',
      'Actions',
    ]);
    const [, first, second] = screen.getAllByRole('row');
    expect(within(first as HTMLElement).getByText('生产')).toBeTruthy();
    expect(within(second as HTMLElement).getByText('测试')).toBeTruthy();
  });

  it('has no server column with one server', () => {
    expiredList();
    expect(screen.queryByRole('columnheader', { name: 'Server' })).toBeNull();
  });

  it('keeps the focus on the same user when new expiries push the rows down', () => {
    const { rerender } = render(listOf(twoServers));
    const button = screen.getByRole('button', { name: 'Copy 13800000002' });
    button.focus();
    rerender(listOf([row('s2', '777', '13800000007'), row('default', '888', '13800000008'), ...twoServers]));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy 13800000002' }));
  });

  it('keeps the focus on a user when the same user_id on another server renews', () => {
    const { rerender } = render(listOf(twoServers));
    screen.getByRole('button', { name: 'Copy 13800000002' }).focus();
    rerender(listOf(twoServers.slice(1)));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy 13800000002' }));
  });

  it('keeps the focused row when the list scrolls under it', () => {
    const many = Array.from({ length: 100 }, (_, index) =>
      row(index % 2 ? 's2' : 'default', String(index >> 1), `138${String(index).padStart(8, '0')}`),
    );
    const { container } = render(listOf(many));
    const button = screen.getByRole('button', { name: 'Copy 13800000003' });
    button.focus();
    const viewport = container.querySelector('.vlist__viewport') as HTMLElement;
    Object.defineProperty(viewport, 'scrollTop', { value: 2 * 34, configurable: true });
    fireEvent.scroll(viewport);
    expect(screen.getByRole('button', { name: 'Copy 13800000003' })).toBe(button);
    expect(document.activeElement).toBe(button);
  });

  it('shows a user at both places while a stale page and a fresh one overlap', () => {
    render(listOf([...twoServers, twoServers[1] as ExpiredRow]));
    expect(screen.getAllByRole('button', { name: 'Copy 13800000002' })).toHaveLength(2);
  });
});
