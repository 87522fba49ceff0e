import { Random } from './random.ts';

/** Everything chaos mode can do to its clients. */
export const FAULT_KINDS = [
  /** Every socket terminated without a close frame (a crash, a cut cable): clients see 1006. */
  'drop',
  /** Every client closed with 1001 (going away). */
  'close-1001',
  /** Every client closed with 1011 (internal error). */
  'close-1011',
  /** Half-open: the sockets open at the start get nothing (no pong either) but stay open. */
  'silence',
  /** Stop listening for a while, then listen again on the same port, with the old state or a new one. */
  'restart',
  /** The next frame to each client (a fresh token_expired) is sent twice. */
  'duplicate',
  /** The next two frames to each client (a fresh token_expired, then a current_status) arrive swapped. */
  'reorder',
  /** One malformed or hostile frame to every client. */
  'junk',
  /** Many users expire at once, announced in one or several quick token_expired frames. */
  'burst',
  /** Some expired users renew, silently: only later current_status frames show it. */
  'renew',
  /** Some expired users renew silently and expire again shortly after, with a later expired_time. */
  're-expire',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export const JUNK_VARIANTS = [
  'not-json',
  'not-object',
  'binary',
  'unknown-type',
  'wrong-types',
  'proto-keys',
  'legacy-field',
  'huge-string',
] as const;

export type JunkVariant = (typeof JUNK_VARIANTS)[number];

/**
 * How one fault plays out. Only the fields of its kind are set. Durations are in milliseconds and already
 * multiplied by the time scale. Nothing here depends on the server's state, so a seed always gives the same
 * parameters; which users a fault touches does depend on it, and is drawn from `salt`.
 */
export interface FaultParams {
  /** silence, restart: how long the silence or the downtime lasts. */
  durationMs?: number;
  /** silence: longer than a client's 45 s half-open limit (before scaling). */
  long?: boolean;
  /** silence: 'stall' delivers what was held back when it ends (if the socket is still open), 'lose' never does. */
  silence?: 'stall' | 'lose';
  /** restart: true brings back the same users and round counter, false a new population from check_round 0. */
  keepState?: boolean;
  /** restart: how the clients lose their connection. */
  cut?: 'terminate' | 'close-1001';
  /** restart without keepState: the new population's seed and how many of its users start expired. */
  resetSeed?: number;
  resetExpired?: number;
  /** junk: which kind of bad frame. */
  variant?: JunkVariant;
  /** junk huge-string: length of the string field. */
  bytes?: number;
  /** burst, renew, re-expire, duplicate, reorder, junk legacy-field: how many users. */
  users?: number;
  /** burst: how many token_expired frames the users are spread over. */
  frames?: number;
  /** burst: time between its frames; re-expire: time between the renewal and the new expiry. */
  gapMs?: number;
  /** Seeds the choices that depend on the server's state (which users, which junk text). */
  salt: number;
}

export interface PlannedFault {
  /** Position in the schedule, from 0. */
  index: number;
  kind: FaultKind;
  /** Time from the end of the previous fault (or from the start) to this one. */
  gapMs: number;
  params: FaultParams;
}

export interface PlanSettings {
  /** Mean seconds between faults; each gap is drawn uniformly from half to one and a half of it. */
  faultInterval: number;
  /** Kinds the schedule draws from. */
  faultKinds: readonly FaultKind[];
  /** Multiplies every fault duration (silences, downtimes, gaps inside a fault). */
  faultTimeScale: number;
}

// Junk and bursts are cheap and varied, so they come up twice as often as the rest.
const WEIGHTS: Record<FaultKind, number> = {
  drop: 1,
  'close-1001': 1,
  'close-1011': 1,
  silence: 1,
  restart: 1,
  duplicate: 1,
  reorder: 1,
  junk: 2,
  burst: 2,
  renew: 1,
  're-expire': 1,
};

// A client declares a connection half-open after 45 s without a frame; a long silence outlasts that.
const LONG_SILENCE_MS = [46_000, 60_000] as const;
const SHORT_SILENCE_MS = [1_000, 10_000] as const;
const LONG_SILENCE_CHANCE = 0.25;
const DOWNTIME_MS = [5_000, 20_000] as const;
const HUGE_STRING_BYTES = [2 * 1024 * 1024, 4 * 1024 * 1024] as const;

// Separate streams: the plan never shifts the model's choices, and manual triggers never shift the plan.
const PLAN_STREAM = 0x2545f491;
const MANUAL_STREAM = 0x6c8e9cf5;

const between = (random: Random, [min, max]: readonly [number, number]): number => min + random.next() * (max - min);
const pick = <T>(random: Random, items: readonly T[]): T => items[random.below(items.length)] as T;

/** The parameters of one fault of `kind`, drawn from `random` (the same draws always give the same result). */
export const drawParams = (kind: FaultKind, random: Random, timeScale: number): FaultParams => {
  const scaled = (ms: number) => Math.round(ms * timeScale);
  const salt = random.below(0x100000000);
  switch (kind) {
    case 'drop':
    case 'close-1001':
    case 'close-1011':
      return { salt };
    case 'silence': {
      const long = random.chance(LONG_SILENCE_CHANCE);
      const durationMs = scaled(between(random, long ? LONG_SILENCE_MS : SHORT_SILENCE_MS));
      return { salt, long, durationMs, silence: random.chance(0.5) ? 'stall' : 'lose' };
    }
    case 'restart':
      return {
        salt,
        durationMs: scaled(between(random, DOWNTIME_MS)),
        keepState: random.chance(0.5),
        cut: random.chance(0.5) ? 'terminate' : 'close-1001',
        resetSeed: random.below(0x100000000),
        resetExpired: 2 + random.below(11),
      };
    case 'duplicate':
    case 'reorder':
      return { salt, users: 1 + random.below(3) };
    case 'junk': {
      const variant = pick(random, JUNK_VARIANTS);
      if (variant === 'huge-string') return { salt, variant, bytes: Math.round(between(random, HUGE_STRING_BYTES)) };
      if (variant === 'legacy-field') return { salt, variant, users: 1 + random.below(3) };
      return { salt, variant };
    }
    case 'burst':
      return { salt, users: 8 + random.below(33), frames: 1 + random.below(4), gapMs: scaled(20 + random.below(280)) };
    case 'renew':
      return { salt, users: 1 + random.below(5) };
    case 're-expire':
      return { salt, users: 1 + random.below(3), gapMs: scaled(random.below(3000)) };
  }
};

const pickKind = (random: Random, kinds: readonly FaultKind[]): FaultKind => {
  const total = kinds.reduce((sum, kind) => sum + WEIGHTS[kind], 0);
  let roll = random.next() * total;
  for (const kind of kinds) {
    roll -= WEIGHTS[kind];
    if (roll < 0) return kind;
  }
  return kinds[kinds.length - 1] as FaultKind;
};

/** The schedule of faults for a seed, one after another; pure, so two planners with one seed agree forever. */
export class FaultPlanner {
  private readonly random: Random;
  private readonly settings: PlanSettings;
  private index = 0;

  constructor(seed: number, settings: PlanSettings) {
    this.random = new Random(seed ^ PLAN_STREAM);
    this.settings = settings;
  }

  next(): PlannedFault {
    const { faultInterval, faultKinds, faultTimeScale } = this.settings;
    const kind = pickKind(this.random, faultKinds);
    const gapMs = Math.round(faultInterval * 1000 * (0.5 + this.random.next()));
    return { index: this.index++, kind, gapMs, params: drawParams(kind, this.random, faultTimeScale) };
  }
}

/** The first `count` faults the schedule of `seed` runs, without running anything. */
export const planChaos = (seed: number, count: number, settings: PlanSettings): PlannedFault[] => {
  if (settings.faultKinds.length === 0) return [];
  const planner = new FaultPlanner(seed, settings);
  return Array.from({ length: count }, () => planner.next());
};

/** The stream manual triggers draw their parameters from. */
export const manualRandom = (seed: number): Random => new Random(seed ^ MANUAL_STREAM);

export const isFaultKind = (value: string): value is FaultKind => (FAULT_KINDS as readonly string[]).includes(value);
