import { z } from '../zod';

/** Why the last socket ended; shown to the user and in the badge tooltip. */
export const connectionProblemSchema = z.object({
  kind: z.enum(['refused', 'closed', 'timeout', 'silent']),
  /** The WebSocket close code, when the socket had opened. */
  closeCode: z.optional(z.number()),
  detail: z.optional(z.string()),
});

export const connectionStatusSchema = z.discriminatedUnion('phase', [
  /** Monitoring is turned off by the user: no socket, no retries. */
  z.object({ phase: z.literal('off') }),
  z.object({ phase: z.literal('connecting'), url: z.string(), attempt: z.number(), since: z.number() }),
  z.object({ phase: z.literal('open'), url: z.string(), since: z.number() }),
  z.object({
    phase: z.literal('waiting'),
    url: z.string(),
    attempt: z.number(),
    /** Epoch milliseconds of the next connect attempt. */
    retryAt: z.number(),
    problem: connectionProblemSchema,
  }),
]);

export type ConnectionProblem = z.infer<typeof connectionProblemSchema>;
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;
