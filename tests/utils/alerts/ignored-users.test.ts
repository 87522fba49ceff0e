import { describe, expect, it } from 'vitest';
import { toggledIgnore, withoutIgnored } from '../../../utils/alerts';
import { user } from '../../fixtures/messages';

const announce = (ids: number[]) => ({ type: 'announce' as const, users: ids.map((id) => user(id)), summary: false });

describe('ignored users', () => {
  it('never alerts for an ignored user but keeps the others of the same announcement', () => {
    expect(withoutIgnored(announce([1, 2, 3]), ['2'])?.users.map((u) => u.user_id)).toEqual(['1', '3']);
  });

  it('leaves nothing to alert when every user is ignored', () => {
    expect(withoutIgnored(announce([2]), ['2'])).toBeNull();
  });

  it('hands back the very same announcement when nobody is ignored', () => {
    const effect = announce([1]);
    expect(withoutIgnored(effect, [])).toBe(effect);
    expect(withoutIgnored(effect, ['9'])).toBe(effect);
  });

  it('ignores and un-ignores a user', () => {
    expect(toggledIgnore(['1'], '2')).toEqual(['1', '2']);
    expect(toggledIgnore(['1', '2'], '1')).toEqual(['2']);
  });
});
