import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TotalsPanel } from '../../components/TotalsPanel';
import { renderIn } from '../fixtures/render-in';

const NOW = new Date(2025, 8, 3, 12, 0, 0).getTime();

afterEach(cleanup);

describe('TotalsPanel', () => {
  it('shows users checked, expired now and the last check relative, absolute on hover', () => {
    renderIn(
      'zh_CN',
      <TotalsPanel
        totals={{ totalUsers: 100000, totalExpired: 4, lastCheck: '2025-09-03T11:57:58.123456' }}
        now={NOW}
      />,
    );
    expect(screen.getByText('已检查用户').nextElementSibling?.textContent).toBe('100,000');
    expect(screen.getByText('当前过期').nextElementSibling?.textContent).toBe('4');
    const time = screen.getByText('2分钟前');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('title')).toBe('2025年9月3日 11:57:58');
  });

  it('shows a dash before the server has said, and an unreadable time as the server wrote it', () => {
    renderIn('en', <TotalsPanel totals={{ totalUsers: null, totalExpired: 0, lastCheck: 'soon™' }} now={NOW} />);
    expect(screen.getByText('Users checked').nextElementSibling?.textContent).toBe('—');
    expect(screen.getByText('soon™')).toBeTruthy();
  });
});
