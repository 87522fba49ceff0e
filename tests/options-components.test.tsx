import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { ComponentChild, ComponentChildren } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../components/i18n-context';
import { AlertsSection } from '../components/options/AlertsSection';
import { ClearDataControl } from '../components/options/ClearDataControl';
import { ConnectionTestResult } from '../components/options/ConnectionTestResult';
import { LanguageSection } from '../components/options/LanguageSection';
import { QuietSection } from '../components/options/QuietSection';
import { ServerSection } from '../components/options/ServerSection';
import { SpeechSection } from '../components/options/SpeechSection';
import { nextMorning } from '../utils/alerts/mute-end';
import type { TestResult } from '../utils/connection/test-connection';
import type { Locale } from '../utils/i18n';
import { defaultSettings, type Settings } from '../utils/settings';
import * as serverUrl from '../utils/settings/server-url';

// 'no-host' cannot be produced through the WHATWG parser for ws:// (it refuses a ws URL without a host),
// so one test forces it to check that its message is wired.
vi.mock('../utils/settings/server-url', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../utils/settings/server-url')>();
  return { ...actual, serverUrlProblem: vi.fn(actual.serverUrlProblem) };
});

/** Renders as the options page does: inside its language (rerenders too). */
const renderIn = (locale: Locale, ui: ComponentChild) =>
  render(ui, {
    wrapper: ({ children }: { children: ComponentChildren }) => <I18nProvider locale={locale}>{children}</I18nProvider>,
  });

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const renderServer = (props: Partial<Parameters<typeof ServerSection>[0]> = {}) => {
  const onChange = vi.fn();
  const onTest = vi.fn();
  renderIn(
    'en',
    <ServerSection
      serverUrl="ws://localhost:8765"
      monitoring={true}
      test={{ phase: 'idle' }}
      testTimeoutMs={5000}
      onChange={onChange}
      onTest={onTest}
      {...props}
    />,
  );
  const input = screen.getByRole('textbox', { name: 'Server address' });
  const type = (text: string) => fireEvent.input(input, { target: { value: text } });
  const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  return { onChange, onTest, input, type, save };
};

describe('server address', () => {
  it.each([
    ['not a url', 'This is not an address'],
    ['http://monitor.example.com', 'The address must start with ws:// or wss://.'],
    ['localhost:8765', 'The address must start with ws:// or wss://.'],
  ])('refuses %s with its reason and keeps the old address', (text, reason) => {
    const { onChange, input, type, save } = renderServer();
    type(text);
    save();
    const error = screen.getByRole('alert');
    expect(error.textContent).toContain(reason);
    expect(error.textContent).toContain('Not saved. Still using ws://localhost:8765.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('names a missing host', () => {
    vi.mocked(serverUrl.serverUrlProblem).mockReturnValueOnce('no-host');
    const { onChange, type, save } = renderServer();
    type('ws://');
    save();
    expect(screen.getByRole('alert').textContent).toContain('The address has no server name');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('saves a valid address, trimmed', () => {
    const { onChange, type, save } = renderServer();
    type('  wss://monitor.example.com/ws  ');
    expect(screen.getByText('Not saved yet')).toBeTruthy();
    save();
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ serverUrl: 'wss://monitor.example.com/ws' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('saves on Enter', () => {
    const { onChange, input, type } = renderServer();
    type('ws://127.0.0.1:9000');
    const form = input.closest('form');
    if (!form) throw new Error('the address field is not in a form');
    fireEvent.submit(form);
    expect(onChange).toHaveBeenCalledWith({ serverUrl: 'ws://127.0.0.1:9000' });
  });

  it('clears the error as soon as the address is edited', () => {
    const { type, save } = renderServer();
    type('nope');
    save();
    expect(screen.queryByRole('alert')).not.toBeNull();
    type('ws://');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns that ws:// to another machine is unencrypted, but still saves', () => {
    const { onChange, type, save } = renderServer();
    expect(screen.queryByText(/ws:\/\/ is not encrypted/)).toBeNull();
    type('ws://10.0.0.5:8765');
    expect(screen.getByText(/ws:\/\/ is not encrypted/).textContent).toContain('Use wss://');
    save();
    expect(onChange).toHaveBeenCalledWith({ serverUrl: 'ws://10.0.0.5:8765' });
  });

  it.each(['ws://localhost:8765', 'ws://127.0.0.1:8765', 'ws://[::1]:8765', 'wss://10.0.0.5:8765'])(
    'does not warn for %s',
    (text) => {
      const { type } = renderServer();
      type(text);
      expect(screen.queryByText(/not encrypted/)).toBeNull();
    },
  );

  it('tests the typed address, and says it is testing', () => {
    const { onTest, type } = renderServer();
    type('ws://example.com:1');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(onTest).toHaveBeenCalledWith('ws://example.com:1');
    cleanup();
    renderServer({ test: { phase: 'running', url: 'ws://localhost:8765' } });
    const button = screen.getByRole('button', { name: 'Testing…' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });

  it('shows a test result only beside the address it was measured on', () => {
    const { type } = renderServer({
      test: { phase: 'done', url: 'ws://localhost:8765', result: { ok: true, latencyMs: 12 } },
    });
    expect(screen.getByRole('status').textContent).toBe('Connected — 12 ms');
    type('ws://localhost:9999');
    expect(screen.getByRole('status').textContent).toBe('');
    type('ws://localhost:8765');
    expect(screen.getByRole('status').textContent).toBe('Connected — 12 ms');
  });

  it('turns monitoring off', () => {
    const { onChange } = renderServer();
    fireEvent.click(screen.getByRole('switch', { name: /Monitor the server/ }));
    expect(onChange).toHaveBeenCalledWith({ monitoring: false });
  });
});

describe('connection test result', () => {
  const show = (result: TestResult, locale: Locale = 'en') => {
    renderIn(
      locale,
      <ConnectionTestResult state={{ phase: 'done', url: 'ws://localhost:8765', result }} timeoutMs={5000} />,
    );
    return screen.getByRole('status');
  };

  it('shows nothing before a test', () => {
    renderIn('en', <ConnectionTestResult state={{ phase: 'idle' }} timeoutMs={5000} />);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('shows the round trip in milliseconds', () => {
    const status = show({ ok: true, latencyMs: 12.4, serverLatencyMs: 3 });
    expect(status.textContent).toBe('Connected — 12 ms');
    expect(status.className).toContain('ok');
  });

  it('shows the round trip in Chinese', () => {
    expect(show({ ok: true, latencyMs: 40 }, 'zh_CN').textContent).toBe('连接成功，往返 40 毫秒');
  });

  it.each<[string, TestResult, string]>([
    [
      'refused',
      { ok: false, problem: 'refused', stage: 'connect', detail: 'could not open the socket' },
      'Could not connect. Check the address and port',
    ],
    [
      'timeout while connecting',
      { ok: false, problem: 'timeout', stage: 'connect', detail: '' },
      'No connection within 5 s',
    ],
    [
      'timeout waiting for welcome',
      { ok: false, problem: 'timeout', stage: 'welcome', detail: '' },
      'Connected, but the server sent nothing within 5 s.',
    ],
    [
      'timeout waiting for pong',
      { ok: false, problem: 'timeout', stage: 'pong', detail: '' },
      'Connected, but the server did not answer the ping within 5 s.',
    ],
    [
      'closed',
      { ok: false, problem: 'closed', stage: 'pong', detail: 'close code 1011', closeCode: 1011 },
      'The server closed the connection (code 1011).',
    ],
    [
      'not-token-monitor',
      { ok: false, problem: 'not-token-monitor', stage: 'welcome', detail: '2 frame(s)' },
      'it is not a Token Monitor server',
    ],
    [
      'invalid-url',
      { ok: false, problem: 'invalid-url', stage: 'connect', detail: 'wrong-scheme', urlProblem: 'wrong-scheme' },
      'The address must start with ws:// or wss://.',
    ],
  ])('explains %s', (_name, result, text) => {
    const status = show(result);
    expect(status.textContent).toContain(text);
    expect(status.className).toContain('error');
  });

  it('adds the technical detail under a failure', () => {
    const status = show({ ok: false, problem: 'refused', stage: 'connect', detail: 'close code 1006' });
    expect(status.textContent).toContain('Details: close code 1006');
  });
});

describe('alert switches', () => {
  it.each<[string, Partial<Settings>]>([
    ['Desktop notifications', { notifications: false }],
    ['Remind after every check round', { remindEveryRound: true }],
    ['Hide the middle of phone numbers', { maskPhones: false }],
  ])('%s saves its own setting', (name, change) => {
    const onChange = vi.fn();
    renderIn('en', <AlertsSection settings={defaultSettings} onChange={onChange} />);
    const toggle = screen.getByRole('switch', { name: new RegExp(name) }) as HTMLInputElement;
    expect(toggle.checked).toBe(!Object.values(change)[0]);
    fireEvent.click(toggle);
    expect(onChange).toHaveBeenCalledExactlyOnceWith(change);
  });

  it('describes each switch with its help text', () => {
    renderIn('zh_CN', <AlertsSection settings={defaultSettings} onChange={vi.fn()} />);
    const toggle = screen.getByRole('switch', { name: /隐藏手机号中间四位/ });
    const help = document.getElementById(toggle.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toContain('138****8000');
  });
});

describe('speech', () => {
  const voices = [
    { name: 'Samantha', lang: 'en-US' },
    { name: 'Mandarin', lang: 'cmn' },
    { name: 'Ting-Ting', lang: 'zh-CN' },
    { name: 'Sin-ji', lang: 'yue-HK' },
  ];
  const renderSpeech = (props: Partial<Parameters<typeof SpeechSection>[0]> = {}, locale: Locale = 'en') => {
    const onChange = vi.fn();
    const onSpeakTest = vi.fn();
    renderIn(
      locale,
      <SpeechSection
        speech={defaultSettings.speech}
        voices={voices}
        speakTest={{ phase: 'idle' }}
        onChange={onChange}
        onSpeakTest={onSpeakTest}
        {...props}
      />,
    );
    return { onChange, onSpeakTest };
  };
  const optionTexts = (select: HTMLElement) => [...select.querySelectorAll('option')].map((option) => option.text);

  it('turns speech off, keeping the other speech settings', () => {
    const { onChange } = renderSpeech();
    fireEvent.click(screen.getByRole('switch', { name: /Read alerts aloud/ }));
    expect(onChange).toHaveBeenCalledWith({ speech: { ...defaultSettings.speech, enabled: false } });
  });

  it('lists Chinese voices first for a Chinese reader', () => {
    renderSpeech({}, 'zh_CN');
    const select = screen.getByRole('combobox', { name: '声音' });
    expect(optionTexts(select)).toEqual([
      '自动（按语言选择最合适的声音）',
      'Mandarin (cmn)',
      'Ting-Ting (zh-CN)',
      'Sin-ji (yue-HK)',
      'Samantha (en-US)',
    ]);
    expect(select.querySelector('optgroup')?.getAttribute('label')).toBe('中文');
  });

  it('keeps the browser order for an English reader', () => {
    renderSpeech();
    expect(optionTexts(screen.getByRole('combobox', { name: 'Voice' })).slice(1)).toEqual([
      'Samantha (en-US)',
      'Mandarin (cmn)',
      'Ting-Ting (zh-CN)',
      'Sin-ji (yue-HK)',
    ]);
  });

  it('saves a chosen voice, and automatic as null', () => {
    const { onChange } = renderSpeech({ speech: { ...defaultSettings.speech, voiceName: 'Samantha' } });
    const select = screen.getByRole('combobox', { name: 'Voice' });
    fireEvent.change(select, { target: { value: 'Ting-Ting' } });
    expect(onChange).toHaveBeenLastCalledWith({ speech: { ...defaultSettings.speech, voiceName: 'Ting-Ting' } });
    fireEvent.change(select, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ speech: { ...defaultSettings.speech, voiceName: null } });
  });

  it('says when the chosen voice is not on this device', () => {
    renderSpeech({ speech: { ...defaultSettings.speech, voiceName: 'Microsoft Huihui' } });
    const select = screen.getByRole('combobox', { name: 'Voice' }) as HTMLSelectElement;
    expect(select.selectedOptions[0]?.text).toBe('Microsoft Huihui (not on this device)');
    expect(screen.getByText(/not installed here/)).toBeTruthy();
  });

  it('does not call a voice missing while the list is still loading', () => {
    renderSpeech({ voices: null, speech: { ...defaultSettings.speech, voiceName: 'Microsoft Huihui' } });
    expect(screen.queryByText(/not installed here/)).toBeNull();
  });

  it('says when the browser has no voices', () => {
    renderSpeech({ voices: [] });
    expect(screen.getByText(/offers no voices/)).toBeTruthy();
  });

  it('saves rate and volume when the slider is released, not while it moves', () => {
    const { onChange } = renderSpeech();
    const rate = screen.getByRole('slider', { name: 'Speed' });
    fireEvent.input(rate, { target: { value: '1.5' } });
    expect(rate.getAttribute('aria-valuetext')).toBe('1.5×');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(rate, { target: { value: '1.5' } });
    expect(onChange).toHaveBeenLastCalledWith({ speech: { ...defaultSettings.speech, rate: 1.5 } });

    const volume = screen.getByRole('slider', { name: 'Volume' });
    fireEvent.input(volume, { target: { value: '0.35' } });
    expect(screen.getByText('35%')).toBeTruthy();
    fireEvent.change(volume, { target: { value: '0.35' } });
    expect(onChange).toHaveBeenLastCalledWith({ speech: { ...defaultSettings.speech, volume: 0.35 } });
  });

  it('plays a test and reports it', () => {
    const { onSpeakTest } = renderSpeech({ speakTest: { phase: 'done' } });
    fireEvent.click(screen.getByRole('button', { name: 'Play a test' }));
    expect(onSpeakTest).toHaveBeenCalledOnce();
    expect(screen.getByText('Playing the test alert…')).toBeTruthy();
  });

  it('reports a failed test', () => {
    renderSpeech({ speakTest: { phase: 'failed', reason: 'no worker' } });
    expect(screen.getByText('Could not play the test: no worker')).toBeTruthy();
  });
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

  it('finds the next 08:00', () => {
    expect(nextMorning(afternoon)).toBe(new Date(2025, 8, 4, 8, 0).getTime());
    expect(nextMorning(new Date(2025, 8, 3, 2, 0).getTime())).toBe(new Date(2025, 8, 3, 8, 0).getTime());
    expect(nextMorning(new Date(2025, 8, 3, 8, 0).getTime())).toBe(new Date(2025, 8, 4, 8, 0).getTime());
  });

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

describe('language', () => {
  it('offers automatic, Chinese and English, each language named in itself', () => {
    const onChange = vi.fn();
    renderIn('en', <LanguageSection language="auto" browserLocale="zh_CN" onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: /Language/ }) as HTMLSelectElement;
    expect([...select.options].map((option) => option.text)).toEqual([
      'Same as the browser (简体中文)',
      '简体中文',
      'English',
    ]);
    fireEvent.change(select, { target: { value: 'zh_CN' } });
    expect(onChange).toHaveBeenCalledWith({ language: 'zh_CN' });
  });
});

describe('clear stored data', () => {
  const renderClear = (state: Parameters<typeof ClearDataControl>[0]['state'] = { phase: 'idle' }) => {
    const onClear = vi.fn();
    renderIn('en', <ClearDataControl state={state} onClear={onClear} />);
    return onClear;
  };

  it('asks first, and clears only after the confirmation', () => {
    const onClear = renderClear();
    fireEvent.click(screen.getByRole('button', { name: 'Clear data…' }));
    expect(onClear).not.toHaveBeenCalled();
    const question = screen.getByRole('group', { name: /Delete all stored data\? This cannot be undone\./ });
    expect(document.activeElement?.textContent, 'focus on the safe choice').toBe('Cancel');
    fireEvent.click(within(question).getByRole('button', { name: 'Delete' }));
    expect(onClear).toHaveBeenCalledOnce();
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('can be cancelled with the button or Escape', () => {
    const onClear = renderClear();
    fireEvent.click(screen.getByRole('button', { name: 'Clear data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear data…' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(onClear).not.toHaveBeenCalled();
  });

  it('shows the result', () => {
    renderClear({ phase: 'done' });
    expect(screen.getByRole('status').textContent).toBe('Stored data cleared.');
    cleanup();
    renderClear({ phase: 'failed', reason: 'no worker' });
    expect(screen.getByRole('status').textContent).toBe('Could not clear: no worker');
  });
});
