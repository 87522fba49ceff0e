import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../utils/connection/connection-status';
import type { MonitorView } from '../../../utils/monitor/monitor-view';
import { listNoticeKind } from '../../../utils/ui/list-notice-kind';

const NOW = new Date(2025, 8, 3, 12, 0, 0).getTime();
const URL = 'ws://localhost:8765';

const waiting = (kind: 'refused' | 'closed' | 'timeout' | 'silent', extra = {}): ConnectionStatus => ({
  phase: 'waiting',
  url: URL,
  attempt: 3,
  retryAt: NOW + 4200,
  problem: { kind, ...extra },
});

const viewWith = (change: Partial<MonitorView>): MonitorView => ({
  connection: { phase: 'open', url: URL, since: NOW },
  hasSnapshot: true,
  round: null,
  totals: { totalUsers: 410, totalExpired: 0, lastCheck: null },
  history: [],
  latency: { serverMs: null, roundTripMs: null },
  expiredCount: 0,
  expiredVersion: 1,
  servers: [],
  ...change,
});

describe('list states', () => {
  const kind = (view: MonitorView | null, matched: number | null = null, failed = false, search = '') =>
    listNoticeKind({ view, matched, failed, search });

  it('picks the state that explains an empty list', () => {
    expect(kind(null)).toBe('starting');
    expect(kind(viewWith({ connection: { phase: 'off' }, hasSnapshot: false }))).toBe('off');
    expect(kind(viewWith({ connection: waiting('refused'), hasSnapshot: false }))).toBe('unreachable');
    expect(kind(viewWith({ connection: waiting('timeout'), hasSnapshot: false }))).toBe('connecting');
    expect(kind(viewWith({ hasSnapshot: true }))).toBe('empty');
    expect(kind(viewWith({ expiredCount: 5 }), 0, false, '139')).toBe('no-match');
    expect(kind(viewWith({ expiredCount: 5 }), null, true)).toBe('error');
    expect(kind(viewWith({ expiredCount: 5 }), 5)).toBeNull();
  });
});
