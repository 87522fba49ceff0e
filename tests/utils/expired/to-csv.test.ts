import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../utils/expired';
import type { ExpiredUser } from '../../../utils/protocol';
import { user } from '../../fixtures/messages';

const local = (users: ExpiredUser[]) => [{ label: 'localhost:8765', users }];

describe('CSV export', () => {
  it('writes server, phone, user id and expiry time without tokens', () => {
    expect(toCsv(local([user(1)]), { includeTokens: false })).toBe(
      '\uFEFFserver,phone,user_id,expired_time\r\nlocalhost:8765,13800000001,1,2025-09-03T09:27:57.108204\r\n',
    );
  });

  it('lists every server’s users under its name, server by server', () => {
    const csv = toCsv(
      [
        { label: '生产', users: [user(1)] },
        { label: '测试', users: [user(1), user(2)] },
      ],
      { includeTokens: false },
    );
    expect(csv.split('\r\n').map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      '\uFEFFserver,phone',
      '生产,13800000001',
      '测试,13800000001',
      '测试,13800000002',
      '',
    ]);
  });

  it('adds tokens only when asked', () => {
    expect(toCsv(local([user(1)]), { includeTokens: true })).toContain(',tok1...');
  });

  it('quotes separators and defuses formulas', () => {
    const csv = toCsv(local([{ ...user(1), phone: '=HYPERLINK("x")', user_id: 'a,b' }]), { includeTokens: false });
    expect(csv).toContain(`"'=HYPERLINK(""x"")","a,b"`);
  });
});
