import { parseServerTime } from '../format';
import type { ServerView } from '../monitor/monitor-view';

/** What one server's compact row says about its checks. */
export type ServerActivity =
  | { kind: 'running'; round: number; percentage: number }
  /** The last round the history holds, and when the server says it ended (epoch ms). */
  | { kind: 'checked'; round: number; at: number }
  /** A round ended at a time the server did not give, or gave in a form that cannot be read. */
  | { kind: 'completed'; round: number }
  | { kind: 'none' };

/** A round under way first: it is what moves; otherwise when the server last finished one. */
export const serverActivity = ({ round, history }: Pick<ServerView, 'round' | 'history'>): ServerActivity => {
  if (round?.phase === 'running') return { kind: 'running', round: round.round, percentage: round.percentage };
  const last = history.at(-1);
  const at = parseServerTime(last?.completedAt);
  if (last && at !== null) return { kind: 'checked', round: last.round, at };
  if (round) return { kind: 'completed', round: round.round };
  return { kind: 'none' };
};
