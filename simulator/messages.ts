// Every frame the simulator sends, shaped exactly as token-monitor-ws-api.md shows it. The builders keep the
// derived fields (count, percentage) in one place so no sender can get them out of step.

export interface WireExpiredUser {
  user_id: string;
  phone: string;
  token: string;
  expired_time: string;
}

export interface WelcomeFrame {
  type: 'welcome';
  message: string;
  server_time: string;
  client_address: string;
}

export interface CurrentStatusFrame {
  type: 'current_status';
  total_expired: number;
  expired_users: WireExpiredUser[];
  /** Python's `None` before the first completed round. */
  last_check: string | null;
  check_round: number;
  is_running: boolean;
  total_users: number;
}

export interface CheckStartedFrame {
  type: 'check_started';
  check_round: number;
  timestamp: string;
  message: string;
}

export interface CheckProgressFrame {
  type: 'check_progress';
  current: number;
  total: number;
  percentage: number;
  check_round: number;
  expired_found: number;
  timestamp: string;
}

export interface TokenExpiredFrame {
  type: 'token_expired';
  count: number;
  total_expired: number;
  expired_users: WireExpiredUser[];
  timestamp: string;
  check_round: number;
}

export interface CheckCompletedFrame {
  type: 'check_completed';
  timestamp: string;
  check_round: number;
  duration: number;
  total_users: number;
  total_expired: number;
  new_expired_this_round: number;
}

export interface PongFrame {
  type: 'pong';
  timestamp: string;
  server_time: string;
  latency_ms: number;
}

export type ServerFrame =
  | WelcomeFrame
  | CurrentStatusFrame
  | CheckStartedFrame
  | CheckProgressFrame
  | TokenExpiredFrame
  | CheckCompletedFrame
  | PongFrame;

export type ServerFrameType = ServerFrame['type'];

export const welcomeFrame = (clientAddress: string, now: string): WelcomeFrame => ({
  type: 'welcome',
  message: 'WebSocket连接成功',
  server_time: now,
  client_address: clientAddress,
});

export const checkStartedFrame = (round: number, now: string): CheckStartedFrame => ({
  type: 'check_started',
  check_round: round,
  timestamp: now,
  message: `开始第 ${round} 轮Token检查`,
});

/** One decimal, as the document's 29.3. */
export const percentageOf = (current: number, total: number): number =>
  total > 0 ? Math.round((current / total) * 1000) / 10 : 100;

export const checkProgressFrame = (
  progress: { current: number; total: number; round: number; expiredFound: number },
  now: string,
): CheckProgressFrame => ({
  type: 'check_progress',
  current: progress.current,
  total: progress.total,
  percentage: percentageOf(progress.current, progress.total),
  check_round: progress.round,
  expired_found: progress.expiredFound,
  timestamp: now,
});

// Only `expired_users`: the document renamed the field, and the legacy `new_expired_users` is never sent.
export const tokenExpiredFrame = (
  users: WireExpiredUser[],
  totalExpired: number,
  round: number,
  now: string,
): TokenExpiredFrame => ({
  type: 'token_expired',
  count: users.length,
  total_expired: totalExpired,
  expired_users: users,
  timestamp: now,
  check_round: round,
});

export const checkCompletedFrame = (
  summary: { round: number; durationSeconds: number; totalUsers: number; totalExpired: number; newExpired: number },
  now: string,
): CheckCompletedFrame => ({
  type: 'check_completed',
  timestamp: now,
  check_round: summary.round,
  duration: summary.durationSeconds,
  total_users: summary.totalUsers,
  total_expired: summary.totalExpired,
  new_expired_this_round: summary.newExpired,
});

export const pongFrame = (latencyMs: number, now: string): PongFrame => ({
  type: 'pong',
  timestamp: now,
  server_time: now,
  latency_ms: latencyMs,
});
