import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../entrypoints/options/App';
import { sendMessage } from '../../../platform/messaging';
import { loadSettings } from '../../../platform/settings-store';
import { settingsItem } from '../../../platform/storage-items';
import { defaultSettings, FIRST_SERVER_ID, newServerEntry, type Settings } from '../../../utils/settings';

// The worker is not running in a unit test: stand in for its messages and for the browser's voices.
vi.mock('../../../platform/messaging', () => ({ sendMessage: vi.fn() }));
vi.mock('../../../entrypoints/options/load-voices', () => ({
  watchVoices: (onVoices: (voices: { name: string; lang: string }[]) => void) => {
    onVoices([{ name: 'Ting-Ting', lang: 'zh-CN' }]);
    return () => {};
  },
}));

const production = newServerEntry('prod', 'wss://prod.example.com/ws', 'Production');
const staging = newServerEntry('stage', 'wss://stage.example.com/ws', 'Staging');

const store = (change: Partial<Settings>) => settingsItem.setValue({ ...defaultSettings, ...change });

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(sendMessage).mockReset();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('options page', () => {
  it('opens in the stored language and re-renders at once in the chosen one', async () => {
    await store({ language: 'zh_CN' });
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: '设置' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('zh-CN'));
    expect(document.title).toBe('设置 - Token 监控提醒');

    fireEvent.change(screen.getByRole('combobox', { name: /界面|语言/ }), { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Spoken alerts' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(document.title).toBe('Settings – Token Monitor Notifier');
    await waitFor(async () => expect((await loadSettings()).language).toBe('en'));
  });

  it('saves a switch to storage and says so', async () => {
    await store({ language: 'en' });
    render(<App />);
    const toggle = (await screen.findByRole('switch', { name: /Desktop notifications/ })) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(async () => expect((await loadSettings()).notifications).toBe(false));
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(toggle.checked).toBe(false);
  });

  it('keeps two quick changes to the same group of settings', async () => {
    await store({ language: 'en' });
    render(<App />);
    const speech = (await screen.findByRole('switch', { name: /Read alerts aloud/ })) as HTMLInputElement;
    fireEvent.click(speech);
    // The page shows the change before storage confirms it; the next change builds on it.
    await waitFor(() => expect(speech.checked).toBe(false));
    fireEvent.change(screen.getByRole('combobox', { name: 'Voice' }), { target: { value: 'Ting-Ting' } });
    await waitFor(async () =>
      expect((await loadSettings()).speech).toEqual({
        ...defaultSettings.speech,
        enabled: false,
        voiceName: 'Ting-Ting',
      }),
    );
  });

  it('follows a change made elsewhere', async () => {
    await store({ language: 'en' });
    render(<App />);
    const input = (await screen.findByRole('textbox', { name: /^Server address/ })) as HTMLInputElement;
    expect(input.value).toBe('ws://localhost:8765');
    await store({ language: 'en', servers: [newServerEntry(FIRST_SERVER_ID, 'wss://elsewhere.example.com')] });
    await waitFor(() => expect(input.value).toBe('wss://elsewhere.example.com'));
  });

  it('does not store an invalid address', async () => {
    await store({ language: 'en', servers: [production, staging] });
    render(<App />);
    const input = await screen.findByRole('textbox', { name: 'Server address — Staging' });
    fireEvent.input(input, { target: { value: 'https://monitor.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save — Staging' }));
    expect(screen.getByRole('alert').textContent).toContain('must start with ws:// or wss://');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await loadSettings()).servers).toEqual([production, staging]);
  });

  it('stores a valid address and a name on their server', async () => {
    await store({ language: 'en', servers: [production, staging] });
    render(<App />);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Name — Staging' }), { target: { value: '测试' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Server address — Staging' }), {
      target: { value: 'wss://test.example.com/ws' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save — Staging' }));
    await waitFor(async () =>
      expect((await loadSettings()).servers).toEqual([
        production,
        { ...staging, name: '测试', url: 'wss://test.example.com/ws' },
      ]),
    );
  });

  it('adds a server, and removes one only once confirmed', async () => {
    await store({ language: 'zh_CN', servers: [production] });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '添加服务器' }));
    fireEvent.input(screen.getByRole('textbox', { name: '名称（新服务器）' }), { target: { value: '测试' } });
    fireEvent.input(screen.getByRole('textbox', { name: '服务器地址（新服务器）' }), {
      target: { value: 'wss://test.example.com/ws' },
    });
    fireEvent.click(screen.getByRole('button', { name: '添加（新服务器）' }));
    await waitFor(async () =>
      expect((await loadSettings()).servers.map(({ name, url }) => ({ name, url }))).toEqual([
        { name: 'Production', url: production.url },
        { name: '测试', url: 'wss://test.example.com/ws' },
      ]),
    );

    fireEvent.click(screen.getByRole('button', { name: '移除（Production）' }));
    expect(
      screen.getByText('移除“Production”？它的过期列表和检查记录将被清除；已发出的提醒仍留在提醒历史中。'),
    ).toBeTruthy();
    const question = screen.getByRole('group');
    fireEvent.click(within(question).getByRole('button', { name: '移除（Production）' }));
    await waitFor(async () => expect((await loadSettings()).servers.map(({ name }) => name)).toEqual(['测试']));
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['测试']);
  });

  it('saves a switch of one server on that server', async () => {
    await store({ language: 'en', servers: [production, staging] });
    render(<App />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Speech — Production' }));
    await waitFor(async () =>
      expect((await loadSettings()).servers).toEqual([{ ...production, speech: false }, staging]),
    );
  });

  it('tests the connection of one server with the page WebSocket and shows the outcome under it', async () => {
    const opened: string[] = [];
    // A socket whose server is not there: it fails before opening, as a refused connection does.
    class RefusedSocket {
      onopen: (() => void) | null = null;
      onmessage: (() => void) | null = null;
      onerror: ((event: Event) => void) | null = null;
      onclose: (() => void) | null = null;
      constructor(url: string) {
        opened.push(url);
        setTimeout(() => this.onerror?.(new Event('error')), 0);
      }
      send() {}
      close() {}
    }
    vi.stubGlobal('WebSocket', RefusedSocket);
    await store({ language: 'en', servers: [production, staging] });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Test connection — Staging' }));
    const card = (name: string) => screen.getByRole('heading', { level: 3, name }).closest('li') as HTMLElement;
    expect(await within(card('Staging')).findByText(/Could not connect/)).toBeTruthy();
    expect(opened).toEqual([staging.url]);
    expect(within(card('Production')).queryByText(/Could not connect/)).toBeNull();
  });

  it('speaks a test through the worker', async () => {
    vi.mocked(sendMessage).mockResolvedValue(undefined);
    await store({ language: 'en' });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Play a test' }));
    expect(sendMessage).toHaveBeenCalledWith('speakTest');
    expect(await screen.findByText('Playing the test alert…')).toBeTruthy();
  });

  it('clears stored data only after confirmation, then reports it', async () => {
    vi.mocked(sendMessage).mockResolvedValue(undefined);
    await store({ language: 'zh_CN' });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '清除数据…' }));
    expect(sendMessage).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '删除' }));
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith('clearStoredData');
    expect(await screen.findByText('本地数据已清除。')).toBeTruthy();
  });

  it('reports a failure to clear', async () => {
    vi.mocked(sendMessage).mockRejectedValue(new Error('Receiving end does not exist.'));
    await store({ language: 'en' });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Could not clear: Receiving end does not exist.')).toBeTruthy();
  });
});
