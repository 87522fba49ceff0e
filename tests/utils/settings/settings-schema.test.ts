import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  FIRST_SERVER_ID,
  newServerEntry,
  readSettings,
  serverLabel,
  unusedServerId,
} from '../../../utils/settings';

describe('settings', () => {
  it('defaults to the local simulator, monitoring with notifications and speech on', () => {
    expect(defaultSettings).toMatchObject({
      servers: [
        { id: 'default', name: '', url: 'ws://localhost:8765', enabled: true, notifications: true, speech: true },
      ],
      monitoring: true,
      notifications: true,
      speech: { enabled: true, voiceName: null, rate: 1, volume: 1 },
      maskPhones: true,
      mutedUntil: null,
      remindEveryRound: false,
      language: 'auto',
      ignoredUsers: [],
    });
  });

  it('repairs corrupt values field by field and names them', () => {
    const { settings, replaced } = readSettings({
      servers: [{ id: 'default', url: 'http://example.com' }],
      monitoring: 'yes',
      speech: { enabled: false, voiceName: null, rate: 9, volume: 0.5 },
      maskPhones: false,
    });
    expect(settings.servers[0]?.url).toBe('ws://localhost:8765');
    expect(settings.monitoring).toBe(true);
    expect(settings.speech).toEqual({ enabled: false, voiceName: null, rate: 1, volume: 0.5 });
    expect(settings.maskPhones).toBe(false);
    expect(replaced.sort()).toEqual(['monitoring', 'servers', 'speech']);
  });

  it('reads garbage as the defaults without failing', () => {
    for (const stored of [null, undefined, 'text', 42, [1, 2]]) {
      expect(readSettings(stored).settings).toEqual(defaultSettings);
    }
  });

  it('keeps a valid ignore list and drops a corrupt or oversized one', () => {
    expect(readSettings({ ignoredUsers: ['test-1', '42'] }).settings.ignoredUsers).toEqual(['test-1', '42']);
    expect(readSettings({ ignoredUsers: 'test-1' }).settings.ignoredUsers).toEqual([]);
    const tooMany = Array.from({ length: 201 }, (_, index) => String(index));
    expect(readSettings({ ignoredUsers: tooMany })).toMatchObject({
      settings: { ignoredUsers: [] },
      replaced: ['ignoredUsers'],
    });
  });

  it('reports nothing for settings it wrote itself', () => {
    expect(readSettings(JSON.parse(JSON.stringify(defaultSettings))).replaced).toEqual([]);
  });
});

describe('reading settings back from Chrome sync storage', () => {
  it('does not mistake sorted keys for a corrupt value', () => {
    const sorted = { ...defaultSettings, speech: { enabled: true, rate: 1, voiceName: null, volume: 1 } };
    expect(readSettings(sorted).replaced).toEqual([]);
  });
});

describe('the server list', () => {
  it('turns the one server URL of an older version into the first server, under the id its data is kept by', () => {
    const { settings } = readSettings({ serverUrl: 'wss://monitor.example.com/ws', monitoring: false });
    expect(settings.servers).toEqual([
      {
        id: FIRST_SERVER_ID,
        name: '',
        url: 'wss://monitor.example.com/ws',
        enabled: true,
        notifications: true,
        speech: true,
        mutedUntil: null,
      },
    ]);
    expect(settings.monitoring).toBe(false);
  });

  it('drops an unreadable or repeated server and keeps the others with their own switches', () => {
    const prod = { ...newServerEntry('prod', 'ws://prod:8765', '生产'), speech: false };
    const { settings, replaced } = readSettings({
      servers: [prod, { id: '', url: 'ws://x' }, { ...prod, name: 'again' }, 'junk', newServerEntry('test')],
    });
    expect(settings.servers.map((server) => [server.id, server.name, server.speech])).toEqual([
      ['prod', '生产', false],
      ['test', '', true],
    ]);
    expect(replaced).toEqual(['servers']);
  });

  it('keeps an empty list empty: the operator removed every server', () => {
    expect(readSettings({ servers: [] }).settings.servers).toEqual([]);
  });

  it('labels a server by its name, or by its address when it has none', () => {
    expect(serverLabel(newServerEntry('a', 'wss://monitor.example.com:9000/ws', ''))).toBe('monitor.example.com:9000');
    expect(serverLabel(newServerEntry('a', 'ws://localhost:8765', '生产'))).toBe('生产');
  });

  it('finds an id no server uses yet', () => {
    const values = [0.5, 0.5, 0.25];
    const random = () => values.shift() ?? 0;
    const taken = [newServerEntry(unusedServerId([], () => 0.5))];
    expect(unusedServerId(taken, random)).not.toBe(taken[0]?.id);
  });
});
