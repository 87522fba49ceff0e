import {
  checkCompletedFrame,
  checkProgressFrame,
  checkStartedFrame,
  type ServerFrame,
  tokenExpiredFrame,
  type WireExpiredUser,
} from './messages.ts';
import { formatTimestamp, preciseNow } from './timestamps.ts';
import type { TokenModel } from './token-model.ts';

export interface RoundSettings {
  /** Seconds over which the users are checked. */
  checkDuration: number;
  /** Seconds between check_progress messages. */
  progressInterval: number;
  expireRate: number;
  renewRate: number;
}

export interface RoundOutcome {
  checkRound: number;
  /** Every user announced by token_expired in this round, in order. */
  newExpiredUserIds: string[];
  renewed: number;
  /** Seconds, as check_completed reports it. */
  duration: number;
  /** True when the server stopped before the round completed. */
  aborted: boolean;
}

/**
 * One round of checking, as the real server runs it: check_started, then the users are checked in slices
 * spread over `checkDuration`, each slice reported by check_progress and, when it found expiries, followed at
 * once by token_expired; finally check_completed. Steps are timed from the round's start so they do not drift.
 */
export class CheckRound {
  readonly number: number;
  readonly done: Promise<RoundOutcome>;
  private readonly model: TokenModel;
  private readonly settings: RoundSettings;
  private readonly send: (frame: ServerFrame) => void;
  private readonly steps: number;
  private readonly stepMs: number;
  private readonly newExpiredUserIds: string[] = [];
  private startedAt = 0;
  private step = 0;
  private checked = 0;
  private renewed = 0;
  private timer: NodeJS.Timeout | undefined;
  private finish: (outcome: RoundOutcome) => void = () => {};

  constructor(model: TokenModel, settings: RoundSettings, send: (frame: ServerFrame) => void) {
    this.model = model;
    this.settings = settings;
    this.send = send;
    this.number = model.checkRound + 1;
    this.steps = Math.max(1, Math.round(settings.checkDuration / settings.progressInterval));
    this.stepMs = (settings.checkDuration * 1000) / this.steps;
    this.done = new Promise((resolve) => {
      this.finish = resolve;
    });
  }

  begin(): void {
    this.startedAt = preciseNow();
    this.model.checkRound = this.number;
    // Renewals happen off-screen on the real server: no message, the next current_status just lacks them.
    this.renewed = this.model.renewAtRandom(this.settings.renewRate);
    this.send(checkStartedFrame(this.number, formatTimestamp(this.startedAt)));
    this.scheduleNextStep();
  }

  /** Announces expiries that happened outside the check loop (expireNow) as part of this round. */
  announce(users: WireExpiredUser[], now: string): void {
    if (users.length === 0) return;
    for (const user of users) this.newExpiredUserIds.push(user.user_id);
    this.send(tokenExpiredFrame(users, this.model.totalExpired, this.number, now));
  }

  abort(): void {
    clearTimeout(this.timer);
    this.finish(this.outcome(true));
  }

  private scheduleNextStep(): void {
    const dueAt = this.startedAt + (this.step + 1) * this.stepMs;
    this.timer = setTimeout(() => this.runStep(), Math.max(0, dueAt - preciseNow()));
  }

  private runStep(): void {
    this.step += 1;
    const now = formatTimestamp(preciseNow());
    const found = this.checkUpTo(Math.floor((this.model.totalUsers * this.step) / this.steps), now);
    this.send(
      checkProgressFrame(
        {
          current: this.checked,
          total: this.model.totalUsers,
          round: this.number,
          expiredFound: this.newExpiredUserIds.length + found.length,
        },
        now,
      ),
    );
    this.announce(found, now);
    if (this.step < this.steps) this.scheduleNextStep();
    else this.complete();
  }

  /** Checks users up to (not including) `end`; each still-valid one expires with probability expireRate. */
  private checkUpTo(end: number, now: string): WireExpiredUser[] {
    const found: WireExpiredUser[] = [];
    for (; this.checked < end; this.checked += 1) {
      if (!this.model.isExpired(this.checked) && this.model.random.chance(this.settings.expireRate)) {
        found.push(this.model.expire(this.checked, now));
      }
    }
    return found;
  }

  private complete(): void {
    const endedAt = preciseNow();
    const now = formatTimestamp(endedAt);
    const outcome = this.outcome(false, endedAt);
    this.model.lastCheck = now;
    this.send(
      checkCompletedFrame(
        {
          round: this.number,
          durationSeconds: outcome.duration,
          totalUsers: this.model.totalUsers,
          totalExpired: this.model.totalExpired,
          newExpired: this.newExpiredUserIds.length,
        },
        now,
      ),
    );
    this.finish(outcome);
  }

  private outcome(aborted: boolean, endedAt = preciseNow()): RoundOutcome {
    return {
      checkRound: this.number,
      newExpiredUserIds: [...this.newExpiredUserIds],
      renewed: this.renewed,
      duration: Math.max(0, (endedAt - this.startedAt) / 1000),
      aborted,
    };
  }
}
