// biome-ignore-all lint/a11y/useSemanticElements: stand-in rows for VirtualList, which renders an ARIA table (see components/VirtualList.tsx).
// biome-ignore-all lint/a11y/useFocusableInteractive: rows of a static table are not focusable.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpiredList } from '../components/ExpiredList';
import { I18nProvider } from '../components/i18n-context';
import { VirtualList } from '../components/VirtualList';
import type { ExpiredRow } from '../utils/expired/expired-query';
import type { Locale } from '../utils/i18n';

afterEach(cleanup);

const scrollTo = (viewport: Element, top: number) => {
  // happy-dom does no layout, so it cannot scroll by itself: set the position a real scroll would leave.
  Object.defineProperty(viewport, 'scrollTop', { value: top, configurable: true });
  fireEvent.scroll(viewport);
};

const rowIndexes = (container: Element) =>
  [...container.querySelectorAll('.vlist__spacer > [role="row"]')].map((row) =>
    Number(row.getAttribute('aria-rowindex')),
  );

describe('VirtualList', () => {
  const list = (onRangeChange = vi.fn()) =>
    render(
      <VirtualList
        itemCount={100_000}
        rowHeight={34}
        overscan={6}
        estimatedHeight={340}
        label="Expired users"
        header={<div role="row" aria-rowindex={1} />}
        onRangeChange={onRangeChange}
        renderRow={(index, rowProps) => (
          <div key={index} role="row" {...rowProps}>
            row {index}
          </div>
        )}
      />,
    );

  it('renders only the visible window of 100,000 rows and tells screen readers the full size', () => {
    const onRangeChange = vi.fn();
    const { container } = list(onRangeChange);
    const table = screen.getByRole('table', { name: 'Expired users' });
    expect(table.getAttribute('aria-rowcount')).toBe('100001');
    // 10 rows fit in 340 px, plus 6 overscan below (none above the first row).
    expect(rowIndexes(container)).toEqual(Array.from({ length: 16 }, (_, index) => index + 2));
    expect(onRangeChange).toHaveBeenLastCalledWith(0, 9);
    const spacer = container.querySelector('.vlist__spacer') as HTMLElement;
    expect(spacer.style.height).toBe(`${100_000 * 34}px`);
  });

  it('moves the window and reports the new range when scrolled', () => {
    const onRangeChange = vi.fn();
    const { container } = list(onRangeChange);
    scrollTo(container.querySelector('.vlist__viewport') as Element, 5000 * 34);
    const indexes = rowIndexes(container);
    expect(indexes[0]).toBe(4994 + 2);
    expect(indexes.at(-1)).toBe(5015 + 2);
    expect(indexes).toHaveLength(22);
    expect(onRangeChange).toHaveBeenLastCalledWith(5000, 5009);
    const row = screen.getByText('row 5000');
    expect(row.style.transform).toBe(`translateY(${5000 * 34}px)`);
  });

  it('keeps the window inside a list that shrank under the scroll position', () => {
    const onRangeChange = vi.fn();
    const { container, rerender } = list(onRangeChange);
    scrollTo(container.querySelector('.vlist__viewport') as Element, 90_000 * 34);
    rerender(
      <VirtualList
        itemCount={20}
        rowHeight={34}
        overscan={6}
        estimatedHeight={340}
        label="Expired users"
        header={null}
        onRangeChange={onRangeChange}
        renderRow={(index, rowProps) => (
          <div key={index} role="row" {...rowProps}>
            row {index}
          </div>
        )}
      />,
    );
    expect(screen.getByText('row 19')).toBeTruthy();
    expect(onRangeChange).toHaveBeenLastCalledWith(10, 19);
  });
});

const rows: ExpiredRow[] = [
  { user_id: '12345', phone: '13800138000', expired_time: '2025-09-03T09:27:57.108204' },
  {
    user_id: '<img src=x onerror=alert(1)>',
    phone: `<script>alert(1)</script>${'9'.repeat(500)}`,
    expired_time: '<b>bold</b>',
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
