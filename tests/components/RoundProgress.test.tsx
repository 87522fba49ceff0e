import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RoundProgress } from '../../components/RoundProgress';
import { renderIn } from '../fixtures/render-in';

afterEach(cleanup);

describe('RoundProgress', () => {
  const round = {
    round: 4,
    phase: 'running' as const,
    current: 120,
    total: 410,
    percentage: 29.3,
    expiredFound: 3,
    duration: null,
  };

  it('is an accessible progress bar with the round’s numbers', () => {
    renderIn('en', <RoundProgress round={round} />);
    const bar = screen.getByRole('progressbar', { name: 'Progress of round 4' });
    expect(bar.getAttribute('aria-valuenow')).toBe('120');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('410');
    expect(bar.getAttribute('aria-valuetext')).toBe('120 of 410 users checked (29.3%)');
    expect(screen.getByText('Round 4 · checking')).toBeTruthy();
    expect(screen.getByText('3 expired this round')).toBeTruthy();
    expect((bar.firstElementChild as HTMLElement).style.transform).toBe('scaleX(0.293)');
  });

  it('says when a round is done and how long it took, in Chinese', () => {
    renderIn(
      'zh_CN',
      <RoundProgress
        round={{ ...round, phase: 'completed', current: 410, percentage: 100, duration: 59.469, expiredFound: 0 }}
      />,
    );
    expect(screen.getByText('第 4 轮 · 用时 59.5秒')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: '第 4 轮检查进度' }).getAttribute('aria-valuenow')).toBe('410');
    expect(screen.getByText('本轮暂未发现过期')).toBeTruthy();
  });

  it('is indeterminate before any round', () => {
    renderIn('en', <RoundProgress round={null} />);
    const bar = screen.getByRole('progressbar', { name: 'Check progress' });
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(screen.getByText('Waiting for the first check')).toBeTruthy();
  });

  it('formats large counts for the locale', () => {
    renderIn('en', <RoundProgress round={{ ...round, current: 12345, total: 100000, percentage: 12.3 }} />);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(
      '12,345 of 100,000 users checked (12.3%)',
    );
  });
});
