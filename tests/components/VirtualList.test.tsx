// biome-ignore-all lint/a11y/useSemanticElements: stand-in rows for VirtualList, which renders an ARIA table (see components/VirtualList.tsx).
// biome-ignore-all lint/a11y/useFocusableInteractive: rows of a static table are not focusable.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualList } from '../../components/VirtualList';

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

  describe('keys', () => {
    const keyed = (identities: (string | undefined)[]) =>
      render(
        <VirtualList
          itemCount={identities.length}
          rowHeight={34}
          estimatedHeight={340}
          label="Expired users"
          header={null}
          rowKey={(index) => identities[index]}
          renderRow={(index, rowProps, key) => (
            <div key={key} role="row" data-key={key} {...rowProps}>
              row {index}
            </div>
          )}
        />,
      );
    const keys = (container: Element) =>
      [...container.querySelectorAll('.vlist__spacer > [role="row"]')].map((row) => row.getAttribute('data-key'));

    it('keys each row by its identity, by position when it has none or shows twice', () => {
      const { container } = keyed(['a', undefined, 'b', 'a']);
      expect(keys(container)).toEqual(['id:a', 'at:1', 'id:b', 'at:3']);
    });

    it('keeps every row its key, and its element, when the list scrolls', () => {
      const identities = Array.from({ length: 1000 }, (_, index) => `user ${index}`);
      const { container } = keyed(identities);
      const element = screen.getByText('row 8');
      scrollTo(container.querySelector('.vlist__viewport') as Element, 3 * 34);
      expect(screen.getByText('row 8')).toBe(element);
      expect(element.getAttribute('data-key')).toBe('id:user 8');
    });
  });
});
