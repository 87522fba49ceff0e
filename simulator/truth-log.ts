import { closeSync, createWriteStream, openSync, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { FaultKind, FaultParams } from './chaos-plan.ts';

/** The frames through which a client can learn of an expiry. */
export type TruthFrameKind = 'token_expired' | 'current_status';

interface Stamped {
  /** Wall-clock epoch milliseconds (fractional). */
  at: number;
  /** The same instant as ISO 8601 UTC. */
  time: string;
}

/** A (user_id, expired_time) pair that went out on an open socket for the first time. */
export interface TruthExpiry extends Stamped {
  event: 'expiry';
  user_id: string;
  expired_time: string;
  frame: TruthFrameKind;
  /** Sent in the legacy `new_expired_users` field of a token_expired (a junk fault), not in `expired_users`. */
  legacy?: true;
  /** The frame's check_round. */
  check_round: number | null;
}

export interface TruthFault extends Stamped {
  event: 'fault';
  /** Position in the seed's schedule; for a manual trigger, its position among the manual triggers. */
  index: number;
  kind: FaultKind;
  manual: boolean;
  params: FaultParams;
}

/** When a fault is over (a silence lifted, a restarted server listening again), with what it did. */
export interface TruthFaultEnd extends Stamped {
  event: 'fault_end';
  index: number;
  kind: FaultKind;
  manual: boolean;
  effect: Record<string, unknown>;
}

/**
 * A pair the client had in hand: a frame carrying it went out on a socket that was still open a while later.
 * A pair never heard went out only on sockets that closed at once (a stopped worker, a restarted browser) and
 * was not sent again (renewed first): no client could have read it.
 */
export interface TruthHeard extends Stamped {
  event: 'heard';
  user_id: string;
  expired_time: string;
}

/** The server's total_expired (and check_round) each time either changes, announced or not. */
export interface TruthTotal extends Stamped {
  event: 'total';
  total_expired: number;
  check_round: number;
}

/** The server itself: started, stopped listening, listening again, stopped. */
export interface TruthServer extends Stamped {
  event: 'start' | 'down' | 'listening' | 'stop';
  port: number;
  /** On 'start': the seed and the settings of the run. */
  details?: Record<string, unknown>;
}

export type TruthEntry = TruthExpiry | TruthHeard | TruthFault | TruthFaultEnd | TruthTotal | TruthServer;

type Unstamped<T> = T extends Stamped ? Omit<T, 'at' | 'time'> : never;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface FramePairs {
  frame: TruthFrameKind;
  legacy: boolean;
  checkRound: number | null;
  pairs: { user_id: string; expired_time: string }[];
}

/**
 * The expiries a frame tells a client about, read strictly: a token_expired's `expired_users` (or, only when
 * that field is absent, the legacy `new_expired_users`), a current_status's `expired_users`; only entries with
 * their own string `user_id` and `expired_time` count. Junk frames are built so that this finds nothing in them.
 */
export const pairsInFrame = (frame: unknown): FramePairs | undefined => {
  if (!isRecord(frame)) return undefined;
  const { type } = frame;
  if (type !== 'token_expired' && type !== 'current_status') return undefined;
  let list = frame.expired_users;
  let legacy = false;
  if (type === 'token_expired' && list === undefined && frame.new_expired_users !== undefined) {
    list = frame.new_expired_users;
    legacy = true;
  }
  if (!Array.isArray(list)) return undefined;
  const pairs = list.flatMap((entry: unknown) => {
    if (!isRecord(entry) || !Object.hasOwn(entry, 'user_id') || !Object.hasOwn(entry, 'expired_time')) return [];
    const { user_id, expired_time } = entry;
    return typeof user_id === 'string' && typeof expired_time === 'string' ? [{ user_id, expired_time }] : [];
  });
  const checkRound = typeof frame.check_round === 'number' ? frame.check_round : null;
  return { frame: type, legacy, checkRound, pairs };
};

/**
 * The ground truth of a chaos run: every expiry made known to a client (once per pair, when first sent), every
 * fault, and the server's total. Kept in memory and, when given a file, written to it as JSON lines.
 */
export class TruthLog {
  private readonly log: TruthEntry[] = [];
  private readonly known = new Set<string>();
  private readonly heard = new Set<string>();
  private readonly stream: WriteStream | undefined;
  private streamError: Error | undefined;

  /** Opens `file` at once (truncating it), so a bad path fails the start rather than the first write. */
  constructor(file?: string) {
    if (file === undefined) return;
    const fd = openSync(file, 'w');
    try {
      this.stream = createWriteStream('', { fd, encoding: 'utf8' });
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    this.stream.on('error', (error) => {
      this.streamError = error;
    });
  }

  add(entry: Unstamped<TruthEntry>, at = performance.timeOrigin + performance.now()): TruthEntry {
    const stamped = { ...entry, at, time: new Date(at).toISOString() } as TruthEntry;
    this.log.push(stamped);
    if (this.stream && !this.streamError) this.stream.write(`${JSON.stringify(stamped)}\n`);
    return stamped;
  }

  /** Records the pairs of a frame that has just gone out on an open socket; returns how many were new. */
  recordSent(frame: unknown, at?: number): number {
    return this.recordNew(
      frame,
      this.known,
      (pair, found) => ({
        event: 'expiry',
        ...pair,
        frame: found.frame,
        ...(found.legacy ? { legacy: true as const } : {}),
        check_round: found.checkRound,
      }),
      at,
    );
  }

  /** Records the pairs of a frame whose socket stayed open long enough to be read; returns how many were new. */
  recordHeard(frame: unknown, at?: number): number {
    return this.recordNew(frame, this.heard, (pair) => ({ event: 'heard', ...pair }), at);
  }

  /** Adds an entry for each pair of the frame not in `seen` yet. */
  private recordNew(
    frame: unknown,
    seen: Set<string>,
    entry: (pair: { user_id: string; expired_time: string }, found: FramePairs) => Unstamped<TruthEntry>,
    at?: number,
  ): number {
    const found = pairsInFrame(frame);
    if (!found) return 0;
    let added = 0;
    for (const pair of found.pairs) {
      const key = `${pair.user_id}\u0000${pair.expired_time}`;
      if (seen.has(key)) continue;
      seen.add(key);
      added += 1;
      this.add(entry(pair, found), at);
    }
    return added;
  }

  /** The pairs heard, as `user_id@expired_time`. */
  heardPairs(): string[] {
    return this.log.flatMap((entry) => (entry.event === 'heard' ? [`${entry.user_id}@${entry.expired_time}`] : []));
  }

  entries(): TruthEntry[] {
    return [...this.log];
  }

  expiries(): TruthExpiry[] {
    return this.log.filter((entry): entry is TruthExpiry => entry.event === 'expiry');
  }

  /** Flushes and closes the file; rejects if writing it failed at any point. */
  async close(): Promise<void> {
    const { stream } = this;
    if (!stream) return;
    stream.end();
    await finished(stream).catch((error: Error) => {
      this.streamError ??= error;
    });
    if (this.streamError) throw this.streamError;
  }
}
