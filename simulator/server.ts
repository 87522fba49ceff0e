import type { RoundOutcome } from './check-round.ts';
import { ClientHub, type HubStats } from './client-hub.ts';
import { acceptClient } from './client-session.ts';
import { openEndpoint } from './endpoint.ts';
import { controlHandler } from './http-control.ts';
import type { WireExpiredUser } from './messages.ts';
import { type ResolvedOptions, resolveOptions, type SimulatorOptions } from './options.ts';
import { Simulation } from './simulation.ts';
import { preciseNow } from './timestamps.ts';
import { type SimulatorSnapshot, TokenModel } from './token-model.ts';

export type { RoundOutcome } from './check-round.ts';
export type { WireExpiredUser } from './messages.ts';
export type { SimulatorOptions } from './options.ts';
export type { SimulatorSnapshot } from './token-model.ts';

export interface SimulatorStats extends HubStats {
  checkRound: number;
  isRunning: boolean;
  totalUsers: number;
  totalExpired: number;
}

export interface Simulator {
  /** ws://host:port — the real port when started with port 0. */
  readonly url: string;
  readonly port: number;
  /** Begins a round now (or returns the running one); resolves when it completes or the server stops. */
  startRound(): Promise<RoundOutcome>;
  /** Expires up to `count` valid users now and announces them with one token_expired. */
  expireNow(count: number): WireExpiredUser[];
  /** Renews the given users (all expired users when omitted), silently; returns the ids renewed. */
  renew(userIds?: readonly string[]): string[];
  /** Terminates every client socket without a close frame; returns how many. */
  dropClients(): number;
  /** While on, nothing at all is sent (no pong either), but connections stay open and rounds go on. */
  setSilent(on: boolean): void;
  /** Sends `text` verbatim to every client; returns how many received it. */
  broadcastRaw(text: string): number;
  snapshot(): SimulatorSnapshot;
  stats(): SimulatorStats;
  /** Closes every client with 1001 and releases the port. Safe to call twice. */
  stop(): Promise<void>;
}

/** Every control of a simulator, which the HTTP routes expose too. */
export type SimulatorControls = Omit<Simulator, 'url' | 'port' | 'stop'>;

export const CLOSE_GRACE_MS = 1000;

export const createModel = (options: ResolvedOptions): TokenModel =>
  options.state ? TokenModel.restore(options.state) : TokenModel.generate(options, preciseNow());

export const simulatorStats = (hub: ClientHub, model: TokenModel, simulation: Simulation): SimulatorStats => ({
  ...hub.stats(),
  checkRound: model.checkRound,
  isRunning: simulation.isRunning(),
  totalUsers: model.totalUsers,
  totalExpired: model.totalExpired,
});

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const { log } = resolved;
  const model = createModel(resolved);
  const hub = new ClientHub();
  const simulation = new Simulation(model, hub, resolved);

  const controls: SimulatorControls = {
    startRound: () => simulation.startRound(),
    expireNow: (count) => simulation.expireNow(count),
    renew: (userIds) => simulation.renew(userIds),
    dropClients: () => hub.dropAll(),
    setSilent: (on) => {
      hub.setSilent(on);
      log(on ? 'silent: sending nothing, connections stay open' : 'silence over');
    },
    broadcastRaw: (text) => hub.broadcastRaw(text),
    snapshot: () => model.snapshot(),
    stats: () => simulatorStats(hub, model, simulation),
  };

  const endpoint = await openEndpoint({
    host: resolved.host,
    port: resolved.port,
    log,
    onRequest: controlHandler(controls, log),
    onConnection: (socket, request) =>
      acceptClient(socket, request, { hub, currentStatus: () => simulation.currentStatus(), log }),
  });
  simulation.startSchedule();

  let stopping: Promise<void> | undefined;
  const shutdown = async () => {
    simulation.halt();
    await endpoint.close(() => hub.closeAll(1001, 'Simulator shutting down', CLOSE_GRACE_MS));
  };

  return {
    ...controls,
    url: endpoint.url,
    port: endpoint.port,
    stop: () => {
      stopping ??= shutdown();
      return stopping;
    },
  };
}
