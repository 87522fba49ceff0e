import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpiredList } from '../../components/ExpiredList';
import { I18nProvider } from '../../components/i18n-context';
import type { ExpiredRow } from '../../utils/expired/expired-query';
import type { Locale } from '../../utils/i18n';

afterEach(cleanup);

const rows: ExpiredRow[] = [
  { user_id: '12345', phone: '13800138000', expired_time: '2025-09-03T09:27:57.108204', ignored: false },
  {
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
