import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../utils/expired';
import { user } from '../../fixtures/messages';

describe('CSV export', () => {
  it('writes phone, user id and expiry time without tokens', () => {
    expect(toCsv([user(1)], { includeTokens: false })).toBe(
      '\uFEFFphone,user_id,expired_time\r\n13800000001,1,2025-09-03T09:27:57.108204\r\n',
    );
  });

  it('adds tokens only when asked', () => {
    expect(toCsv([user(1)], { includeTokens: true })).toContain(',tok1...');
  });

  it('quotes separators and defuses formulas', () => {
    const csv = toCsv([{ ...user(1), phone: '=HYPERLINK("x")', user_id: 'a,b' }], { includeTokens: false });
    expect(csv).toContain(`"'=HYPERLINK(""x"")","a,b"`);
  });
});
