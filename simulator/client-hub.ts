import { WebSocket } from 'ws';
import type { ServerFrame } from './messages.ts';

export interface HubStats {
  clientsConnected: number;
  connectionsAccepted: number;
  pingsReceived: number;
  /** Frames delivered, per message type (`raw` for broadcastRaw), counted once per receiving client. */
  messagesSent: Record<string, number>;
  /** Frames that silence swallowed, counted once per client that would have received them. */
  framesSuppressed: number;
  silent: boolean;
}

/** Frame data as `ws` sends it: a string goes out as a text frame, a Buffer as a binary one. */
export type FrameData = string | Buffer;

/** Ways to watch and shape what the hub sends; chaos mode uses them, a plain simulator uses none. */
export interface HubHooks {
  /** Runs once for every frame handed to the hub, before any socket gets it, even when no client is connected. */
  onFrame?(label: string): void;
  /**
   * Puts one frame on one open socket (default: `socket.send(data)`). `frame` is what the data means, when the
   * hub knows: the object a ServerFrame was serialised from, or what the caller of broadcastRaw passed.
   */
  transmit?(socket: WebSocket, data: FrameData, label: string, frame: unknown): void;
}

const plainTransmit = (socket: WebSocket, data: FrameData): void => socket.send(data);

/**
 * The connected clients and the single gate every outgoing frame passes. Keeping all sends here is what lets
 * `silent` be total: a half-open connection delivers nothing at all, not even a pong.
 */
export class ClientHub {
  private readonly sockets = new Set<WebSocket>();
  private readonly sent = new Map<string, number>();
  private readonly hooks: HubHooks;
  private readonly transmit: NonNullable<HubHooks['transmit']>;
  private silent = false;
  private accepted = 0;
  private pings = 0;
  private suppressed = 0;

  constructor(hooks: HubHooks = {}) {
    this.hooks = hooks;
    this.transmit = hooks.transmit ?? plainTransmit;
  }

  add(socket: WebSocket): void {
    this.accepted += 1;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }

  get size(): number {
    return this.sockets.size;
  }

  /** The connected sockets, as they are now. */
  clients(): WebSocket[] {
    return [...this.sockets];
  }

  countPing(): void {
    this.pings += 1;
  }

  setSilent(on: boolean): void {
    this.silent = on;
  }

  isSilent(): boolean {
    return this.silent;
  }

  send(socket: WebSocket, frame: ServerFrame): void {
    this.deliver([socket], JSON.stringify(frame), frame.type, frame);
  }

  /** Serialises once: a current_status for 100,000 users is 12 MB, and every client gets the same text. */
  broadcast(frame: ServerFrame): number {
    return this.deliver(this.sockets, JSON.stringify(frame), frame.type, frame);
  }

  /** Sends `data` verbatim to every client, counted under `label`; `frame` tells the hooks what it means. */
  broadcastRaw(data: FrameData, label = 'raw', frame?: unknown): number {
    return this.deliver(this.sockets, data, label, frame);
  }

  /** Destroys every socket without a close frame, as a crashed server or a cut cable would. */
  dropAll(): number {
    const count = this.sockets.size;
    for (const socket of this.sockets) socket.terminate();
    return count;
  }

  /** Closes every client with `code`; whoever has not answered the close handshake in time is cut off. */
  async closeAll(code: number, reason: string, graceMs: number): Promise<void> {
    const closing = [...this.sockets].map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          const timer = setTimeout(() => socket.terminate(), graceMs);
          socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          socket.close(code, reason);
        }),
    );
    await Promise.all(closing);
  }

  stats(): HubStats {
    return {
      clientsConnected: this.sockets.size,
      connectionsAccepted: this.accepted,
      pingsReceived: this.pings,
      messagesSent: Object.fromEntries(this.sent),
      framesSuppressed: this.suppressed,
      silent: this.silent,
    };
  }

  private deliver(sockets: Iterable<WebSocket>, data: FrameData, label: string, frame: unknown): number {
    this.hooks.onFrame?.(label);
    let delivered = 0;
    for (const socket of sockets) {
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (this.silent) {
        this.suppressed += 1;
        continue;
      }
      this.transmit(socket, data, label, frame);
      delivered += 1;
    }
    if (delivered > 0) this.sent.set(label, (this.sent.get(label) ?? 0) + delivered);
    return delivered;
  }
}
