import { describe, expect, it } from 'vitest';
import { createPing, pingSchema } from '../../../utils/protocol';

describe('createPing', () => {
  it('builds the ping the document shows, with an ISO timestamp', () => {
    const ping = createPing(Date.UTC(2025, 8, 3, 9, 27, 28, 657));
    expect(ping).toEqual({ type: 'ping', timestamp: '2025-09-03T09:27:28.657Z' });
    expect(pingSchema.safeParse(ping).success).toBe(true);
  });
});
