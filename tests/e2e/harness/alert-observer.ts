import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';

/** One call the extension's worker made to show or speak an alert, as seen from outside the extension. */
export interface ObservedCall {
  kind: 'notify' | 'speak';
  /** Browser wall clock, epoch ms, taken as the call was made. */
  at: number;
  /** The notification id (notify). */
  id?: string;
  title?: string;
  message?: string;
  /** The sentence (speak). */
  text?: string;
}

/** Flag that asks Chromium for a DevTools port beside Playwright's pipe; the port is read from the profile. */
export const OBSERVER_ARGS = ['--remote-debugging-port=0'];

const BINDING = '__alertObserver';

/**
 * Runs in each new worker before its own script: wraps the two calls that reach the user, reporting each
 * through a DevTools binding (a channel to this process that the extension cannot see, write or delay).
 */
const INSTRUMENT = `(() => {
  if (globalThis.__alertObserverInstalled) return;
  globalThis.__alertObserverInstalled = true;
  const report = (call) => globalThis.${BINDING}(JSON.stringify({ ...call, at: Date.now() }));
  const notifications = chrome.notifications;
  const create = notifications.create.bind(notifications);
  notifications.create = (id, options, ...rest) => {
    if (typeof id === 'string') report({ kind: 'notify', id, title: options?.title, message: options?.message });
    return create(id, options, ...rest);
  };
  const update = notifications.update.bind(notifications);
  notifications.update = (id, options, ...rest) => {
    report({ kind: 'notify', id, title: options?.title, message: options?.message });
    return update(id, options, ...rest);
  };
  if (chrome.tts) {
    const speak = chrome.tts.speak.bind(chrome.tts);
    chrome.tts.speak = (text, ...rest) => {
      report({ kind: 'speak', text });
      return speak(text, ...rest);
    };
  }
})()`;

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

interface TargetInfo {
  type: string;
  url: string;
}

/**
 * Watches, over the browser's DevTools endpoint, every notification and utterance the extension's worker
 * makes: each new worker is held at its start (auto-attach, wait for debugger), instrumented, then let go,
 * so nothing a revived worker does escapes, and the observation cannot itself cause or hide a repeat.
 */
export const observeAlerts = async (profileDir: string, extensionId: string, calls: ObservedCall[]) => {
  const [port, path] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false, maxPayload: 256 << 20 });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (message: CdpMessage) => void>();
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<CdpMessage>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }));
    });
  const errors: string[] = [];
  /** Worker starts instrumented before their script ran, and workers found already running. */
  const workers = { fromStart: 0, late: 0 };

  const install = async (sessionId: string, what: string) => {
    await send('Runtime.addBinding', { name: BINDING }, sessionId);
    const result = await send('Runtime.evaluate', { expression: INSTRUMENT }, sessionId);
    const failure = result.error?.message ?? (result.result?.exceptionDetails as { text?: string })?.text;
    if (failure) errors.push(`instrumenting ${what}: ${failure}`);
  };

  const ourSessions = new Set<string>();
  /**
   * A worker Chrome stops and starts again keeps its DevTools session and runs at once: a breakpoint on the
   * first statement of every script holds each new start until it is instrumented.
   */
  const attach = async (sessionId: string, info: TargetInfo, waiting: boolean) => {
    const ours = info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${extensionId}/`);
    if (!ours) {
      if (waiting) await send('Runtime.runIfWaitingForDebugger', {}, sessionId);
      await send('Target.detachFromTarget', { sessionId });
      return;
    }
    ourSessions.add(sessionId);
    await send('Debugger.enable', {}, sessionId);
    await send('EventBreakpoints.setInstrumentationBreakpoint', { eventName: 'scriptFirstStatement' }, sessionId);
    // Already running: its calls from now on are seen (the polyfill looks chrome.* up at each call).
    if (waiting) workers.fromStart += 1;
    else workers.late += 1;
    await install(sessionId, info.url);
    if (waiting) await send('Runtime.runIfWaitingForDebugger', {}, sessionId);
  };

  const onPaused = async (sessionId: string) => {
    workers.fromStart += 1;
    await install(sessionId, 'a restarted worker');
    await send('Debugger.resume', {}, sessionId);
  };

  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as CdpMessage;
    if (message.id !== undefined) {
      pending.get(message.id)?.(message);
      pending.delete(message.id);
      return;
    }
    const params = message.params ?? {};
    if (message.method === 'Target.attachedToTarget') {
      const { sessionId, targetInfo, waitingForDebugger } = params as {
        sessionId: string;
        targetInfo: TargetInfo;
        waitingForDebugger: boolean;
      };
      void attach(sessionId, targetInfo, waitingForDebugger).catch((error) => errors.push(String(error)));
    }
    if (message.method === 'Debugger.paused' && message.sessionId && ourSessions.has(message.sessionId)) {
      void onPaused(message.sessionId).catch((error) => errors.push(String(error)));
    }
    if (message.method === 'Runtime.bindingCalled' && params.name === BINDING) {
      calls.push(JSON.parse(params.payload as string) as ObservedCall);
    }
  });

  await send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
    filter: [{ type: 'service_worker', exclude: false }, { exclude: true }],
  });

  return {
    /** Problems instrumenting a worker: a worker that ran uninstrumented makes the observation incomplete. */
    errors,
    workers,
    close: () => socket.close(),
  };
};
