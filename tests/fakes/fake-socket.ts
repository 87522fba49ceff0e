import type { ConnectionEnvironment, SocketLike } from '../../utils/connection';

/** A WebSocket whose server side the test plays by hand. */
export class FakeSocket implements SocketLike {
  sent: string[] = [];
  closedWith: { code?: number; reason?: string } | null = null;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string) {
    this.sent.push(data);
  }

  close(code?: number, reason?: string) {
    this.closedWith = { code, reason };
  }

  open() {
    this.onopen?.(new Event('open'));
  }

  receive(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }

  /** The server (or the network) ends the connection. */
  drop(code = 1006, reason = '') {
    this.onerror?.(new Event('error'));
    this.onclose?.({ code, reason } as CloseEvent);
  }
}

/** Sockets and time under the test's control; use with vi.useFakeTimers(). */
export const fakeEnvironment = (random = () => 0.5) => {
  const sockets: FakeSocket[] = [];
  const env: ConnectionEnvironment = {
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle),
    now: () => Date.now(),
    random,
  };
  const latest = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket was created');
    return socket;
  };
  /** Sockets whose handlers are still attached: the connection's live socket, if any. */
  const live = () => sockets.filter((socket) => socket.onmessage !== null);
  return { env, sockets, latest, live };
};
