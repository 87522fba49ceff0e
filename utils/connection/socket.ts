import type { Timers } from '../timers';

/** The part of the WebSocket API the connection uses; tests pass a fake with the same shape. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

/** What the connection needs from its surroundings, injected so tests control sockets and time. */
export interface ConnectionEnvironment extends Timers {
  createSocket(url: string): SocketLike;
  now(): number;
  random(): number;
}

// Codes a client may send (RFC 6455 §7.4.1); 1000 tells the server this was a normal goodbye.
export const NORMAL_CLOSURE = 1000;
