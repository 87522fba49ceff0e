import { checkProgressFrame, tokenExpiredFrame, type WireExpiredUser } from '../simulator/messages.ts';
import { formatTimestamp } from '../simulator/timestamps.ts';

/** Frames as the simulator writes them during a round, built with its own frame builders. */
export interface RoundFrames {
  frames: string[];
  round: number;
  /** The last frame is always check_progress with this `current`: what a waiting reader looks for. */
  lastCurrent: number;
  expiries: number;
}

export interface RoundFramesOptions {
  count: number;
  round: number;
  /** check_progress `total`; the number of progress frames when omitted. */
  total?: number;
  /** A token_expired (1–3 users) after every n-th progress frame; 0 for progress only. */
  expiryEvery?: number;
}

/** Ids far above the simulator's (10000…) and distinct per round, so every expiry is new to the reducer. */
export const wireUser = (round: number, index: number, now: number): WireExpiredUser => ({
  user_id: String(10_000_000 + round * 100_000 + index),
  phone: `139${String(round * 100_000 + index).padStart(8, '0')}`,
  token: `${index.toString(36).padStart(6, '0')}...`,
  expired_time: formatTimestamp(now + index),
});

export const roundFrames = ({ count, round, total, expiryEvery = 0 }: RoundFramesOptions): RoundFrames => {
  const now = Date.now();
  const frames: string[] = [];
  let current = 0;
  let expiries = 0;
  const progress = () => {
    current += 1;
    const stamp = formatTimestamp(now + current);
    const frame = checkProgressFrame({ current, total: total ?? count, round, expiredFound: expiries }, stamp);
    frames.push(JSON.stringify(frame));
  };
  while (frames.length < count - 1) {
    progress();
    if (expiryEvery > 0 && current % expiryEvery === 0 && frames.length < count - 1) {
      const users = Array.from({ length: 1 + (current % 3) }, () => wireUser(round, expiries++, now));
      frames.push(JSON.stringify(tokenExpiredFrame(users, expiries, round, formatTimestamp(now + current))));
    }
  }
  progress();
  return { frames, round, lastCurrent: current, expiries };
};

export const countTokenExpired = (frames: readonly string[]) =>
  frames.filter((frame) => frame.startsWith('{"type":"token_expired"')).length;
