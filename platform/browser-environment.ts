import type { ConnectionEnvironment } from '../utils/connection/socket';

/** The real sockets and clock; the core takes them as a parameter and never reaches for these globals. */
export const browserEnvironment = (): ConnectionEnvironment => ({
  createSocket: (url) => new WebSocket(url),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
  now: () => Date.now(),
  random: () => Math.random(),
});
