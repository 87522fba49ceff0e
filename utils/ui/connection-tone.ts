import type { ConnectionStatus } from '../connection/connection-status';

/** How a connection state is drawn: a dot's colour beside the words, never instead of them. */
export type ConnectionTone = 'ok' | 'pending' | 'error' | 'off';

/** 'starting': the worker has not said anything yet. */
export type ConnectionPhase = ConnectionStatus['phase'] | 'starting';

const TONE: Record<ConnectionPhase, ConnectionTone> = {
  starting: 'pending',
  off: 'off',
  connecting: 'pending',
  open: 'ok',
  waiting: 'error',
};

export const connectionTone = (phase: ConnectionPhase): ConnectionTone => TONE[phase];
