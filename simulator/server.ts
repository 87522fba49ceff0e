import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { RoundOutcome } from './check-round.ts';
import { pythonAddress } from './client-address.ts';
import { readClientFrame } from './client-frames.ts';
import { ClientHub, type HubStats } from './client-hub.ts';
import { type ControlTarget, controlHandler } from './http-control.ts';
import { pongFrame, type WireExpiredUser, welcomeFrame } from './messages.ts';
import { type ResolvedOptions, resolveOptions, type SimulatorOptions } from './options.ts';
import { Simulation } from './simulation.ts';
import { formatTimestamp, latencySince, preciseNow, timestampNow } from './timestamps.ts';
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

// Client frames are pings of well under 1 KiB; anything huge is a bug or an attack.
const MAX_CLIENT_FRAME_BYTES = 64 * 1024;
const CLOSE_GRACE_MS = 1000;

const createModel = (options: ResolvedOptions): TokenModel =>
  options.state ? TokenModel.restore(options.state) : TokenModel.generate(options, preciseNow());

const wsUrl = (host: string, port: number): string => `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;

const listen = (server: Server, port: number, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** Greets a new client exactly as the document's workflow begins: welcome, then the full current_status. */
const acceptClient = (
  socket: WebSocket,
  request: IncomingMessage,
  context: { hub: ClientHub; simulation: Simulation; log: (line: string) => void },
): void => {
  const { hub, simulation, log } = context;
  const address = pythonAddress(request.socket.remoteAddress, request.socket.remotePort);
  hub.add(socket);
  log(`client ${address} connected (${hub.size} connected)`);
  hub.send(socket, welcomeFrame(address, timestampNow()));
  hub.send(socket, simulation.currentStatus());
  socket.on('message', (data: RawData, isBinary: boolean) => {
    const frame = readClientFrame(data, isBinary);
    if (frame.kind === 'ignored') return log(`ignored ${frame.reason} from ${address}`);
    hub.countPing();
    const now = preciseNow();
    hub.send(socket, pongFrame(latencySince(frame.timestamp, now), formatTimestamp(now)));
  });
  socket.on('close', (code: number) => log(`client ${address} disconnected (code ${code}, ${hub.size} connected)`));
  // Without a listener a reset connection would throw; it is routine for this server.
  socket.on('error', (error: Error) => log(`client ${address} error: ${error.message}`));
};

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const { log } = resolved;
  const model = createModel(resolved);
  const hub = new ClientHub();
  const simulation = new Simulation(model, hub, resolved);

  const controls: ControlTarget = {
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
    stats: () => ({
      ...hub.stats(),
      checkRound: model.checkRound,
      isRunning: simulation.isRunning(),
      totalUsers: model.totalUsers,
      totalExpired: model.totalExpired,
    }),
  };

  const server = createServer(controlHandler(controls, log));
  const wss = new WebSocketServer({ server, perMessageDeflate: false, maxPayload: MAX_CLIENT_FRAME_BYTES });
  wss.on('connection', (socket, request) => acceptClient(socket, request, { hub, simulation, log }));
  // The ws server re-emits http server errors; unhandled they would crash the process. A failed listen is
  // reported by the rejected promise instead, so it is not logged twice.
  let listening = false;
  wss.on('error', (error) => {
    if (listening) log(`server error: ${error.message}`);
  });

  let port: number;
  try {
    port = await listen(server, resolved.port, resolved.host);
    listening = true;
  } catch (error) {
    wss.close();
    throw error;
  }
  simulation.startSchedule();

  let stopping: Promise<void> | undefined;
  const shutdown = async () => {
    simulation.halt();
    await hub.closeAll(1001, 'Simulator shutting down', CLOSE_GRACE_MS);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await closeServer(server);
  };

  return {
    ...controls,
    url: wsUrl(resolved.host, port),
    port,
    stop: () => {
      stopping ??= shutdown();
      return stopping;
    },
  };
}
