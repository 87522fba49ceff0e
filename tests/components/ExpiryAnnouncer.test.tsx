import { act, cleanup, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExpiryAnnouncer } from '../../components/ExpiryAnnouncer';
import type { Locale } from '../../utils/i18n';
import { renderIn } from '../fixtures/render-in';

const BATCH_MS = 1000;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The announcer over a sequence of counts, as the live view delivers them. */
const announcer = (first: number | null, locale: Locale = 'en') => {
  const view = renderIn(locale, <ExpiryAnnouncer expiredCount={first} batchMs={BATCH_MS} />);
  const region = screen.getByRole('status');
  return {
    region,
    count: (expiredCount: number | null) =>
      view.rerender(<ExpiryAnnouncer expiredCount={expiredCount} batchMs={BATCH_MS} />),
    wait: (ms = BATCH_MS) =>
      act(() => {
        vi.advanceTimersByTime(ms);
      }),
  };
};

/** What the region says after each count, each given a whole batch to be told. */
const heard = (first: number | null, counts: readonly (number | null)[], locale: Locale = 'en') => {
  const { region, count, wait } = announcer(first, locale);
  return counts.map((next) => {
    count(next);
    wait();
    return region.textContent;
  });
};

describe('ExpiryAnnouncer', () => {
  it('is a polite live region, there and empty before any news', () => {
    const { region } = announcer(57);
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
  });

  it('says how many expired when the count grows', () => {
    expect(heard(57, [60])).toEqual(['3 new expired tokens']);
  });

  it('speaks Chinese on a Chinese page', () => {
    expect(heard(57, [60], 'zh_CN')).toEqual(['3 个新的 Token 过期']);
  });

  it('keeps quiet while the count holds, however often the page re-renders (progress ticks)', () => {
    const { region, count, wait } = announcer(57);
    for (let tick = 0; tick < 20; tick++) {
      count(57);
      wait(100);
    }
    wait(5 * BATCH_MS);
    expect(region.textContent).toBe('');
  });

  it('tells a burst arriving in several frames as one sentence, at the end of its batch', () => {
    const { region, count, wait } = announcer(10);
    count(12);
    wait(300);
    count(15);
    wait(300);
    expect(region.textContent).toBe('');
    wait(400);
    expect(region.textContent).toBe('5 new expired tokens');
  });

  it('does not announce the users already listed when the view first arrives', () => {
    expect(heard(null, [null, 57, 58])).toEqual(['', '', '1 new expired token']);
  });

  it('counts from the lower number after renewals', () => {
    expect(heard(57, [50, 51])).toEqual(['', '1 new expired token']);
  });

  it('puts the same words in a new node, so a screen reader reads them again', () => {
    const { region, count, wait } = announcer(1);
    count(2);
    wait();
    const first = region.firstElementChild;
    count(3);
    wait();
    expect(region.textContent).toBe('1 new expired token');
    expect(region.firstElementChild).not.toBe(first);
  });
});
