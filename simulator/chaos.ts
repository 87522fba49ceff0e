import { WebSocket } from 'ws';
import {
  drawParams,
  FAULT_KINDS,
  type FaultKind,
  type FaultParams,
  FaultPlanner,
  isFaultKind,
  manualRandom,
  type PlannedFault,
  type PlanSettings,
  planChaos,
} from './chaos-plan.ts';
import { ChaosWire, type WireCounters } from './chaos-wire.ts';
import { ClientHub } from './client-hub.ts';
import { acceptClient } from './client-session.ts';
import { type Endpoint, openEndpoint, wsUrl } from './endpoint.ts';
import { controlHandler } from './http-control.ts';
import { buildJunk } from './junk.ts';
import type { WireExpiredUser } from './messages.ts';
import { OptionError, type ResolvedOptions, resolveOptions, type SimulatorOptions } from './options.ts';
import { createPopulation } from './population.ts';
import { eventRandom, populationRandom, Random } from './random.ts';
import { CLOSE_GRACE_MS, createModel, type Simulator, type SimulatorStats, simulatorStats } from './server.ts';
import { Simulation } from './simulation.ts';
import { formatTimestamp, preciseNow, timestampNow } from './timestamps.ts';
import { TokenModel } from './token-model.ts';
import { pairsInFrame, type TruthEntry, type TruthExpiry, TruthLog } from './truth-log.ts';

export type { FaultKind, FaultParams, JunkVariant, PlannedFault, PlanSettings } from './chaos-plan.ts';
export { FAULT_KINDS, JUNK_VARIANTS, planChaos } from './chaos-plan.ts';
export type { WireCounters } from './chaos-wire.ts';
export type {
  TruthEntry,
  TruthExpiry,
  TruthFault,
  TruthFaultEnd,
  TruthFrameKind,
  TruthServer,
  TruthTotal,
} from './truth-log.ts';

export interface ChaosOptions extends SimulatorOptions {
  /** Mean seconds between scheduled faults (each gap is drawn from half to one and a half of it). 0: none are
   * scheduled, only `triggerFault` causes faults. Default 6. */
  faultInterval?: number;
  /** The kinds the schedule draws from. Default: all of FAULT_KINDS. */
  faultKinds?: readonly FaultKind[];
  /** Multiplies every fault's duration (silences, restart downtimes, gaps within a fault), for fast tests.
   * Default 1. */
  faultTimeScale?: number;
  /** Also write the truth log to this file, as JSON lines (the file is truncated at start). */
  truthFile?: string;
}

/** Defaults chaos mode uses instead of the simulator's, so a two-minute run sees a dozen rounds and dozens of
 * expiries. `checkDuration` defaults to 4 s, or 40 % of `interval` when that is shorter. */
/** A frame whose socket is still open this long after it went out has been read by a live client. */
const HEARD_AFTER_MS = 1000;

export const CHAOS_DEFAULTS = {
  interval: 10,
  checkDuration: 4,
  expireRate: 0.008,
  renewRate: 0.05,
  statusInterval: 15,
  faultInterval: 6,
  faultTimeScale: 1,
} as const;

/** One fault as it ran. */
export interface FaultRecord {
  /** Position in the seed's schedule; for a manual trigger, its position among the manual triggers. */
  index: number;
  kind: FaultKind;
  manual: boolean;
  params: FaultParams;
  /** Epoch milliseconds. */
  startedAt: number;
  endedAt: number | null;
  /** What it did: clients affected, users involved, frames flushed or lost, check_round before and after. */
  effect: Record<string, unknown>;
}

/** The ground truth of a run so far. */
export interface ChaosTruth {
  seed: number;
  port: number;
  listening: boolean;
  /** The server's state now (also while it is down between a restart's stop and start). */
  totalExpired: number;
  checkRound: number;
  /** Every (user_id, expired_time) sent on an open socket, once, in the order first sent. */
  expiries: TruthExpiry[];
  /** Of those, the pairs some client had in hand (`user_id@expired_time`); see TruthHeard. */
  heard: string[];
  faults: FaultRecord[];
  /** Everything, in order, as the truth file has it. */
  entries: TruthEntry[];
}

export interface ChaosStats extends SimulatorStats {
  listening: boolean;
  activeFault: FaultKind | null;
  faultsRun: number;
  frames: WireCounters;
}

export interface ChaosSimulator extends Simulator {
  readonly seed: number;
  stats(): ChaosStats;
  truth(): ChaosTruth;
  /** How many faults of each kind have started (every kind present, 0 when none). */
  faults(): Record<FaultKind, number>;
  faultLog(): FaultRecord[];
  /** The first `count` faults of this seed's schedule (the ones that run, in order, when faultInterval > 0). */
  plan(count: number): PlannedFault[];
  /** Runs a fault now (after the one under way, if any) outside the schedule, which it does not shift. Its
   * parameters are drawn from a separate stream of the seed; `params` overrides any of them. Resolves when the
   * fault is over (a restarted server listens again). */
  triggerFault(kind: FaultKind, params?: Partial<FaultParams>): Promise<FaultRecord>;
  isListening(): boolean;
  /** Resolves when the server listens (at once, unless a restart is under way) or has stopped. */
  whenListening(): Promise<void>;
  /** Schedules no more faults; resolves once the one under way is over and the server listens. A soak calls it
   * before comparing its final state with the truth. */
  calm(): Promise<void>;
}

type ChaosControls = Pick<
  ChaosSimulator,
  'startRound' | 'expireNow' | 'renew' | 'dropClients' | 'setSilent' | 'broadcastRaw' | 'snapshot' | 'stats' | 'truth'
>;

interface ResolvedChaos {
  simulator: ResolvedOptions;
  plan: PlanSettings;
  truthFile: string | undefined;
}

interface Core {
  model: TokenModel;
  simulation: Simulation;
}

interface Sleeper {
  timer: NodeJS.Timeout;
  resolve: () => void;
}

const RELISTEN_RETRY_MS = 1000;
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|::1)$/;

const definedOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;

/** Fills in chaos defaults, then the simulator's, and rejects what chaos mode cannot do. */
export const resolveChaosOptions = (options: ChaosOptions): ResolvedChaos => {
  const { faultInterval, faultKinds, faultTimeScale, truthFile, ...rest } = options;
  const given = definedOnly(rest);
  const interval = given.interval ?? CHAOS_DEFAULTS.interval;
  const simulator = resolveOptions({
    ...CHAOS_DEFAULTS,
    checkDuration: Math.min(CHAOS_DEFAULTS.checkDuration, interval * 0.4),
    ...given,
  });
  // Chaos mode sends hostile frames on purpose: only to this machine.
  if (!LOOPBACK.test(simulator.host)) {
    throw new OptionError('--host', `must be a loopback address in chaos mode, got ${simulator.host}`);
  }
  const meanGap = faultInterval ?? CHAOS_DEFAULTS.faultInterval;
  if (!Number.isFinite(meanGap) || meanGap < 0 || meanGap > 3600) {
    throw new OptionError('--fault-interval', `must be a number from 0 to 3600, got ${String(meanGap)}`);
  }
  const scale = faultTimeScale ?? CHAOS_DEFAULTS.faultTimeScale;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) {
    throw new OptionError('--fault-time-scale', `must be a number above 0 up to 100, got ${String(scale)}`);
  }
  const kinds = [...new Set(faultKinds ?? FAULT_KINDS)];
  const unknown = kinds.filter((kind) => !isFaultKind(kind));
  if (unknown.length > 0) {
    throw new OptionError('--faults', `knows no ${unknown.join(', ')}; the kinds are ${FAULT_KINDS.join(', ')}`);
  }
  if (kinds.length === 0 && meanGap > 0) throw new OptionError('--faults', 'must name at least one kind');
  return { simulator, plan: { faultInterval: meanGap, faultKinds: kinds, faultTimeScale: scale }, truthFile };
};

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{6})$/;

/** Reads back formatTimestamp's local time, to the microsecond. */
const parseTimestamp = (text: string): number | undefined => {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, micros] = match.map(Number) as number[];
  const wholeSeconds = new Date(year ?? 0, (month ?? 1) - 1, day, hour, minute, second).getTime();
  return wholeSeconds + (micros ?? 0) / 1000;
};

/** A timestamp at `nowMs`, or just after `previous` if the clock has not passed it: always strictly later. */
export const timestampAfter = (previous: string, nowMs: number): string => {
  const now = formatTimestamp(nowMs);
  if (now > previous) return now;
  const previousMs = parseTimestamp(previous) ?? nowMs;
  for (let microseconds = 1; microseconds <= 1000; microseconds += 1) {
    const next = formatTimestamp(previousMs + microseconds / 1000);
    if (next > previous) return next;
  }
  return formatTimestamp(previousMs + 1);
};

/** `count` distinct items chosen by `random` (a partial Fisher-Yates), in the order chosen. */
const sample = <T>(random: Random, items: readonly T[], count: number): T[] => {
  const pool = [...items];
  const wanted = Math.min(Math.max(0, count), pool.length);
  for (let i = 0; i < wanted; i += 1) {
    const j = i + random.below(pool.length - i);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, wanted);
};

const parseJsonOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const describeParams = (params: FaultParams): string =>
  Object.entries(params)
    .filter(([key]) => key !== 'salt')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');

class ChaosRun {
  readonly seed: number;
  port: number;
  private readonly options: ResolvedOptions;
  private readonly settings: PlanSettings;
  private readonly log: (line: string) => void;
  private readonly hub: ClientHub;
  private readonly wire: ChaosWire;
  private readonly truthLog: TruthLog;
  private readonly planner: FaultPlanner;
  private readonly manual: Random;
  private readonly records: FaultRecord[] = [];
  private readonly counts = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  private readonly sleepers = new Set<Sleeper>();
  private readonly handleRequest: ReturnType<typeof controlHandler>;
  private listeningWaiters: (() => void)[] = [];
  private core: Core;
  private endpoint: Endpoint | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private active: FaultRecord | undefined;
  private manualCount = 0;
  private stopped = false;
  private calmed = false;
  private stopping: Promise<void> | undefined;
  private lastTotal = -1;
  private lastRound = -1;

  constructor(resolved: ResolvedChaos) {
    this.options = resolved.simulator;
    this.settings = resolved.plan;
    this.seed = this.options.seed;
    this.port = this.options.port;
    this.log = this.options.log;
    this.truthLog = new TruthLog(resolved.truthFile);
    this.wire = new ChaosWire((out, socket) => this.sent(out.frame, socket));
    this.hub = new ClientHub({ onFrame: () => this.sampleTotal(), transmit: this.wire.transmit });
    const model = createModel(this.options);
    this.core = { model, simulation: new Simulation(model, this.hub, this.options) };
    this.planner = new FaultPlanner(this.seed, this.settings);
    this.manual = manualRandom(this.seed);
    this.handleRequest = controlHandler(this.controls(), this.log);
  }

  async start(): Promise<void> {
    try {
      this.endpoint = await this.open();
    } catch (error) {
      await this.truthLog.close().catch(() => {});
      throw error;
    }
    this.port = this.endpoint.port;
    const { faultInterval, faultKinds, faultTimeScale } = this.settings;
    const { log: _log, state: _state, ...numbers } = this.options;
    this.truthLog.add({
      event: 'start',
      port: this.port,
      details: { ...numbers, url: this.endpoint.url, faultInterval, faultKinds, faultTimeScale },
    });
    this.sampleTotal();
    this.core.simulation.startSchedule();
    if (faultInterval > 0) this.scheduleNext();
  }

  get url(): string {
    return this.endpoint?.url ?? wsUrl(this.options.host, this.port);
  }

  /** The public object: the simulator's controls on whichever model is current, plus the chaos accessors. */
  simulator(): ChaosSimulator {
    const run = this;
    return {
      ...this.controls(),
      seed: this.seed,
      get url() {
        return run.url;
      },
      get port() {
        return run.port;
      },
      faults: () => ({ ...this.counts }),
      faultLog: () => this.records.map((record) => ({ ...record })),
      plan: (count) => planChaos(this.seed, count, this.settings),
      triggerFault: (kind, params) => this.trigger(kind, params),
      isListening: () => this.endpoint !== undefined,
      whenListening: () => this.whenListening(),
      calm: async () => {
        this.calmed = true;
        await this.chain;
        await this.whenListening();
      },
      stop: () => {
        this.stopping ??= this.shutdown();
        return this.stopping;
      },
    };
  }

  private controls(): ChaosControls {
    return {
      startRound: () => {
        const done = this.core.simulation.startRound();
        this.sampleTotal();
        return done;
      },
      expireNow: (count) => {
        const users = this.core.simulation.expireNow(count);
        this.sampleTotal();
        return users;
      },
      renew: (userIds) => {
        const renewed = this.core.simulation.renew(userIds);
        this.sampleTotal();
        return renewed;
      },
      dropClients: () => this.hub.dropAll(),
      setSilent: (on) => {
        this.hub.setSilent(on);
        this.log(on ? 'silent: sending nothing, connections stay open' : 'silence over');
      },
      // Parsed, so that a frame sent by hand that tells of expiries is in the truth log too.
      broadcastRaw: (text) => this.hub.broadcastRaw(text, 'raw', parseJsonOrUndefined(text)),
      snapshot: () => this.core.model.snapshot(),
      stats: () => ({
        ...simulatorStats(this.hub, this.core.model, this.core.simulation),
        listening: this.endpoint !== undefined,
        activeFault: this.active?.kind ?? null,
        faultsRun: this.records.length,
        frames: { ...this.wire.counters },
      }),
      truth: () => this.truth(),
    };
  }

  private truth(): ChaosTruth {
    return {
      seed: this.seed,
      port: this.port,
      listening: this.endpoint !== undefined,
      totalExpired: this.core.model.totalExpired,
      checkRound: this.core.model.checkRound,
      expiries: this.truthLog.expiries(),
      heard: this.truthLog.heardPairs(),
      faults: this.records.map((record) => ({ ...record })),
      entries: this.truthLog.entries(),
    };
  }

  private open(): Promise<Endpoint> {
    return openEndpoint({
      host: this.options.host,
      port: this.port,
      log: this.log,
      onRequest: (request, response) => this.handleRequest(request, response),
      onConnection: (socket, request) =>
        acceptClient(socket, request, {
          hub: this.hub,
          currentStatus: () => this.core.simulation.currentStatus(),
          log: this.log,
        }),
    });
  }

  /** Records the server's total_expired and check_round whenever either has changed. */
  private sampleTotal(): void {
    const { model } = this.core;
    if (model.totalExpired === this.lastTotal && model.checkRound === this.lastRound) return;
    this.lastTotal = model.totalExpired;
    this.lastRound = model.checkRound;
    this.truthLog.add({ event: 'total', total_expired: this.lastTotal, check_round: this.lastRound });
  }

  /**
   * Into the truth log at once; and as heard once its socket is still open a while later, when a live client
   * has certainly read it (a socket that closes at once may have died with its client before it was read).
   */
  private sent(frame: unknown, socket: WebSocket): void {
    this.truthLog.recordSent(frame);
    if (pairsInFrame(frame) === undefined) return;
    void this.sleep(HEARD_AFTER_MS).then(() => {
      if (!this.stopped && socket.readyState === WebSocket.OPEN) this.truthLog.recordHeard(frame);
    });
  }

  /** A timer that stop() cuts short, so no fault outlives the server. */
  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper: Sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve();
        }, ms),
        resolve,
      };
      this.sleepers.add(sleeper);
    });
  }

  private scheduleNext(): void {
    if (this.stopped || this.calmed) return;
    const fault = this.planner.next();
    void this.sleep(fault.gapMs).then(() => {
      if (this.stopped || this.calmed) return;
      this.enqueue(fault, false).then(
        () => this.scheduleNext(),
        () => {},
      );
    });
  }

  private trigger(kind: FaultKind, overrides: Partial<FaultParams> = {}): Promise<FaultRecord> {
    if (!isFaultKind(kind)) return Promise.reject(new TypeError(`no fault kind ${String(kind)}`));
    if (this.stopped) return Promise.reject(new Error('the chaos simulator has stopped'));
    const params = { ...drawParams(kind, this.manual, this.settings.faultTimeScale), ...definedOnly(overrides) };
    return this.enqueue({ index: this.manualCount++, kind, params }, true);
  }

  /** Faults run one at a time, in the order asked for. */
  private enqueue(fault: Pick<PlannedFault, 'index' | 'kind' | 'params'>, manual: boolean): Promise<FaultRecord> {
    const run = this.chain.then(() => this.run(fault, manual));
    this.chain = run.catch(() => {});
    return run;
  }

  private async run(fault: Pick<PlannedFault, 'index' | 'kind' | 'params'>, manual: boolean): Promise<FaultRecord> {
    if (this.stopped) throw new Error('the chaos simulator has stopped');
    const { index, kind, params } = fault;
    const record: FaultRecord = { index, kind, manual, params, startedAt: preciseNow(), endedAt: null, effect: {} };
    this.records.push(record);
    this.counts[kind] += 1;
    this.active = record;
    this.truthLog.add({ event: 'fault', index, kind, manual, params }, record.startedAt);
    this.log(`chaos: ${manual ? 'manual' : 'scheduled'} fault ${index}: ${kind} ${describeParams(params)}`.trimEnd());
    try {
      record.effect = await this.execute(kind, params, new Random(params.salt));
    } catch (error) {
      record.effect = { error: String(error) };
      this.log(`chaos: fault ${kind} failed: ${String(error)}`);
    } finally {
      this.wire.settle();
      this.active = undefined;
      record.endedAt = preciseNow();
      this.truthLog.add({ event: 'fault_end', index, kind, manual, effect: record.effect }, record.endedAt);
      this.sampleTotal();
    }
    return record;
  }

  private async execute(kind: FaultKind, params: FaultParams, random: Random): Promise<Record<string, unknown>> {
    switch (kind) {
      case 'drop':
        return { clients: this.hub.dropAll() };
      case 'close-1001':
        return this.closeClients(1001, 'Going away');
      case 'close-1011':
        return this.closeClients(1011, 'Internal server error');
      case 'silence':
        return this.silence(params);
      case 'restart':
        return this.restart(params);
      case 'duplicate': {
        const clients = this.hub.clients();
        this.wire.armDuplicate(clients);
        const users = this.expire(params.users ?? 1);
        if (users.length === 0) this.core.simulation.broadcastStatus();
        return { clients: clients.length, users };
      }
      case 'reorder': {
        // token_expired, then a current_status that already lists its users: the client gets them swapped.
        const clients = this.hub.clients();
        this.wire.armReorder(clients);
        const users = this.expire(params.users ?? 1);
        this.core.simulation.broadcastStatus();
        return { clients: clients.length, users };
      }
      case 'junk':
        return this.junk(params, random);
      case 'burst':
        return this.burst(params);
      case 'renew': {
        const chosen = sample(random, this.core.model.expiredUserIds(), params.users ?? 1);
        return { users: this.core.simulation.renew(chosen) };
      }
      case 're-expire':
        return this.reExpire(params, random);
    }
  }

  private expire(count: number): string[] {
    return this.core.simulation.expireNow(count).map((user) => user.user_id);
  }

  private async closeClients(code: number, reason: string): Promise<Record<string, unknown>> {
    const clients = this.hub.size;
    await this.hub.closeAll(code, reason, CLOSE_GRACE_MS);
    return { clients, code };
  }

  private async silence(params: FaultParams): Promise<Record<string, unknown>> {
    const mode = params.silence ?? 'lose';
    const clients = this.wire.mute(this.hub.clients(), mode);
    await this.sleep(params.durationMs ?? 1000);
    const { flushed, lost } = this.wire.unmute();
    return { clients, mode, flushed, lost };
  }

  private async restart(params: FaultParams): Promise<Record<string, unknown>> {
    const before = this.core.model;
    const effect: Record<string, unknown> = {
      clients: this.hub.size,
      keepState: params.keepState !== false,
      checkRoundBefore: before.checkRound,
      totalExpiredBefore: before.totalExpired,
    };
    this.core.simulation.halt();
    const endpoint = this.endpoint;
    this.endpoint = undefined;
    const downAt = preciseNow();
    await endpoint?.close(() =>
      params.cut === 'terminate'
        ? void this.hub.dropAll()
        : this.hub.closeAll(1001, 'Server restarting', CLOSE_GRACE_MS),
    );
    this.truthLog.add({ event: 'down', port: this.port });
    this.log(`chaos: not listening for ${((params.durationMs ?? 0) / 1000).toFixed(1)} s`);
    await this.sleep(params.durationMs ?? 5000);
    if (this.stopped) return { ...effect, restarted: false };
    if (params.keepState === false) this.core = this.resetCore(params, downAt, before.totalUsers);
    this.sampleTotal();
    if (!(await this.relisten()) || this.stopped) return { ...effect, restarted: false };
    this.core.simulation.startSchedule();
    return {
      ...effect,
      restarted: true,
      downMs: Math.round(preciseNow() - downAt),
      checkRoundAfter: this.core.model.checkRound,
      totalExpiredAfter: this.core.model.totalExpired,
      // A reset's new population: who is expired in it (a kept state is the one before).
      ...(params.keepState === false ? { expiredAfter: this.core.model.expiredUserIds() } : {}),
    };
  }

  /** A new server: another population (same ids, other phones and tokens) whose expiries fall in the downtime. */
  private resetCore(params: FaultParams, downAt: number, users: number): Core {
    const seed = params.resetSeed ?? 0;
    const model = new TokenModel(createPopulation(users, populationRandom(seed)), eventRandom(seed));
    const picks = model.pickValid(params.resetExpired ?? 4);
    // Strictly after every expiry the old server made (all at or before downAt), and in the past.
    const span = Math.max(1, preciseNow() - downAt);
    picks.forEach((index, i) => {
      model.expire(index, formatTimestamp(downAt + ((i + 1) * span) / (picks.length + 1)));
    });
    return { model, simulation: new Simulation(model, this.hub, this.options) };
  }

  private async relisten(): Promise<boolean> {
    for (let attempt = 1; !this.stopped; attempt += 1) {
      try {
        this.endpoint = await this.open();
        this.truthLog.add({ event: 'listening', port: this.port });
        this.log(`chaos: listening again on ${this.endpoint.url}`);
        for (const resolve of this.listeningWaiters.splice(0)) resolve();
        return true;
      } catch (error) {
        this.log(`chaos: cannot listen on port ${this.port} (attempt ${attempt}): ${String(error)}; retrying`);
        await this.sleep(RELISTEN_RETRY_MS);
      }
    }
    return false;
  }

  private whenListening(): Promise<void> {
    if (this.endpoint || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.listeningWaiters.push(resolve));
  }

  private junk(params: FaultParams, random: Random): Record<string, unknown> {
    const variant = params.variant ?? 'not-json';
    const { model } = this.core;
    const now = timestampNow();
    const junk = buildJunk(variant, params, {
      random,
      now,
      checkRound: model.checkRound,
      expire: (count): WireExpiredUser[] => model.pickValid(count).map((index) => model.expire(index, now)),
      totalExpired: () => model.totalExpired,
    });
    const delivered = this.hub.broadcastRaw(junk.data, 'junk', junk.frame);
    const bytes = typeof junk.data === 'string' ? Buffer.byteLength(junk.data) : junk.data.length;
    return { variant, template: junk.template, bytes, delivered, ...(junk.users ? { users: junk.users } : {}) };
  }

  private async burst(params: FaultParams): Promise<Record<string, unknown>> {
    const total = params.users ?? 10;
    const frames = Math.max(1, Math.min(params.frames ?? 1, total));
    const users: string[] = [];
    for (let frame = 0; frame < frames && !this.stopped; frame += 1) {
      if (frame > 0) await this.sleep(params.gapMs ?? 0);
      const size = Math.floor((total * (frame + 1)) / frames) - Math.floor((total * frame) / frames);
      users.push(...this.expire(size));
    }
    return { users, frames };
  }

  private async reExpire(params: FaultParams, random: Random): Promise<Record<string, unknown>> {
    const { model, simulation } = this.core;
    if (model.totalExpired === 0) this.expire(1);
    const chosen = sample(random, model.expiredUsers(), params.users ?? 1);
    simulation.renew(chosen.map((user) => user.user_id));
    this.sampleTotal();
    await this.sleep(params.gapMs ?? 0);
    if (this.stopped || this.core.model !== model) return { renewed: chosen.map((user) => user.user_id), users: [] };
    const nowMs = preciseNow();
    const again: WireExpiredUser[] = [];
    const users: { user_id: string; previous: string; expired_time: string }[] = [];
    for (const previous of chosen) {
      const index = model.users.findIndex((user) => user.user_id === previous.user_id);
      // A round may have expired the user again meanwhile, already with a later time.
      if (index < 0 || model.isExpired(index)) continue;
      const user = model.expire(index, timestampAfter(previous.expired_time, nowMs));
      again.push(user);
      users.push({ user_id: user.user_id, previous: previous.expired_time, expired_time: user.expired_time });
    }
    // The frame's timestamp: the latest of the new expired_times (each may have been pushed past the old one).
    const latest = again.map((user) => user.expired_time).sort();
    simulation.announce(again, latest.at(-1) ?? timestampNow());
    return { users };
  }

  private async shutdown(): Promise<void> {
    this.stopped = true;
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.resolve();
    }
    this.sleepers.clear();
    await this.chain;
    this.core.simulation.halt();
    this.wire.discard();
    const endpoint = this.endpoint;
    this.endpoint = undefined;
    await endpoint?.close(() => this.hub.closeAll(1001, 'Simulator shutting down', CLOSE_GRACE_MS));
    for (const resolve of this.listeningWaiters.splice(0)) resolve();
    this.truthLog.add({ event: 'stop', port: this.port });
    await this.truthLog.close();
  }
}

/**
 * The simulator with faults: abnormal drops, 1001 and 1011 closes, half-open silences, restarts on the same port
 * (with the old state or a new one), duplicated and swapped frames, junk, bursts, silent renewals and re-expiries,
 * all drawn from the seed. It keeps a ground-truth log of every expiry it made known to a client.
 */
export async function startChaosSimulator(options: ChaosOptions = {}): Promise<ChaosSimulator> {
  const run = new ChaosRun(resolveChaosOptions(options));
  await run.start();
  return run.simulator();
}

export const formatFaultCounts = (counts: Record<FaultKind, number>): string =>
  FAULT_KINDS.filter((kind) => counts[kind] > 0)
    .map((kind) => `${kind} ${counts[kind]}`)
    .join(', ') || 'none';
