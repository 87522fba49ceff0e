import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionTestState } from '../../../components/options/connection-test-state';
import { ServerSection } from '../../../components/options/ServerSection';
import type { Locale } from '../../../utils/i18n';
import { MAX_SERVERS, newServerEntry, type ServerEntry, type Settings } from '../../../utils/settings';
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

const NOW = new Date(2025, 8, 3, 12, 0, 0).getTime();
const HOUR = 60 * 60 * 1000;

const production = newServerEntry('prod', 'wss://prod.example.com/ws', 'Production');
const staging = newServerEntry('stage', 'wss://stage.example.com/ws', 'Staging');
const local = newServerEntry('local', 'ws://localhost:8765');

interface Options {
  locale?: Locale;
  monitoring?: boolean;
  tests?: Record<string, ConnectionTestState>;
  random?: () => number;
}

/** The section as the page holds it: every change it saves comes back as its new list. */
const renderServers = (initial: ServerEntry[], options: Options = {}) => {
  const onChange = vi.fn<(change: Partial<Settings>) => void>();
  const onTest = vi.fn<(serverId: string, url: string) => void>();
  let setTests: (tests: Record<string, ConnectionTestState>) => void = () => {};
  let setServers: (servers: ServerEntry[]) => void = () => {};
  const Page = () => {
    const [servers, keepServers] = useState(initial);
    const [tests, keepTests] = useState(options.tests ?? {});
    setServers = keepServers;
    setTests = keepTests;
    return (
      <ServerSection
        servers={servers}
        monitoring={options.monitoring ?? true}
        tests={tests}
        testTimeoutMs={5000}
        now={NOW}
        random={options.random ?? (() => 0.5)}
        onChange={(change) => {
          onChange(change);
          if (change.servers) keepServers(change.servers);
        }}
        onTest={onTest}
      />
    );
  };
  renderIn(options.locale ?? 'en', <Page />);
  /** The list saved last. */
  const saved = () => {
    const servers = onChange.mock.lastCall?.[0].servers;
    if (!servers) throw new Error('no server list was saved');
    return servers;
  };
  const card = (title: string) => {
    const heading = screen.getByRole('heading', { level: 3, name: title });
    const item = heading.closest('li');
    if (!item) throw new Error(`${title} is not in the list`);
    return item;
  };
  return {
    onChange,
    onTest,
    saved,
    card,
    showTests: (tests: Record<string, ConnectionTestState>) => act(() => setTests(tests)),
    /** A change saved in another window. */
    replaceServers: (servers: ServerEntry[]) => act(() => setServers(servers)),
  };
};

const titles = () => screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
const addressField = (server: string) =>
  screen.getByRole('textbox', { name: `Server address — ${server}` }) as HTMLInputElement;
const nameField = (server: string) => screen.getByRole('textbox', { name: `Name — ${server}` }) as HTMLInputElement;
const type = (field: HTMLElement, text: string) => fireEvent.input(field, { target: { value: text } });
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

describe('a server address', () => {
  const editLocal = () => {
    const view = renderServers([local]);
    const input = addressField('localhost:8765');
    return { ...view, input, type: (text: string) => type(input, text), save: () => click('Save — localhost:8765') };
  };

  it.each([
    ['not a url', 'This is not an address'],
    ['http://monitor.example.com', 'The address must start with ws:// or wss://.'],
    ['localhost:8765', 'The address must start with ws:// or wss://.'],
  ])('refuses %s with its reason and keeps the old address', (text, reason) => {
    const { onChange, input, type, save } = editLocal();
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
    const { onChange, type, save } = editLocal();
    type('ws://');
    save();
    expect(screen.getByRole('alert').textContent).toContain('The address has no server name');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('saves a valid address, trimmed, on its own server', () => {
    const { onChange, type, save } = editLocal();
    type('  wss://monitor.example.com/ws  ');
    expect(screen.getByText('Not saved yet')).toBeTruthy();
    save();
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ servers: [{ ...local, url: 'wss://monitor.example.com/ws' }] });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText('Not saved yet')).toBeNull();
  });

  it('saves on Enter', () => {
    const { saved, input, type } = editLocal();
    type('ws://127.0.0.1:9000');
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(saved()).toEqual([{ ...local, url: 'ws://127.0.0.1:9000' }]);
  });

  it('clears the error as soon as the address is edited', () => {
    const { type, save } = editLocal();
    type('nope');
    save();
    expect(screen.queryByRole('alert')).not.toBeNull();
    type('ws://');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns that ws:// to another machine is unencrypted, but still saves', () => {
    const { saved, type, save } = editLocal();
    expect(screen.queryByText(/ws:\/\/ is not encrypted/)).toBeNull();
    type('ws://10.0.0.5:8765');
    expect(screen.getByText(/ws:\/\/ is not encrypted/).textContent).toContain('Use wss://');
    save();
    expect(saved()[0]?.url).toBe('ws://10.0.0.5:8765');
  });

  it.each(['ws://localhost:8765', 'ws://127.0.0.1:8765', 'ws://[::1]:8765', 'wss://10.0.0.5:8765'])(
    'does not warn for %s',
    (text) => {
      const { type } = editLocal();
      type(text);
      expect(screen.queryByText(/not encrypted/)).toBeNull();
    },
  );

  it('points out an address another server already has', () => {
    renderServers([production, staging]);
    type(addressField('Staging'), 'wss://PROD.example.com/ws');
    expect(screen.getByText(/already in the list as Production/)).toBeTruthy();
    type(addressField('Staging'), 'wss://stage.example.com/ws');
    expect(screen.queryByText(/already in the list/)).toBeNull();
  });

  it('follows a change saved elsewhere, without wiping what is typed before it', () => {
    const { replaceServers } = renderServers([local]);
    type(addressField('localhost:8765'), 'ws://typing');
    expect(addressField('localhost:8765').value).toBe('ws://typing');
    replaceServers([{ ...local, url: 'wss://elsewhere.example.com' }]);
    expect(addressField('elsewhere.example.com').value).toBe('wss://elsewhere.example.com');
  });
});

describe('the list of servers', () => {
  it('shows every server under its name, or its host when it has none', () => {
    renderServers([production, staging, local]);
    expect(titles()).toEqual(['Production', 'Staging', 'localhost:8765']);
    expect(nameField('localhost:8765').placeholder).toBe('localhost:8765');
    expect(nameField('Production').value).toBe('Production');
    expect(addressField('Staging').value).toBe('wss://stage.example.com/ws');
  });

  it('renames a server, and only that one', () => {
    const { saved, card } = renderServers([production, staging, local]);
    type(nameField('localhost:8765'), '  Test bench ');
    // The placeholder shows the host the empty name stands for, following the typed address.
    type(addressField('localhost:8765'), 'ws://10.1.2.3:8765');
    expect(nameField('localhost:8765').placeholder).toBe('10.1.2.3:8765');
    fireEvent.click(within(card('localhost:8765')).getByRole('button', { name: /^Save/ }));
    expect(saved()).toEqual([production, staging, { ...local, name: 'Test bench', url: 'ws://10.1.2.3:8765' }]);
    expect(titles()).toEqual(['Production', 'Staging', 'Test bench']);
  });

  it('names every repeated control after its server, in Chinese too', () => {
    renderServers([production], { locale: 'zh_CN' });
    for (const name of ['名称（Production）', '服务器地址（Production）']) {
      expect(screen.getByRole('textbox', { name })).toBeTruthy();
    }
    for (const name of ['监控（Production）', '通知（Production）', '播报（Production）']) {
      expect(screen.getByRole('switch', { name })).toBeTruthy();
    }
    for (const name of [
      '保存（Production）',
      '测试连接（Production）',
      '静音 1 小时（Production）',
      '移除（Production）',
    ]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: '上移“Production”' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '下移“Production”' })).toBeTruthy();
  });

  it('turns monitoring of every server off', () => {
    const { onChange } = renderServers([production, staging]);
    fireEvent.click(screen.getByRole('switch', { name: /Monitor the servers/ }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ monitoring: false });
  });
});

describe('adding a server', () => {
  it('adds a server once its address is valid, and moves the focus to it', () => {
    const { onChange, saved } = renderServers([production], { random: () => 0.25 });
    click('Add server');
    const name = nameField('New server');
    expect(document.activeElement, 'the new name field takes the focus').toBe(name);
    type(name, 'Staging');

    click('Add — New server');
    expect(screen.getByRole('alert').textContent).toContain('This is not an address');
    type(addressField('New server'), 'https://stage.example.com');
    click('Add — New server');
    expect(screen.getByRole('alert').textContent).toContain('must start with ws:// or wss://');
    expect(onChange).not.toHaveBeenCalled();

    type(addressField('New server'), ' wss://stage.example.com/ws ');
    fireEvent.submit(addressField('New server').closest('form') as HTMLFormElement);
    const [first, added] = saved();
    expect(saved()).toHaveLength(2);
    expect(first).toEqual(production);
    expect(added).toEqual({
      id: expect.stringMatching(/^s[0-9a-z]+$/),
      name: 'Staging',
      url: 'wss://stage.example.com/ws',
      enabled: true,
      notifications: true,
      speech: true,
      mutedUntil: null,
    });
    expect(titles()).toEqual(['Production', 'Staging']);
    expect(document.activeElement?.textContent).toBe('Staging');
    expect(screen.getByText('Added Staging.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add server' })).toBeTruthy();
  });

  it('gives every new server an id of its own', () => {
    // The second server draws the first one's id again before a free one.
    const draws = [0.5, 0.5, 0.75];
    const { saved } = renderServers([local], { random: () => draws.shift() ?? 0.9 });
    for (const url of ['ws://localhost:9001', 'ws://localhost:9002']) {
      click('Add server');
      type(addressField('New server'), url);
      click('Add — New server');
    }
    const ids = saved().map((server) => server.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('stores nothing when cancelled, with the button or Escape, and gives the focus back', () => {
    const { onChange } = renderServers([production]);
    click('Add server');
    type(addressField('New server'), 'ws://localhost:9000');
    click('Cancel');
    expect(screen.queryByRole('textbox', { name: /New server/ })).toBeNull();
    expect(document.activeElement?.textContent).toBe('Add server');

    click('Add server');
    fireEvent.keyDown(nameField('New server'), { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: /New server/ })).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('keeps the test of a server being added with it once it is added', () => {
    const { onTest, saved, showTests } = renderServers([production]);
    click('Add server');
    type(addressField('New server'), 'ws://localhost:9000');
    click('Test connection — New server');
    const [[draftId, url] = []] = onTest.mock.calls;
    expect(url).toBe('ws://localhost:9000');
    showTests({ [draftId ?? '']: { phase: 'done', url: 'ws://localhost:9000', result: { ok: true, latencyMs: 8 } } });
    expect(screen.getByText('Connected — 8 ms')).toBeTruthy();
    click('Add — New server');
    expect(saved()[1]?.id).toBe(draftId);
    expect(screen.getByText('Connected — 8 ms')).toBeTruthy();
  });

  it('is refused at the limit, saying why, and supports that many servers', () => {
    const many = Array.from({ length: MAX_SERVERS }, (_, index) =>
      newServerEntry(`s${index}`, `ws://10.0.0.${index}:8765`, `Server ${index + 1}`),
    );
    const { saved, card } = renderServers(many);
    expect(titles()).toHaveLength(MAX_SERVERS);
    const add = screen.getByRole('button', { name: 'Add server' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    const reason = screen.getByText(`Up to ${MAX_SERVERS} servers. Remove one to add another.`);
    expect(add.getAttribute('aria-describedby')).toBe(reason.id);

    fireEvent.click(within(card('Server 12')).getByRole('button', { name: 'Remove — Server 12' }));
    fireEvent.click(within(screen.getByRole('group')).getByRole('button', { name: 'Remove — Server 12' }));
    expect(saved()).toHaveLength(MAX_SERVERS - 1);
    expect((screen.getByRole('button', { name: 'Add server' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByText(/Remove one to add another/)).toBeNull();
  });
});

describe('reordering', () => {
  it('moves a server up and down, keeping the focus on it', () => {
    const { saved } = renderServers([production, staging, local]);
    const down = () => screen.getByRole('button', { name: 'Move Production down' }) as HTMLButtonElement;
    const up = () => screen.getByRole('button', { name: 'Move Production up' }) as HTMLButtonElement;
    expect(up().disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Move localhost:8765 down' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(down());
    expect(saved().map((server) => server.id)).toEqual(['stage', 'prod', 'local']);
    expect(titles()).toEqual(['Staging', 'Production', 'localhost:8765']);
    expect(document.activeElement).toBe(down());
    expect(screen.getByText('Production is now number 2 of 3.')).toBeTruthy();

    fireEvent.click(down());
    expect(titles()).toEqual(['Staging', 'localhost:8765', 'Production']);
    // At the bottom it can only go up: the focus moves to the arrow that still works.
    expect(down().disabled).toBe(true);
    expect(document.activeElement).toBe(up());

    fireEvent.click(up());
    expect(saved().map((server) => server.id)).toEqual(['stage', 'prod', 'local']);
    expect(saved()[1]).toEqual(production);
  });
});

describe('removing a server', () => {
  it('asks first, then removes only that server and moves the focus to the next', () => {
    const { onChange, saved } = renderServers([production, staging, local]);
    click('Remove — Staging');
    expect(onChange).not.toHaveBeenCalled();
    const question = screen.getByRole('group', {
      name: 'Remove Staging? Its expired list and round history are forgotten; past alerts stay in the alert history.',
    });
    expect(document.activeElement, 'focus on the safe choice').toBe(
      within(question).getByRole('button', { name: 'Cancel — Staging' }),
    );
    fireEvent.click(within(question).getByRole('button', { name: 'Remove — Staging' }));
    expect(saved()).toEqual([production, local]);
    expect(titles()).toEqual(['Production', 'localhost:8765']);
    expect(document.activeElement?.textContent).toBe('localhost:8765');
    expect(screen.getByText('Removed Staging.')).toBeTruthy();
  });

  it('keeps the server when cancelled, with the button or Escape', () => {
    const { onChange } = renderServers([production, staging]);
    const remove = screen.getByRole('button', { name: 'Remove — Production' });
    fireEvent.click(remove);
    click('Cancel — Production');
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(remove);

    fireEvent.click(remove);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel — Production' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
    expect(titles()).toEqual(['Production', 'Staging']);
  });

  it('can remove the last server, leaving a way to add one', () => {
    const { saved } = renderServers([local]);
    click('Remove — localhost:8765');
    fireEvent.click(within(screen.getByRole('group')).getByRole('button', { name: 'Remove — localhost:8765' }));
    expect(saved()).toEqual([]);
    expect(screen.getByText('No server yet. Add one to start monitoring.')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Add server');
  });
});

describe('switches of one server', () => {
  it.each([
    ['Monitor', 'enabled'],
    ['Notifications', 'notifications'],
    ['Speech', 'speech'],
  ] as const)('saves %s on that server only', (label, field) => {
    const { saved } = renderServers([production, staging, local]);
    const toggle = screen.getByRole('switch', { name: `${label} — Staging` }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    expect(saved()).toEqual([production, { ...staging, [field]: false }, local]);
    expect(toggle.checked).toBe(false);
  });

  it('says when a server is off', () => {
    const { card } = renderServers([production, { ...staging, enabled: false }]);
    expect(within(card('Staging')).getByText('Off')).toBeTruthy();
    expect(within(card('Production')).queryByText('Off')).toBeNull();
  });

  it('mutes one server for an hour from the click, and unmutes it', () => {
    const { saved, card, replaceServers } = renderServers([production, staging]);
    const before = Date.now();
    click('Mute 1 h — Staging');
    const mutedUntil = saved()[1]?.mutedUntil ?? 0;
    expect(mutedUntil - before).toBeGreaterThanOrEqual(HOUR);
    expect(mutedUntil - Date.now()).toBeLessThanOrEqual(HOUR);
    expect(saved()[0]).toEqual(production);

    replaceServers([production, { ...staging, mutedUntil: new Date(2025, 8, 3, 14, 5).getTime() }]);
    expect(within(card('Staging')).getByText('Muted until 14:05')).toBeTruthy();
    expect(within(card('Production')).queryByText(/Muted until/)).toBeNull();
    click('Unmute — Staging');
    expect(saved()).toEqual([production, staging]);
  });

  it('treats a mute that has run out as no mute', () => {
    renderServers([{ ...production, mutedUntil: NOW - 1 }]);
    expect(screen.getByRole('button', { name: 'Mute 1 h — Production' })).toBeTruthy();
    expect(screen.queryByText(/Muted until/)).toBeNull();
  });
});

describe('connection tests', () => {
  it('tests the address typed for that server, and says it is testing', () => {
    const { onTest, showTests } = renderServers([production, staging]);
    click('Test connection — Staging');
    expect(onTest).toHaveBeenCalledExactlyOnceWith('stage', 'wss://stage.example.com/ws');
    type(addressField('Production'), 'ws://example.com:1');
    click('Test connection — Production');
    expect(onTest).toHaveBeenLastCalledWith('prod', 'ws://example.com:1');

    showTests({ stage: { phase: 'running', url: 'wss://stage.example.com/ws' } });
    const running = screen.getByRole('button', { name: 'Testing… — Staging' }) as HTMLButtonElement;
    expect(running.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Test connection — Production' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('shows a result under its own server, and only beside the address it was measured on', () => {
    const { card } = renderServers([production, staging], {
      tests: { stage: { phase: 'done', url: 'wss://stage.example.com/ws', result: { ok: true, latencyMs: 12 } } },
    });
    const result = () =>
      within(card('Staging'))
        .getAllByRole('status')
        .map((status) => status.textContent);
    expect(result()).toContain('Connected — 12 ms');
    expect(within(card('Production')).queryByText(/Connected/)).toBeNull();
    type(addressField('Staging'), 'ws://localhost:9999');
    expect(result()).not.toContain('Connected — 12 ms');
    type(addressField('Staging'), 'wss://stage.example.com/ws');
    expect(result()).toContain('Connected — 12 ms');
  });
});
