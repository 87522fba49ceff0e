import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

// Client frames are pings of well under 1 KiB; anything huge is a bug or an attack.
const MAX_CLIENT_FRAME_BYTES = 64 * 1024;

export interface EndpointOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Answers plain HTTP requests (the control routes). */
  onRequest: RequestListener;
  /** Each WebSocket client, once its handshake is done. */
  onConnection: (socket: WebSocket, request: IncomingMessage) => void;
  log: (line: string) => void;
}

/** One listening HTTP server with the WebSocket server on it: what a restart takes down and brings back. */
export interface Endpoint {
  /** The real port, also when asked for port 0. */
  readonly port: number;
  readonly url: string;
  /**
   * Stops accepting connections at once, then runs `cutClients` (which must end every WebSocket this endpoint
   * accepted: the HTTP server only reports closed once they are gone), then closes what is left.
   */
  close(cutClients: () => Promise<void> | void): Promise<void>;
}

export const wsUrl = (host: string, port: number): string => `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;

const listen = (server: Server, port: number, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

export async function openEndpoint(options: EndpointOptions): Promise<Endpoint> {
  const { host, log } = options;
  const server = createServer(options.onRequest);
  const wss = new WebSocketServer({ server, perMessageDeflate: false, maxPayload: MAX_CLIENT_FRAME_BYTES });
  wss.on('connection', options.onConnection);
  // The ws server re-emits http server errors; unhandled they would crash the process. A failed listen is
  // reported by the rejected promise instead, so it is not logged twice.
  let listening = false;
  wss.on('error', (error) => {
    if (listening) log(`server error: ${error.message}`);
  });

  let port: number;
  try {
    port = await listen(server, options.port, host);
    listening = true;
  } catch (error) {
    wss.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = async (cutClients: () => Promise<void> | void) => {
    wss.close();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await cutClients();
    server.closeAllConnections();
    await closed;
  };
  return {
    port,
    url: wsUrl(host, port),
    close: (cutClients) => {
      closing ??= close(cutClients);
      return closing;
    },
  };
}
