import { describe, expect, it } from 'vitest';
import { expiredRowKey } from '../../../utils/ui/expired-row-key';

describe('expiredRowKey', () => {
  it('tells apart the same user_id listed by two servers', () => {
    expect(expiredRowKey({ server: 'default', user_id: '12345' })).not.toBe(
      expiredRowKey({ server: 's1a2b3c', user_id: '12345' }),
    );
  });

  it('is the same for the same user on the same server', () => {
    expect(expiredRowKey({ server: 's1a2b3c', user_id: '12345' })).toBe(
      expiredRowKey({ server: 's1a2b3c', user_id: '12345' }),
    );
  });

  it('cannot be forged by moving characters between server and user id', () => {
    expect(expiredRowKey({ server: 'ab', user_id: 'c' })).not.toBe(expiredRowKey({ server: 'a', user_id: 'bc' }));
  });
});
