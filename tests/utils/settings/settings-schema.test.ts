import { describe, expect, it } from 'vitest';
import { defaultSettings, readSettings } from '../../../utils/settings';

describe('settings', () => {
  it('defaults to the local simulator, monitoring with notifications and speech on', () => {
    expect(defaultSettings).toMatchObject({
      serverUrl: 'ws://localhost:8765',
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
      serverUrl: 'http://example.com',
      monitoring: 'yes',
      speech: { enabled: false, voiceName: null, rate: 9, volume: 0.5 },
      maskPhones: false,
    });
    expect(settings.serverUrl).toBe('ws://localhost:8765');
    expect(settings.monitoring).toBe(true);
    expect(settings.speech).toEqual({ enabled: false, voiceName: null, rate: 1, volume: 0.5 });
    expect(settings.maskPhones).toBe(false);
    expect(replaced.sort()).toEqual(['monitoring', 'serverUrl', 'speech']);
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
