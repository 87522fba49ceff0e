import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../../utils/i18n';
import { expiryAnnouncement } from '../../../utils/ui/expiry-announcement';

const en = (from: number | null, to: number) => expiryAnnouncement(from, to, 'en', translatorFor('en'));
const zh = (from: number | null, to: number) => expiryAnnouncement(from, to, 'zh_CN', translatorFor('zh_CN'));

describe('expiryAnnouncement', () => {
  it('tells how many expired since the last count, in the page language', () => {
    expect(en(57, 60)).toBe('3 new expired tokens');
    expect(zh(57, 60)).toBe('3 个新的 Token 过期');
    expect(en(0, 1)).toBe('1 new expired token');
    expect(zh(0, 1)).toBe('1 个新的 Token 过期');
  });

  it('groups the digits of a large burst as the page does', () => {
    expect(en(0, 12_345)).toBe('12,345 new expired tokens');
  });

  it('says nothing of the users already listed when the page opens', () => {
    expect(en(null, 57)).toBeNull();
  });

  it('says nothing when the count holds or falls (progress, renewals)', () => {
    expect(en(57, 57)).toBeNull();
    expect(en(57, 50)).toBeNull();
  });
});
