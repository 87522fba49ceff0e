import { z } from '../zod';

export const pingSchema = z.object({
  type: z.literal('ping'),
  timestamp: z.iso.datetime(),
});

export type Ping = z.infer<typeof pingSchema>;

export const createPing = (now: number): Ping => ({ type: 'ping', timestamp: new Date(now).toISOString() });
