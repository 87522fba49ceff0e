import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RoundChart } from '../../components/RoundChart';
import type { RoundSummary } from '../../utils/monitor/monitor-state';
import { renderIn } from '../fixtures/render-in';

afterEach(cleanup);

describe('RoundChart', () => {
  const history: RoundSummary[] = Array.from({ length: 30 }, (_, index) => ({
    round: index + 1,
    duration: index === 29 ? null : 10 + index,
    totalUsers: 410,
    newExpired: index % 3,
    completedAt: null,
  }));

  it('draws one bar per round for the last N rounds, each with a tooltip', () => {
    const { container } = renderIn('en', <RoundChart history={history} limit={20} width={340} height={40} />);
    const bars = container.querySelectorAll('.chart__bar');
    expect(bars).toHaveLength(20);
    const titles = [...container.querySelectorAll('.chart__round > title')].map((title) => title.textContent);
    expect(titles[0]).toBe('Round 11: 20 sec, 1 newly expired');
    expect(titles[19]).toBe('Round 30: duration unknown, 2 newly expired');
    expect(screen.getByRole('img', { name: 'Duration and new expiries of the last 20 rounds' })).toBeTruthy();
  });

  it('scales bars to the longest round', () => {
    const { container } = renderIn(
      'en',
      <RoundChart
        history={[
          { round: 1, duration: 10, totalUsers: 1, newExpired: 0, completedAt: null },
          { round: 2, duration: 20, totalUsers: 1, newExpired: 0, completedAt: null },
        ]}
        limit={2}
        width={100}
        height={47}
      />,
    );
    const heights = [...container.querySelectorAll('.chart__bar')].map((bar) => Number(bar.getAttribute('height')));
    expect(heights).toEqual([20, 40]);
  });

  it('says so when no round has finished yet', () => {
    const { container } = renderIn('zh_CN', <RoundChart history={[]} limit={50} width={1000} height={100} />);
    expect(container.querySelectorAll('.chart__bar')).toHaveLength(0);
    expect(screen.getByText('还没有完成的检查')).toBeTruthy();
  });

  it('says whose rounds it draws when several servers are watched', () => {
    renderIn('zh_CN', <RoundChart history={history} limit={50} width={1000} height={100} serverLabel="生产" />);
    expect(screen.getByRole('img', { name: '生产 最近 50 轮检查的用时与新增过期数' })).toBeTruthy();
  });
});
