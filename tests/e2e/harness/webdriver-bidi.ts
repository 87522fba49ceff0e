import WebSocket from 'ws';

/**
 * A minimal WebDriver BiDi client over `ws`. geckodriver cannot be had here and Playwright drives only its
 * own Firefox build, so the tests speak the protocol Firefox itself serves.
 */

interface BidiSuccess {
  type: 'success';
  id: number;
  result: unknown;
}
interface BidiError {
  type: 'error';
  id: number | null;
  error: string;
  message: string;
}
type BidiMessage = BidiSuccess | BidiError | { type: 'event'; method: string; params: unknown };

interface Pending {
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface BidiConnection {
  send<T>(method: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  close(): void;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 15_000;

const open = (url: string, timeoutMs: number) =>
  new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`WebDriver BiDi: no connection to ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`WebDriver BiDi: cannot connect to ${url}: ${error.message}`));
    });
  });

/** Every reply is matched to its command by id; anything unanswered fails on its own timer or on close. */
const settle = (pending: Map<number, Pending>, message: BidiMessage) => {
  if (message.type === 'event' || message.id === null) return;
  const waiter = pending.get(message.id);
  if (!waiter) return;
  pending.delete(message.id);
  clearTimeout(waiter.timer);
  if (message.type === 'success') waiter.resolve(message.result);
  else waiter.reject(new Error(`WebDriver BiDi ${waiter.method} failed: ${message.error}: ${message.message}`));
};

export const connectBidi = async (url: string, timeoutMs = 10_000): Promise<BidiConnection> => {
  const socket = await open(url, timeoutMs);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  socket.on('message', (data) => settle(pending, JSON.parse(String(data)) as BidiMessage));
  socket.on('close', () => {
    for (const waiter of pending.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`WebDriver BiDi ${waiter.method}: connection closed before the reply`));
    }
    pending.clear();
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}, timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        if (socket.readyState !== WebSocket.OPEN)
          return reject(new Error(`WebDriver BiDi ${method}: connection is not open`));
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`WebDriver BiDi ${method}: no reply within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { method, resolve: (result) => resolve(result as T), reject, timer });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => socket.close(),
  };
};
