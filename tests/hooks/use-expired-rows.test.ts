import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { createElement, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type ExpiredFilter,
  expiredListKey,
  type FetchExpiredPage,
  useExpiredRows,
} from '../../hooks/use-expired-rows';
import type { ExpiredPage, ExpiredQuery, ExpiredSort } from '../../utils/expired/expired-query';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A worker with `total` users u0, u1, … whose answers can be held back and released in any order. */
const fakeWorker = (total: number) => {
  let version = 1;
  const held: Array<() => void> = [];
  let holding = false;
  const answer = ({ search = '', offset = 0, limit = 100 }: ExpiredQuery): ExpiredPage => {
    const ids = Array.from({ length: total }, (_, index) => `u${index}`).filter((id) => id.includes(search));
    return {
      version,
      total,
      matched: ids.length,
      offset,
      rows: ids.slice(offset, offset + limit).map((id) => ({
        server: 'default',
        user_id: id,
        phone: `p${id}v${version}`,
        expired_time: '',
        ignored: false,
      })),
    };
  };
  const fetchPage = vi.fn<FetchExpiredPage>(
    (query) =>
      new Promise((resolve) => {
        const page = answer(query);
        if (holding) held.push(() => resolve(page));
        else resolve(page);
      }),
  );
  return {
    fetchPage,
    offsets: () => fetchPage.mock.calls.map(([query]) => query.offset),
    bump: () => {
      version += 1;
      return version;
    },
    hold: () => {
      holding = true;
    },
    release: (order: number[]) => {
      holding = false;
      for (const index of order) held[index]?.();
    },
  };
};

const rowsHook = (
  worker: ReturnType<typeof fakeWorker>,
  props = { listVersion: 1 as number | null, search: '', sort: 'newest' as ExpiredSort },
) =>
  renderHook((current: typeof props) => useExpiredRows({ ...current, fetchPage: worker.fetchPage }), {
    initialProps: props,
  });

describe('useExpiredRows', () => {
  it('asks for the first page, and reports the counts and rows it got', async () => {
    const worker = fakeWorker(100_000);
    const { result } = rowsHook(worker);
    await waitFor(() => expect(result.current.matched).toBe(100_000));
    expect(worker.fetchPage).toHaveBeenCalledExactlyOnceWith({ search: '', sort: 'newest', offset: 0, limit: 100 });
    expect(result.current.total).toBe(100_000);
    expect(result.current.rowAt(42)?.user_id).toBe('u42');
    expect(result.current.rowAt(100)).toBeUndefined();
  });

  it('asks for the first page as the list is rendered, without waiting for a frame to be painted', () => {
    const worker = fakeWorker(100);
    const Probe = () => {
      useExpiredRows({ listVersion: 1, search: '', sort: 'newest', fetchPage: worker.fetchPage });
      return null;
    };
    const root = document.createElement('div');
    render(createElement(Probe, null), root);
    expect(worker.fetchPage).toHaveBeenCalledOnce();
    render(null, root);
  });

  it('fetches only the pages of the rows on screen, each once', async () => {
    const worker = fakeWorker(100_000);
    const { result } = rowsHook(worker);
    await waitFor(() => expect(result.current.matched).not.toBeNull());
    act(() => result.current.showRange(5000, 5009));
    await waitFor(() => expect(result.current.rowAt(5000)?.user_id).toBe('u5000'));
    act(() => result.current.showRange(5001, 5010));
    act(() => result.current.showRange(5095, 5104));
    await waitFor(() => expect(result.current.rowAt(5104)?.user_id).toBe('u5104'));
    act(() => result.current.showRange(0, 9));
    expect(worker.offsets()).toEqual([0, 5000, 5100]);
  });

  it('asks again for the pages on screen when the list version changes, showing the old rows meanwhile', async () => {
    const worker = fakeWorker(1000);
    const { result, rerender } = rowsHook(worker);
    await waitFor(() => expect(result.current.rowAt(0)?.phone).toBe('pu0v1'));
    worker.hold();
    const version = worker.bump();
    rerender({ listVersion: version, search: '', sort: 'newest' });
    expect(worker.offsets()).toEqual([0, 0]);
    expect(result.current.rowAt(0)?.phone).toBe('pu0v1');
    worker.release([0]);
    await waitFor(() => expect(result.current.rowAt(0)?.phone).toBe('pu0v2'));
  });

  it('starts a new search or sort from the top, with the typed text', async () => {
    const worker = fakeWorker(100_000);
    const { result, rerender } = rowsHook(worker);
    await waitFor(() => expect(result.current.matched).not.toBeNull());
    act(() => result.current.showRange(5000, 5009));
    rerender({ listVersion: 1, search: '999', sort: 'phone' });
    await waitFor(() => expect(result.current.matched).toBe(280));
    expect(worker.fetchPage).toHaveBeenLastCalledWith({ search: '999', sort: 'phone', offset: 0, limit: 100 });
    expect(result.current.rowAt(0)?.user_id).toBe('u999');
  });

  it('never lets a late answer to an older request replace a newer one', async () => {
    const worker = fakeWorker(1000);
    const { result, rerender } = rowsHook(worker);
    await waitFor(() => expect(result.current.matched).not.toBeNull());
    worker.hold();
    rerender({ listVersion: worker.bump(), search: '', sort: 'newest' });
    rerender({ listVersion: worker.bump(), search: '', sort: 'newest' });
    // Both requests were answered from the newest list, so tell them apart by when they were made.
    expect(worker.offsets()).toEqual([0, 0, 0]);
    worker.release([1]);
    await waitFor(() => expect(result.current.rowAt(0)?.phone).toBe('pu0v3'));
    worker.release([0]);
    await Promise.resolve();
    expect(result.current.rowAt(0)?.phone).toBe('pu0v3');
  });

  it('reports a worker that does not answer, and tries again when asked', async () => {
    const worker = fakeWorker(10);
    worker.fetchPage.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    const { result } = rowsHook(worker);
    await waitFor(() => expect(result.current.failed).toBe(true));
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.matched).toBe(10));
    expect(result.current.failed).toBe(false);
  });

  it('asks before the view is known, and not again when the view then shows the version it answered from', async () => {
    const worker = fakeWorker(10);
    const { result, rerender } = rowsHook(worker, { listVersion: null, search: '', sort: 'newest' });
    await waitFor(() => expect(result.current.rowAt(0)?.user_id).toBe('u0'));
    rerender({ listVersion: 1, search: '', sort: 'newest' });
    await Promise.resolve();
    expect(worker.fetchPage).toHaveBeenCalledOnce();
    rerender({ listVersion: worker.bump(), search: '', sort: 'newest' });
    await waitFor(() => expect(result.current.rowAt(0)?.phone).toBe('pu0v2'));
    expect(worker.fetchPage).toHaveBeenCalledTimes(2);
  });

  it('asks again when something else the rows show changes (the ignore list), though the list did not', async () => {
    const worker = fakeWorker(10);
    const { rerender } = renderHook(
      ({ rowsKey }) =>
        useExpiredRows({ listVersion: 1, rowsKey, search: '', sort: 'newest', fetchPage: worker.fetchPage }),
      { initialProps: { rowsKey: '' } },
    );
    await waitFor(() => expect(worker.fetchPage).toHaveBeenCalledOnce());
    rerender({ rowsKey: 'u3' });
    await waitFor(() => expect(worker.fetchPage).toHaveBeenCalledTimes(2));
  });

  it('asks for one server only when the filter names one, as a list of its own', async () => {
    const worker = fakeWorker(1000);
    const { result, rerender } = renderHook(
      (filter: ExpiredFilter) =>
        useExpiredRows({ listVersion: 1, search: '', sort: 'newest', filter, fetchPage: worker.fetchPage }),
      { initialProps: {} },
    );
    await waitFor(() => expect(result.current.matched).toBe(1000));
    rerender({ server: 's2' });
    await waitFor(() => expect(worker.fetchPage).toHaveBeenCalledTimes(2));
    expect(worker.fetchPage.mock.calls.map(([query]) => query)).toEqual([
      { search: '', sort: 'newest', offset: 0, limit: 100 },
      { search: '', sort: 'newest', server: 's2', offset: 0, limit: 100 },
    ]);
  });
});

describe('expiredListKey', () => {
  it('is a new list for each server, and for every server', () => {
    const keys = [undefined, 'default', 's2'].map((server) => expiredListKey('', 'newest', { server }));
    expect(new Set(keys).size).toBe(3);
  });
});
