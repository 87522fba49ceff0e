// biome-ignore-all lint/a11y/useSemanticElements: a windowed table positions each row on its own, which native table layout cannot do; ARIA table roles keep the semantics (WAI-ARIA APG, "Table" pattern, aria-rowcount/aria-rowindex for partially rendered rows).
// biome-ignore-all lint/a11y/useFocusableInteractive: these rows and cells belong to a static table, not a grid; the copy buttons inside them take focus.
import type { ComponentChild } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import './VirtualList.css';

export interface VirtualListProps {
  itemCount: number;
  /** Pixels; every row has this height, which is what makes the window arithmetic exact. */
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling rarely shows a gap. */
  overscan?: number;
  /** Height of the rows' area until it can be measured (first paint, tests without layout). */
  estimatedHeight?: number;
  /** Accessible name of the table. */
  label: string;
  /** The column header row, rendered above the scrolling area (its aria-rowindex is 1). */
  header: ComponentChild;
  /**
   * A row's identity, if it has one: its element then moves with it when rows shift, so a focused button
   * stays with its row. Without one, rows are keyed by position.
   */
  rowKey?: (index: number) => string | undefined;
  /** One row; it must carry role="row", the given aria-rowindex and style, and the given key. */
  renderRow: (
    index: number,
    rowProps: { 'aria-rowindex': number; style: { transform: string; height: string } },
    key: string,
  ) => ComponentChild;
  /** The rows now on screen (inclusive, without overscan): the caller fetches what they need. */
  onRangeChange?: (first: number, last: number) => void;
}

/**
 * A windowed table: at 100,000 rows it renders the same 30 or so elements as at 100, so opening and
 * scrolling cost the same at any size. Screen readers learn the full size from aria-rowcount.
 */
export const VirtualList = ({
  itemCount,
  rowHeight,
  overscan = 6,
  estimatedHeight = 240,
  label,
  header,
  renderRow,
  rowKey,
  onRangeChange,
}: VirtualListProps) => {
  const viewport = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(estimatedHeight);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => {
      const rowsHeight = element.clientHeight - (head.current?.offsetHeight ?? 0);
      if (rowsHeight > 0) setHeight(rowsHeight);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const maxScroll = Math.max(0, itemCount * rowHeight - height);
  // The list can shrink under the scroll position (a search, renewed tokens): keep the window inside it.
  const top = Math.min(scrollTop, maxScroll);
  const firstVisible = Math.floor(top / rowHeight);
  const lastVisible = Math.min(itemCount - 1, Math.ceil((top + height) / rowHeight) - 1);
  const first = Math.max(0, firstVisible - overscan);
  const last = Math.min(itemCount - 1, lastVisible + overscan);

  useEffect(() => {
    if (itemCount > 0) onRangeChange?.(firstVisible, Math.max(firstVisible, lastVisible));
  }, [firstVisible, lastVisible, itemCount, onRangeChange]);

  const rows: ComponentChild[] = [];
  // Keys must be unique in the window, and an identity can show twice for a moment (a page of rows fetched
  // after the list changed, beside one fetched before): the second is keyed by its position.
  const keys = new Set<string>();
  for (let index = first; index <= last; index++) {
    const identity = rowKey?.(index);
    const key = identity !== undefined && !keys.has(`id:${identity}`) ? `id:${identity}` : `at:${index}`;
    keys.add(key);
    rows.push(
      renderRow(
        index,
        {
          'aria-rowindex': index + 2,
          style: { transform: `translateY(${index * rowHeight}px)`, height: `${rowHeight}px` },
        },
        key,
      ),
    );
  }

  return (
    <div class="vlist" role="table" aria-label={label} aria-rowcount={itemCount + 1}>
      <div
        class="vlist__viewport"
        ref={viewport}
        // Not made focusable: browsers scroll it with the keyboard from the copy buttons inside it, and
        // make a scroller without focusable content focusable by themselves (Chrome 130+, Firefox).
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        {/* Inside the scroller (sticky) rather than above it, so a scrollbar narrows header and rows alike. */}
        <div class="vlist__head" role="rowgroup" ref={head}>
          {header}
        </div>
        <div class="vlist__spacer" role="rowgroup" style={{ height: `${itemCount * rowHeight}px` }}>
          {rows}
        </div>
      </div>
    </div>
  );
};
