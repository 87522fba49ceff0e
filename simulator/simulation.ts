import { CheckRound, type RoundOutcome } from './check-round.ts';
import type { ClientHub } from './client-hub.ts';
import { type CurrentStatusFrame, tokenExpiredFrame, type WireExpiredUser } from './messages.ts';
import type { ResolvedOptions } from './options.ts';
import { timestampNow } from './timestamps.ts';
import type { TokenModel } from './token-model.ts';

/**
 * The monitor's behaviour over time, independent of sockets: the round schedule, the periodic
 * current_status, and the manual controls. Everything it says goes through the hub, so silence applies.
 */
export class Simulation {
  private readonly model: TokenModel;
  private readonly hub: ClientHub;
  private readonly options: ResolvedOptions;
  private round: CheckRound | undefined;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(model: TokenModel, hub: ClientHub, options: ResolvedOptions) {
    this.model = model;
    this.hub = hub;
    this.options = options;
  }

  /** Rounds start every `interval` from the first one; current_status goes out every `statusInterval`. */
  startSchedule(): void {
    const { firstRoundDelay, interval, statusInterval } = this.options;
    const first = setTimeout(() => {
      this.scheduledRound();
      this.timers.push(setInterval(() => this.scheduledRound(), interval * 1000));
    }, firstRoundDelay * 1000);
    this.timers.push(
      first,
      setInterval(() => this.broadcastStatus(), statusInterval * 1000),
    );
  }

  halt(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.length = 0;
    this.round?.abort();
  }

  isRunning(): boolean {
    return this.round !== undefined;
  }

  /** Begins a round now; while one runs, returns that one instead of overlapping it. */
  startRound(): Promise<RoundOutcome> {
    if (this.round) return this.round.done;
    const round = new CheckRound(this.model, this.options, (frame) => this.hub.broadcast(frame));
    this.round = round;
    void round.done.then((outcome) => this.finishRound(round, outcome));
    round.begin();
    return round.done;
  }

  /** Expires `count` valid users at once and tells every client, inside the running round if there is one. */
  expireNow(count: number): WireExpiredUser[] {
    const now = timestampNow();
    const users = this.model.pickValid(count).map((index) => this.model.expire(index, now));
    if (users.length === 0) return users;
    this.announce(users, now);
    this.options.log(`expired ${users.length} user(s) on request (${this.model.totalExpired} expired in total)`);
    return users;
  }

  /** Tells every client about users the model has just expired, inside the running round if there is one. */
  announce(users: WireExpiredUser[], now: string): void {
    if (users.length === 0) return;
    if (this.round) this.round.announce(users, now);
    else this.hub.broadcast(tokenExpiredFrame(users, this.model.totalExpired, this.model.checkRound, now));
  }

  /** Renewals are silent on the real server; the next current_status is what shows them. */
  renew(userIds?: readonly string[]): string[] {
    const renewed = this.model.renew(userIds);
    this.options.log(`renewed ${renewed.length} user(s) on request (${this.model.totalExpired} expired in total)`);
    return renewed;
  }

  currentStatus(): CurrentStatusFrame {
    return this.model.currentStatus(this.isRunning());
  }

  broadcastStatus(): void {
    if (this.hub.size > 0) this.hub.broadcast(this.currentStatus());
  }

  private scheduledRound(): void {
    if (this.round) {
      this.options.log(`round ${this.round.number} is still running; skipping this interval's round`);
      return;
    }
    void this.startRound();
  }

  private finishRound(round: CheckRound, outcome: RoundOutcome): void {
    if (this.round === round) this.round = undefined;
    if (outcome.aborted) return;
    const silent = this.hub.isSilent() ? ', silent' : '';
    this.options.log(
      `round ${outcome.checkRound}: ${this.model.totalUsers} users in ${outcome.duration.toFixed(1)} s, ` +
        `${outcome.newExpiredUserIds.length} newly expired, ${outcome.renewed} renewed, ` +
        `${this.model.totalExpired} expired in total, ${this.hub.size} client(s)${silent}`,
    );
  }
}
