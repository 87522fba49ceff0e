import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuietSection } from '../../../components/options/QuietSection';
import type { Locale } from '../../../utils/i18n';
import { defaultSettings } from '../../../utils/settings';
import { renderIn } from '../../fixtures/render-in';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('do not disturb', () => {
  // Local times, so the tests hold in any time zone.
  const afternoon = new Date(2025, 8, 3, 14, 30).getTime();
  const renderQuiet = (props: Partial<Parameters<typeof QuietSection>[0]> = {}, locale: Locale = 'en') => {
    const onChange = vi.fn();
    renderIn(
      locale,
      <QuietSection
        mutedUntil={null}
        quietHours={defaultSettings.quietHours}
        now={afternoon}
        onChange={onChange}
        {...props}
      />,
    );
    return onChange;
  };

  it('mutes for an hour or until tomorrow morning', () => {
    // A mute starts at the click: the click happens at `afternoon`, the time the row was drawn with.
    vi.useFakeTimers({ now: afternoon, toFake: ['Date'] });
    const onChange = renderQuiet();
    expect(screen.getByText('Not muted')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Unmute' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mute for 1 hour' }));
    expect(onChange).toHaveBeenLastCalledWith({ mutedUntil: afternoon + 60 * 60 * 1000 });
    fireEvent.click(screen.getByRole('button', { name: 'Mute until 08:00 tomorrow' }));
    expect(onChange).toHaveBeenLastCalledWith({ mutedUntil: new Date(2025, 8, 4, 8, 0).getTime() });
  });

  it('measures a mute from the click, not from the clock the row was drawn with', () => {
    // The page redraws its clock every 10 s; a mute measured from it would come out up to that much short.
    vi.useFakeTimers({ now: afternoon + 9000, toFake: ['Date'] });
    const onChange = renderQuiet();
    fireEvent.click(screen.getByRole('button', { name: 'Mute for 1 hour' }));
    expect(onChange).toHaveBeenLastCalledWith({ mutedUntil: afternoon + 9000 + 60 * 60 * 1000 });
  });

  it('mutes until the next morning as of the click, even when the row was drawn just before 08:00', () => {
    const drawnAt = new Date(2025, 8, 3, 7, 59, 55).getTime();
    vi.useFakeTimers({ now: drawnAt + 10_000, toFake: ['Date'] });
    const onChange = renderQuiet({ now: drawnAt });
    // Today's 08:00 has passed by the click: a mute until then would silence nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Mute until 08:00 today' }));
    expect(onChange).toHaveBeenLastCalledWith({ mutedUntil: new Date(2025, 8, 4, 8, 0).getTime() });
  });

  it('says "today" when the morning is still ahead', () => {
    const night = new Date(2025, 8, 3, 2, 0).getTime();
    renderQuiet({ now: night }, 'zh_CN');
    expect(screen.getByRole('button', { name: '静音到今天 08:00' })).toBeTruthy();
  });

  it('shows until when it is muted, and unmutes', () => {
    const onChange = renderQuiet({ mutedUntil: new Date(2025, 8, 3, 15, 30).getTime() });
    expect(screen.getByText('Muted until 15:30')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    expect(onChange).toHaveBeenCalledWith({ mutedUntil: null });
  });

  it('names the day of a mute that ends on another day', () => {
    renderQuiet({ mutedUntil: new Date(2025, 8, 4, 8, 0).getTime() }, 'zh_CN');
    expect(screen.getByText(/^已静音，到 9月4日 08:00 为止$/)).toBeTruthy();
  });

  it('treats a mute in the past as not muted', () => {
    renderQuiet({ mutedUntil: afternoon - 1 });
    expect(screen.getByText('Not muted')).toBeTruthy();
  });

  it('turns quiet hours on; their times can be changed only then', () => {
    const onChange = renderQuiet();
    expect((screen.getByLabelText('From') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('switch', { name: /Daily quiet hours/ }));
    expect(onChange).toHaveBeenLastCalledWith({ quietHours: { enabled: true, start: '22:00', end: '08:00' } });
  });

  it('changes the quiet hours', () => {
    const onChange = renderQuiet({ quietHours: { enabled: true, start: '22:00', end: '08:00' } });
    const start = screen.getByLabelText('From') as HTMLInputElement;
    expect(start.type).toBe('time');
    expect(start.disabled).toBe(false);
    expect(start.value).toBe('22:00');
    fireEvent.change(start, { target: { value: '23:30' } });
    expect(onChange).toHaveBeenLastCalledWith({ quietHours: { enabled: true, start: '23:30', end: '08:00' } });
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '07:15' } });
    expect(onChange).toHaveBeenLastCalledWith({ quietHours: { enabled: true, start: '22:00', end: '07:15' } });
  });

  it('does not save a cleared time', () => {
    const onChange = renderQuiet({ quietHours: { enabled: true, start: '22:00', end: '08:00' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '' } });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('warns when start and end are the same', () => {
    renderQuiet({ quietHours: { enabled: true, start: '08:00', end: '08:00' } });
    expect(screen.getByText(/quiet hours never apply/)).toBeTruthy();
  });
});
