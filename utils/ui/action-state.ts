/** The visible state of a one-shot action (speak a test, clear data, save): shown next to its button. */
export type ActionState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done' }
  | { phase: 'failed'; reason: string };

export const IDLE: ActionState = { phase: 'idle' };

/** The failed state, with the error's message as the reason shown. */
export const failedWith = (error: unknown): ActionState => ({
  phase: 'failed',
  reason: error instanceof Error ? error.message : String(error),
});
