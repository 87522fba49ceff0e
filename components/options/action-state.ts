/** The visible state of a one-shot action (speak a test, clear data, save): shown next to its button. */
export type ActionState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done' }
  | { phase: 'failed'; reason: string };

export const IDLE: ActionState = { phase: 'idle' };
