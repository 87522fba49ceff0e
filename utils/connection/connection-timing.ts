import { type BackoffPolicy, DEFAULT_BACKOFF } from './backoff';

export interface ConnectionTiming {
  /** Under Chrome's 30 s idle limit: since Chrome 116 socket traffic keeps the MV3 worker alive. */
  heartbeatMs: number;
  /** No frame at all for this long means a half-open socket: replace it. */
  silenceMs: number;
  connectTimeoutMs: number;
  /** A connection this old has proven itself: the next failure starts the backoff afresh. */
  stableMs: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_TIMING: ConnectionTiming = {
  heartbeatMs: 20_000,
  silenceMs: 45_000,
  connectTimeoutMs: 10_000,
  stableMs: 60_000,
  backoff: DEFAULT_BACKOFF,
};
