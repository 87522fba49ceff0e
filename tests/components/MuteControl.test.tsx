import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MuteControl } from '../../components/MuteControl';
import { renderIn } from '../fixtures/render-in';

const NOW = new Date(2025, 8, 3, 12, 0, 0).getTime();

afterEach(cleanup);

describe('MuteControl', () => {
  it('mutes, and shows until when it is muted', () => {
    const onChange = vi.fn();
    const { rerender } = renderIn('zh_CN', <MuteControl mutedUntil={null} now={NOW} onChange={onChange} />);
    const before = Date.now();
    fireEvent.click(screen.getByRole('button', { name: '静音 1 小时' }));
    expect(onChange).toHaveBeenCalledOnce();
    // An hour from the click, not from the `now` it was drawn with.
    const muted = onChange.mock.calls[0]?.[0] as number;
    expect(muted - before).toBeGreaterThanOrEqual(60 * 60 * 1000);
    expect(muted - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);

    const until = new Date(2025, 8, 3, 14, 5).getTime();
    rerender(<MuteControl mutedUntil={until} now={NOW} onChange={onChange} />);
    expect(screen.getByText('已静音至 14:05')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消静音' }));
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('treats a mute that has run out as no mute', () => {
    renderIn('en', <MuteControl mutedUntil={NOW - 1} now={NOW} onChange={() => {}} />);
    expect(screen.getByRole('button', { name: 'Mute 1 h' })).toBeTruthy();
    expect(screen.queryByText(/Muted until/)).toBeNull();
  });
});
