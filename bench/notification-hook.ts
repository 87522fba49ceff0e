import type { Worker } from 'playwright-core';

// Every chrome.notifications.create call in the extension's worker, with the worker's wall clock at the
// call: the moment the extension hands an alert to the browser. Hooked inside the worker (rather than
// watching the notification centre from a page, as the soak does) so the figure carries no polling delay.

export interface CreateCall {
  /** performance.timeOrigin + performance.now() in the worker when create was called. */
  at: number;
  id: string;
  /** The options as JSON: title, message and items name the users. */
  text: string;
}

type NotificationsApi = { create: (...args: unknown[]) => unknown };
type HookGlobal = typeof globalThis & { benchCreateCalls?: CreateCall[]; browser?: { notifications?: unknown } };

// Runs in the worker. The extension calls `browser.notifications` (webextension-polyfill), which calls
// chrome's at call time; should `browser` be a namespace of its own, it is wrapped too. A call that goes
// through both is recorded once. No named inner functions: tsx wraps those in a helper the worker lacks.
const hookCreate = () => {
  const global = globalThis as HookGlobal;
  if (global.benchCreateCalls) return;
  const calls: CreateCall[] = [];
  global.benchCreateCalls = calls;
  let inside = false;
  const apis = new Set([chrome.notifications, global.browser?.notifications].filter(Boolean) as NotificationsApi[]);
  for (const api of apis) {
    const original = api.create;
    api.create = (...args: unknown[]) => {
      if (!inside) {
        const [id, options] = typeof args[0] === 'string' ? [args[0], args[1]] : ['', args[0]];
        calls.push({ at: performance.timeOrigin + performance.now(), id, text: JSON.stringify(options ?? null) });
      }
      inside = true;
      try {
        return original.apply(api, args);
      } finally {
        inside = false;
      }
    };
  }
};

const readCalls = () => [...((globalThis as HookGlobal).benchCreateCalls ?? [])];

export const hookNotifications = (worker: Worker) => worker.evaluate(hookCreate);

export const createCalls = (worker: Worker): Promise<CreateCall[]> => worker.evaluate(readCalls);
