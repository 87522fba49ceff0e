import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMonitorService } from '../../entrypoints/background/monitor-service';
import { COALESCE_WINDOW_MS, type JournalEntry, type NotificationText } from '../../utils/alerts';
import type { BadgeAppearance } from '../../utils/badge/badge-appearance';
import type { ExpiredUser, ServerMessage } from '../../utils/protocol';
import { currentStatus } from '../fixtures/messages';
import { type FakeSocket, fakeEnvironment } from './fake-socket';

/** The notification centre outlives the worker: what was shown, under which id, in order. */
let screen = new Map<string, NotificationText>();
let shows: { id: string; title: string }[] = [];

/** A browser restart, or a new test: the notification centre starts empty. */
export const resetNotificationCentre = () => {
  screen = new Map();
  shows = [];
};

/** Every notification shown so far (in order) and what the notification centre holds now. */
export const notificationCentre = () => ({ shows, screen });

/** A background worker as Chrome runs it: its own sockets and timers, storage shared with the next one. */
export const startWorker = async ({ stops }: { stops?: 'before showing' | 'before marking shown' } = {}) => {
  const fake = fakeEnvironment();
  const spoken: string[] = [];
  const badges: BadgeAppearance[] = [];
  const logs: string[] = [];
  const service = createMonitorService({
    env: fake.env,
    output: {
      show: async (id, text) => {
        // A worker stopped at that instant: the call never happens, or never returns.
        if (stops === 'before showing') return new Promise(() => {});
        screen.set(id, text);
        shows.push({ id, title: text.title });
        if (stops === 'before marking shown') return new Promise(() => {});
      },
      isShowing: async (id) => screen.has(id),
      speak: async (text, _speech, _locale, listen) => {
        spoken.push(text);
        listen('start');
        listen('end');
      },
    },
    renderBadge: async (appearance) => {
      badges.push(appearance);
    },
    browserLanguage: 'zh-CN',
    log: (line) => logs.push(line),
  });
  await service.ready;
  const startedAt = shows.length;
  /** The server side of a socket: the newest one, or the newest to this address. */
  const serverSide = (socket: () => FakeSocket) => {
    const side = {
      send: (message: ServerMessage) => socket().receive(JSON.stringify(message)),
      sendRaw: (text: string) => socket().receive(text),
      /** What the real server does on every connection: welcome, then the whole current status. */
      accept: (expired: ExpiredUser[]) => {
        socket().open();
        side.send({ type: 'welcome', message: 'WebSocket连接成功' });
        side.send(currentStatus(expired));
      },
    };
    return side;
  };
  const server = serverSide(fake.latest);
  /** The server at this address, for a worker watching several. */
  const serverAt = (url: string) =>
    serverSide(() => {
      const socket = fake.sockets.findLast((candidate) => candidate.url === url);
      if (!socket) throw new Error(`no socket to ${url}`);
      return socket;
    });
  /** The titles of the notifications this worker showed, one per notification id, as they read last. */
  const alerts = () => {
    const mine = shows.slice(startedAt);
    return [...new Set(mine.map((show) => show.id))].map((id) => mine.findLast((show) => show.id === id)?.title);
  };
  const announced = async () => {
    const journal = (await fakeBrowser.storage.local.get('alertJournal')).alertJournal as JournalEntry[];
    return journal.flatMap((entry) => entry.users.map((named) => named.user_id));
  };
  return { ...fake, service, server, serverAt, alerts, spoken, badges, logs, announced };
};

/** Chrome stops the worker: nothing of it runs again, only storage remains; the next starts a while later. */
export const killWorker = () => {
  // Clearing the fake timers also winds their clock back to where the test began; time goes on instead.
  const stoppedAt = Date.now();
  vi.clearAllTimers();
  vi.setSystemTime(stoppedAt + 10_000);
};

export const settle = () => vi.advanceTimersByTimeAsync(COALESCE_WINDOW_MS + 1000);

/**
 * Every test of a file starts on empty storage and an empty notification centre, with the worker's clocks
 * under the test's control.
 */
export const useFreshBrowser = () => {
  beforeEach(() => {
    fakeBrowser.reset();
    resetNotificationCentre();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
};
