import type { SimulatorSnapshot } from './token-model.ts';

export interface SimulatorOptions {
  /** Interface to listen on. Default 127.0.0.1: the control endpoints have no authentication. */
  host?: string;
  /** 0 picks a free port. Default 8765, as in the document. */
  port?: number;
  /** Population size. Default 410, as in the document. Ignored when `state` is given. */
  users?: number;
  /** Seconds between round starts. Default 60. */
  interval?: number;
  /** Seconds one round takes to check every user. Default 20. */
  checkDuration?: number;
  /** Probability that a valid user checked in a round expires. Default 0.01. */
  expireRate?: number;
  /** Probability that an expired user renews at the start of a round. Default 0.005. */
  renewRate?: number;
  /** PRNG seed; the same seed gives the same population and choices. Default: random (and logged). */
  seed?: number;
  /** Users expired before the first round. Default 4, as in the document. Ignored when `state` is given. */
  initialExpired?: number;
  /** Seconds between current_status broadcasts. Default 30. */
  statusInterval?: number;
  /** Seconds between check_progress messages. Default 0.5. */
  progressInterval?: number;
  /** Seconds from start to the first round, so a demo shows progress at once. Default 1. */
  firstRoundDelay?: number;
  /** Continue from `Simulator.snapshot()` instead of generating a population. */
  state?: SimulatorSnapshot;
  /** Receives every log line. Default console.log. */
  log?: (line: string) => void;
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, 'state'>> & Pick<SimulatorOptions, 'state'>;

export const DEFAULT_OPTIONS = {
  host: '127.0.0.1',
  port: 8765,
  users: 410,
  interval: 60,
  checkDuration: 20,
  expireRate: 0.01,
  renewRate: 0.005,
  initialExpired: 4,
  statusInterval: 30,
  progressInterval: 0.5,
  firstRoundDelay: 1,
} as const;

/** A bad option value; `flag` is its command-line name, so the CLI and the library report it alike. */
export class OptionError extends Error {
  readonly flag: string;

  constructor(flag: string, message: string) {
    super(`${flag} ${message}`);
    this.name = 'OptionError';
    this.flag = flag;
  }
}

interface Range {
  flag: string;
  min: number;
  max: number;
  integer?: boolean;
  /** The minimum itself is not allowed (a zero interval would spin). */
  exclusiveMin?: boolean;
}

const DAY_SECONDS = 24 * 60 * 60;

const RANGES = {
  port: { flag: '--port', min: 0, max: 65535, integer: true },
  users: { flag: '--users', min: 1, max: 10_000_000, integer: true },
  interval: { flag: '--interval', min: 0, max: DAY_SECONDS, exclusiveMin: true },
  checkDuration: { flag: '--check-duration', min: 0, max: DAY_SECONDS },
  expireRate: { flag: '--expire-rate', min: 0, max: 1 },
  renewRate: { flag: '--renew-rate', min: 0, max: 1 },
  seed: { flag: '--seed', min: 0, max: 0xffffffff, integer: true },
  initialExpired: { flag: '--initial-expired', min: 0, max: 10_000_000, integer: true },
  statusInterval: { flag: '--status-interval', min: 0, max: DAY_SECONDS, exclusiveMin: true },
  // Below 10 ms a long round would queue millions of timers for no visible gain.
  progressInterval: { flag: '--progress-interval', min: 0.01, max: DAY_SECONDS },
  firstRoundDelay: { flag: '--first-round-delay', min: 0, max: DAY_SECONDS },
} satisfies Record<string, Range>;

export type NumericOption = keyof typeof RANGES;

const describeRange = ({ min, max, integer, exclusiveMin }: Range): string => {
  const kind = integer ? 'an integer' : 'a number';
  return exclusiveMin ? `${kind} above ${min} up to ${max}` : `${kind} from ${min} to ${max}`;
};

const checked = (option: NumericOption, value: number): number => {
  const range: Range = RANGES[option];
  const fits =
    Number.isFinite(value) &&
    (!range.integer || Number.isInteger(value)) &&
    (range.exclusiveMin ? value > range.min : value >= range.min) &&
    value <= range.max;
  if (!fits) throw new OptionError(range.flag, `must be ${describeRange(range)}, got ${String(value)}`);
  return value;
};

const randomSeed = (): number => Math.floor(Math.random() * 0x100000000);

/** Fills in defaults and rejects impossible combinations with an OptionError. */
export const resolveOptions = (options: SimulatorOptions): ResolvedOptions => {
  const host = options.host ?? DEFAULT_OPTIONS.host;
  if (host.trim() === '') throw new OptionError('--host', 'must not be empty');
  const number = (option: Exclude<NumericOption, 'seed'>): number =>
    checked(option, options[option] ?? DEFAULT_OPTIONS[option]);
  const resolved: ResolvedOptions = {
    host,
    port: number('port'),
    users: number('users'),
    interval: number('interval'),
    checkDuration: number('checkDuration'),
    expireRate: number('expireRate'),
    renewRate: number('renewRate'),
    seed: checked('seed', options.seed ?? randomSeed()),
    initialExpired: number('initialExpired'),
    statusInterval: number('statusInterval'),
    progressInterval: number('progressInterval'),
    firstRoundDelay: number('firstRoundDelay'),
    state: options.state,
    log: options.log ?? ((line: string) => console.log(line)),
  };
  // Overlapping rounds would interleave two rounds' progress; the real server runs them one after another.
  if (resolved.checkDuration >= resolved.interval) {
    throw new OptionError('--check-duration', `must be shorter than --interval (${resolved.interval} s)`);
  }
  if (!resolved.state && resolved.initialExpired > resolved.users) {
    throw new OptionError('--initial-expired', `must not exceed --users (${resolved.users})`);
  }
  return resolved;
};
