import type { CurrentStatusFrame, WireExpiredUser } from './messages.ts';
import { createPopulation, type SimUser } from './population.ts';
import { eventRandom, populationRandom, Random } from './random.ts';
import { formatTimestamp } from './timestamps.ts';

/** Everything needed to bring a server back exactly as it was; plain JSON, so it can be written to a file. */
export interface SimulatorSnapshot {
  version: 1;
  users: SimUser[];
  /** In the order the users expired, which is the order current_status lists them. */
  expired: { user_id: string; expired_time: string }[];
  /** The last round started (0 before the first). */
  checkRound: number;
  lastCheck: string | null;
  /** The event stream's PRNG state, so a restored server makes the same choices the old one would have. */
  randomState: number;
}

// Initial expiries are spread over the hour before start, so they do not all share one timestamp.
const INITIAL_EXPIRY_WINDOW_MS = 60 * 60 * 1000;

/**
 * Who exists and whose token is expired. Users are addressed by index internally: at 300,000 users this
 * keeps every round a pass over an array, and the expired map keeps insertion (= expiry) order.
 */
export class TokenModel {
  readonly users: readonly SimUser[];
  readonly random: Random;
  checkRound = 0;
  lastCheck: string | null = null;
  private readonly indexById: Map<string, number>;
  private readonly expiredAt = new Map<number, string>();

  constructor(users: readonly SimUser[], random: Random) {
    this.users = users;
    this.random = random;
    this.indexById = new Map(users.map((user, index) => [user.user_id, index]));
  }

  static generate(options: { users: number; initialExpired: number; seed: number }, nowMs: number): TokenModel {
    const model = new TokenModel(
      createPopulation(options.users, populationRandom(options.seed)),
      eventRandom(options.seed),
    );
    const picks = model.pickValid(options.initialExpired).map((index) => ({
      index,
      at: nowMs - 1000 - model.random.below(INITIAL_EXPIRY_WINDOW_MS),
    }));
    picks.sort((a, b) => a.at - b.at);
    for (const { index, at } of picks) model.expire(index, formatTimestamp(at));
    return model;
  }

  static restore(snapshot: SimulatorSnapshot): TokenModel {
    if (snapshot.version !== 1) throw new Error(`unsupported simulator snapshot version ${String(snapshot.version)}`);
    const model = new TokenModel(
      snapshot.users.map((user) => ({ ...user })),
      new Random(snapshot.randomState),
    );
    model.checkRound = snapshot.checkRound;
    model.lastCheck = snapshot.lastCheck;
    for (const { user_id, expired_time } of snapshot.expired) {
      const index = model.indexById.get(user_id);
      if (index === undefined) throw new Error(`snapshot lists expired user ${user_id}, who is not in its population`);
      model.expire(index, expired_time);
    }
    return model;
  }

  get totalUsers(): number {
    return this.users.length;
  }

  get totalExpired(): number {
    return this.expiredAt.size;
  }

  isExpired(index: number): boolean {
    return this.expiredAt.has(index);
  }

  /** Marks one user expired at `time` and returns them as the wire lists them. */
  expire(index: number, time: string): WireExpiredUser {
    this.expiredAt.set(index, time);
    return this.wireUser(index, time);
  }

  expiredUsers(): WireExpiredUser[] {
    return Array.from(this.expiredAt, ([index, time]) => this.wireUser(index, time));
  }

  expiredUserIds(): string[] {
    return Array.from(this.expiredAt.keys(), (index) => this.userAt(index).user_id);
  }

  /** Up to `count` distinct users whose token is still valid, chosen at random (a partial Fisher-Yates). */
  pickValid(count: number): number[] {
    const valid: number[] = [];
    for (let index = 0; index < this.users.length; index += 1) if (!this.expiredAt.has(index)) valid.push(index);
    const wanted = Math.min(Math.max(0, Math.floor(count)), valid.length);
    for (let i = 0; i < wanted; i += 1) {
      const j = i + this.random.below(valid.length - i);
      const chosen = valid[j] as number;
      valid[j] = valid[i] as number;
      valid[i] = chosen;
    }
    return valid.slice(0, wanted);
  }

  /** Each expired user renews with the given probability; they simply leave the set, as on the real server. */
  renewAtRandom(probability: number): number {
    if (probability <= 0) return 0;
    let renewed = 0;
    for (const index of [...this.expiredAt.keys()]) {
      if (this.random.chance(probability)) {
        this.expiredAt.delete(index);
        renewed += 1;
      }
    }
    return renewed;
  }

  /** Renews the given users (all expired users when none are given); returns the ids that were expired. */
  renew(userIds?: readonly string[]): string[] {
    const indexes = userIds
      ? userIds.flatMap((id) => {
          const index = this.indexById.get(id);
          return index === undefined ? [] : [index];
        })
      : [...this.expiredAt.keys()];
    return indexes.filter((index) => this.expiredAt.delete(index)).map((index) => this.userAt(index).user_id);
  }

  currentStatus(isRunning: boolean): CurrentStatusFrame {
    return {
      type: 'current_status',
      total_expired: this.totalExpired,
      expired_users: this.expiredUsers(),
      last_check: this.lastCheck,
      check_round: this.checkRound,
      is_running: isRunning,
      total_users: this.totalUsers,
    };
  }

  snapshot(): SimulatorSnapshot {
    return {
      version: 1,
      users: this.users.map((user) => ({ ...user })),
      expired: Array.from(this.expiredAt, ([index, time]) => ({
        user_id: this.userAt(index).user_id,
        expired_time: time,
      })),
      checkRound: this.checkRound,
      lastCheck: this.lastCheck,
      randomState: this.random.state,
    };
  }

  private userAt(index: number): SimUser {
    const user = this.users[index];
    if (!user) throw new RangeError(`no user at index ${index}`);
    return user;
  }

  private wireUser(index: number, time: string): WireExpiredUser {
    const { user_id, phone, token } = this.userAt(index);
    return { user_id, phone, token, expired_time: time };
  }
}
