import { describe, expect, it } from 'vitest';
import type { MonitorView, ServerView } from '../../../utils/monitor/monitor-view';
import { serverChoice } from '../../../utils/ui/server-choice';
import { severalServers } from '../../../utils/ui/several-servers';
import { soleServer } from '../../../utils/ui/sole-server';

const server = (id: string): ServerView => ({
  id,
  label: id,
  connection: { phase: 'off' },
  hasSnapshot: false,
  round: null,
  totalExpired: 0,
  history: [],
});

const view = (servers: ServerView[]): MonitorView => ({
  connection: { phase: 'off' },
  hasSnapshot: false,
  round: null,
  totals: { totalUsers: null, totalExpired: 0, lastCheck: null },
  history: [],
  latency: { serverMs: null, roundTripMs: null },
  expiredCount: 0,
  expiredVersion: 0,
  servers,
});

describe('serverChoice', () => {
  const servers = [server('default'), server('s2')];

  it('keeps a server that is still watched', () => {
    expect(serverChoice(servers, 's2')).toBe('s2');
  });

  it('lets go of a server removed meanwhile, and of no choice', () => {
    expect(serverChoice(servers, 'gone')).toBeNull();
    expect(serverChoice(servers, null)).toBeNull();
    expect(serverChoice(servers, undefined)).toBeNull();
  });
});

describe('severalServers', () => {
  it('lists every server only when there are several', () => {
    expect(severalServers(view([server('default'), server('s2')])).map((each) => each.id)).toEqual(['default', 's2']);
    expect(severalServers(view([server('default')]))).toEqual([]);
    expect(severalServers(view([]))).toEqual([]);
    expect(severalServers(null)).toEqual([]);
  });
});

describe('soleServer', () => {
  it('is the server every user came from', () => {
    expect(soleServer([{ server: 's2' }, { server: 's2' }])).toBe('s2');
  });

  it('is none for users of several servers, or no users', () => {
    expect(soleServer([{ server: 's2' }, { server: 'default' }])).toBeNull();
    expect(soleServer([])).toBeNull();
  });
});
