import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerSection } from '../../../components/options/ServerSection';
import * as serverUrl from '../../../utils/settings/server-url';
import { renderIn } from '../../fixtures/render-in';

// 'no-host' cannot be produced through the WHATWG parser for ws:// (it refuses a ws URL without a host),
// so one test forces it to check that its message is wired.
vi.mock('../../../utils/settings/server-url', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../utils/settings/server-url')>();
  return { ...actual, serverUrlProblem: vi.fn(actual.serverUrlProblem) };
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
