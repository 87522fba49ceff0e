import { describe, expect, it } from 'vitest';
import {
  type AlertBatch,
  type AlertBurst,
  COALESCE_WINDOW_MS,
  createAlertDispatcher,
  notificationText,
  speechText,
} from '../../../utils/alerts';
import { translatorFor } from '../../../utils/i18n';
import { defaultSettings, type Settings } from '../../../utils/settings';
import { announcement } from '../../fixtures/messages';

const zh = translatorFor('zh_CN');
/** Lets pending promise callbacks run, as the worker's event loop would between two frames. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A dispatcher over fakes that write down, in order, what reached storage, the screen and the speaker.
 * Utterances end only when the test says so, like real speech that takes a while.
 */
const harness = (
  options: {
    settings?: Partial<Settings>;
    screen?: Set<string>;
    failing?: 'store';
    /** The write ahead is handed to storage but lands only when the test says so. */
    slowStorage?: boolean;
    /** How many notification calls are refused before one succeeds. */
    refusals?: number;
    /** How many notification calls return without the notification reaching the notification centre. */
    vanishing?: number;
    recorded?: boolean;
  } = {},
) => {
  let refusals = options.refusals ?? 0;
  let vanishing = options.vanishing ?? 0;
  const journal: { id: string; notified: boolean }[] = [];
  let clock = 1_000_000;
  let ids = 0;
  const events: string[] = [];
  const stored: { ahead: (AlertBurst | null)[]; delivered: (AlertBurst | null)[] } = { ahead: [], delivered: [] };
  const screen = options.screen ?? new Set<string>();
  const utterances: { text: string; end: () => void }[] = [];
  const logs: string[] = [];
  const landings: (() => void)[] = [];
  const dispatcher = createAlertDispatcher({
    now: () => clock,
    newId: () => `alert-${ids++}`,
    settings: () => ({ ...defaultSettings, ...options.settings }),
    writeAhead: async () => {
      if (options.failing === 'store') throw new Error('QUOTA_BYTES quota exceeded');
      events.push('store ahead');
      stored.ahead.push(dispatcher.outbox());
      if (options.slowStorage) await new Promise<void>((landed) => landings.push(landed));
    },
    writeDelivered: async () => {
      events.push('store delivered');
      stored.delivered.push(dispatcher.outbox());
    },
    show: async (burst: AlertBurst, silent: boolean) => {
      if (refusals-- > 0) throw new Error('Unable to download all specified images.');
      if (vanishing-- > 0) return;
      screen.add(burst.id);
      events.push(`show ${burst.id} ${notificationText(burst.batch, zh, true).title}${silent ? ' (silent)' : ''}`);
    },
    isShowing: async (id) => screen.has(id),
    wait: async (ms) => {
      events.push(`wait ${ms}`);
    },
    speak: (batch: AlertBatch, followUp: boolean) =>
      new Promise<void>((resolve) => {
        const text = speechText(batch, zh, followUp);
        events.push(`speak ${text}`);
        utterances.push({ text, end: resolve });
      }),
    record: (burst, plan) => {
      const entry = journal.find((known) => known.id === burst.id);
      if (entry) entry.notified ||= plan.notify;
      else journal.push({ id: burst.id, notified: plan.notify });
    },
    isRecorded: () => options.recorded ?? false,
    recordSpoken: () => {},
    log: (line) => logs.push(line),
  });
  return {
    dispatcher,
    events,
    stored,
    screen,
    utterances,
    logs,
    journal,
    landings,
    advance: (ms: number) => {
      clock += ms;
    },
  };
};

describe('delivering alerts on the leading edge', () => {
  it('stores the alert ahead, shows it at once, then marks it delivered before any speech ends', async () => {
    const { dispatcher, events, stored } = harness();
    dispatcher.announce(announcement([1]));
    await dispatcher.idle();
    expect(events).toEqual([
      'store ahead',
      'show alert-0 1 个 Token 已过期',
      'speak 发现 1 个 Token 过期用户，尾号 0001',
      'store delivered',
    ]);
    expect(stored.ahead[0]).toMatchObject({ id: 'alert-0', shown: 0, spoken: 0, batch: { count: 1 } });
    expect(stored.delivered[0]).toMatchObject({ id: 'alert-0', shown: 1, spoken: 1 });
  });

  it('shows the alert as soon as its write is handed to storage, without waiting for it to land', async () => {
    const { dispatcher, events, landings } = harness({ slowStorage: true });
    dispatcher.announce(announcement([1]));
    await tick();
    expect(events).toEqual(['store ahead', 'show alert-0 1 个 Token 已过期']);
    // The delivery mark still comes after the write ahead: storage keeps them in that order.
    for (const land of landings) land();
    await dispatcher.idle();
    expect(events.at(-1)).toBe('store delivered');
  });

  it('grows the same notification with news inside the window, and opens a new one after it', async () => {
    const { dispatcher, events, advance } = harness();
    dispatcher.announce(announcement([1]));
    await dispatcher.idle();
    advance(COALESCE_WINDOW_MS - 1);
    dispatcher.announce(announcement([2, 3]));
    await dispatcher.idle();
    advance(1);
    dispatcher.announce(announcement([4]));
    await dispatcher.idle();
    expect(events.filter((event) => event.startsWith('show'))).toEqual([
      'show alert-0 1 个 Token 已过期',
      'show alert-0 3 个 Token 已过期',
      'show alert-1 1 个 Token 已过期',
    ]);
  });

  it('speaks what joined as one follow-up once the first utterance ends, cutting nothing short', async () => {
    const { dispatcher, utterances } = harness();
    dispatcher.announce(announcement([1]));
    await dispatcher.idle();
    dispatcher.announce(announcement([2]));
    await dispatcher.idle();
    dispatcher.announce(announcement([3, 4]));
    await dispatcher.idle();
    expect(utterances.map((utterance) => utterance.text)).toEqual(['发现 1 个 Token 过期用户，尾号 0001']);
    utterances[0]?.end();
    await tick();
    expect(utterances.map((utterance) => utterance.text)).toEqual([
      '发现 1 个 Token 过期用户，尾号 0001',
      '又有 3 个 Token 过期用户，尾号 0004、0003、0002',
    ]);
    utterances[1]?.end();
    await tick();
    expect(utterances).toHaveLength(2);
  });

  it('tells news that joined while the notification went out in the same first utterance', async () => {
    const { dispatcher, events, landings } = harness({ slowStorage: true });
    dispatcher.announce(announcement([1]));
    await tick();
    dispatcher.announce(announcement([2]));
    for (let round = 0; round < 5; round += 1) {
      for (const land of landings.splice(0)) land();
      await tick();
    }
    await dispatcher.idle();
    expect(events.filter((event) => event.startsWith('speak'))).toEqual([
      'speak 发现 2 个 Token 过期用户，尾号 0002、0001',
    ]);
    expect(events.filter((event) => event.startsWith('show'))).toEqual([
      'show alert-0 1 个 Token 已过期',
      'show alert-0 2 个 Token 已过期',
    ]);
  });

  it('shows a silent notification and says nothing while muted', async () => {
    const { dispatcher, events } = harness({ settings: { mutedUntil: Date.now() + 60_000 } });
    dispatcher.announce(announcement([1]));
    await dispatcher.idle();
    expect(events).toEqual(['store ahead', 'show alert-0 1 个 Token 已过期 (silent)', 'store delivered']);
  });

  it('drops a round reminder while an alert is open, and shows news after a reminder as a new alert', async () => {
    const { dispatcher, events, advance } = harness({ settings: { remindEveryRound: true } });
    dispatcher.announce(announcement([1]));
    dispatcher.remind(5);
    await dispatcher.idle();
    advance(COALESCE_WINDOW_MS);
    dispatcher.remind(5);
    await dispatcher.idle();
    dispatcher.announce(announcement([2]));
    await dispatcher.idle();
    expect(events.filter((event) => event.startsWith('show'))).toEqual([
      'show alert-0 1 个 Token 已过期',
      'show alert-1 仍有 5 个 Token 过期',
      'show alert-2 1 个 Token 已过期',
    ]);
  });

  it('still tells the user when storing ahead fails, and logs why', async () => {
    const { dispatcher, events, logs } = harness({ failing: 'store' });
    dispatcher.announce(announcement([1]));
    await dispatcher.idle();
    expect(events).toContain('show alert-0 1 个 Token 已过期');
    expect(logs).toEqual(['[alert] storing ahead failed: Error: QUOTA_BYTES quota exceeded']);
  });

  it('still speaks when notifications are refused, tries a few times more, then gives up', async () => {
    const { dispatcher, events, logs, journal, stored } = harness({ refusals: Number.POSITIVE_INFINITY });
    dispatcher.announce(announcement([1]));
    await dispatcher.idle();
    expect(events).toEqual([
      'store ahead',
      'speak 发现 1 个 Token 过期用户，尾号 0001',
      'store delivered',
      'wait 500',
      'store ahead',
      'store delivered',
      'wait 1000',
      'store ahead',
      'store delivered',
      'wait 2000',
      'store ahead',
      'store delivered',
    ]);
    expect(logs.at(-1)).toBe('[alert] gave up showing alert-0');
    expect(logs[0]).toBe('[alert] notification alert-0 failed: Error: Unable to download all specified images.');
    // The history never claims a notification that did not show; the outbox rests once retrying ends.
    expect(journal).toEqual([{ id: 'alert-0', notified: false }]);
    expect(stored.delivered.at(-1)?.shown).toBe(1);
  });

  it('counts an alert as shown only once a notification call returned, so a refused one is shown again', async () => {
    const { dispatcher, events, journal, stored } = harness({ refusals: 1 });
    dispatcher.announce(announcement([1]));
    await dispatcher.idle();
    expect(events).toEqual([
      'store ahead',
      'speak 发现 1 个 Token 过期用户，尾号 0001',
      'store delivered',
      'wait 500',
      'store ahead',
      'show alert-0 1 个 Token 已过期',
      'store delivered',
    ]);
    // Stored between the two calls: a worker stopped there leaves an alert still to show.
    expect(stored.delivered.map((burst) => burst?.shown)).toEqual([0, 1]);
    expect(journal).toEqual([{ id: 'alert-0', notified: true }]);
  });

  it('shows again a notification whose call returned but which the notification centre does not list', async () => {
    const { dispatcher, screen, stored, logs } = harness({ vanishing: 1 });
    dispatcher.announce(announcement([1]));
    await dispatcher.idle();
    expect(screen.has('alert-0')).toBe(true);
    expect(stored.delivered.map((burst) => burst?.shown)).toEqual([0, 1]);
    expect(logs[0]).toBe('[alert] notification alert-0 is not in the notification centre');
  });

  it('shows a refused alert from a stopped worker, and does not speak it again', async () => {
    const first = harness({ refusals: Number.POSITIVE_INFINITY });
    first.dispatcher.announce(announcement([1]));
    await first.dispatcher.idle();
    const refused = first.stored.delivered[0];
    if (!refused) throw new Error('nothing was stored after the refusal');
    const next = harness({ screen: new Set() });
    await next.dispatcher.restore({ ...refused });
    await next.dispatcher.idle();
    expect(next.events.filter((event) => !event.startsWith('store'))).toEqual(['show alert-0 1 个 Token 已过期']);
  });
});

describe('an alert left by a stopped worker', () => {
  const storedAhead = async () => {
    const first = harness();
    first.dispatcher.announce(announcement([7, 8]));
    await first.dispatcher.idle();
    const ahead = first.stored.ahead[0];
    if (!ahead) throw new Error('nothing was stored ahead');
    return ahead;
  };

  it('is shown and spoken once, under its own id, when it never reached the screen', async () => {
    const saved = await storedAhead();
    const next = harness();
    await next.dispatcher.restore(saved);
    await next.dispatcher.idle();
    expect(next.events).toEqual([
      'store ahead',
      'show alert-0 2 个 Token 已过期',
      'speak 发现 2 个 Token 过期用户，尾号 0008、0007',
      'store delivered',
    ]);
  });

  it('replaces the notification already on screen and is not spoken again', async () => {
    const saved = await storedAhead();
    const next = harness({ screen: new Set([saved.id]) });
    await next.dispatcher.restore(saved);
    await next.dispatcher.idle();
    expect(next.events).toEqual(['store ahead', 'show alert-0 2 个 Token 已过期', 'store delivered']);
    expect(next.screen.size).toBe(1);
  });

  it('speaks the follow-up that was still waiting for the first utterance to end, without showing it again', async () => {
    const first = harness();
    first.dispatcher.announce(announcement([1]));
    await first.dispatcher.idle();
    first.dispatcher.announce(announcement([2]));
    await first.dispatcher.idle();
    expect(first.utterances).toHaveLength(1);
    const next = harness({ screen: first.screen });
    await next.dispatcher.restore(first.stored.delivered.at(-1) ?? null);
    await next.dispatcher.idle();
    expect(next.events).toEqual([
      'store delivered',
      'store ahead',
      'speak 又有 1 个 Token 过期用户，尾号 0002',
      'store delivered',
    ]);
  });

  it('is neither shown nor spoken again once marked delivered, only written to the history again', async () => {
    const first = harness();
    first.dispatcher.announce(announcement([7]));
    await first.dispatcher.idle();
    const next = harness();
    await next.dispatcher.restore(first.stored.delivered[0] ?? null);
    await next.dispatcher.idle();
    expect(next.events).toEqual(['store delivered']);
  });

  it('costs a starting worker no write when the history already holds it', async () => {
    const first = harness();
    first.dispatcher.announce(announcement([7]));
    await first.dispatcher.idle();
    const next = harness({ recorded: true });
    await next.dispatcher.restore(first.stored.delivered[0] ?? null);
    await next.dispatcher.idle();
    expect(next.events).toEqual([]);
  });
});

describe('news that arrives while a round reminder is going out', () => {
  /** Lets every write ahead land, as often as the dispatcher makes one, until it is idle. */
  const settle = async (run: ReturnType<typeof harness>) => {
    for (let round = 0; round < 10; round += 1) {
      for (const land of run.landings.splice(0)) land();
      await tick();
    }
    await run.dispatcher.idle();
  };

  it('is shown, spoken and recorded as its own alert when the reminder was not wanted', async () => {
    const run = harness({ slowStorage: true });
    run.dispatcher.remind(91);
    await tick();
    run.dispatcher.announce(announcement([1, 2]));
    await settle(run);
    expect(run.events.filter((event) => !event.startsWith('store'))).toEqual([
      'show alert-1 2 个 Token 已过期',
      expect.stringMatching(/^speak /),
    ]);
    expect(run.journal).toEqual([{ id: 'alert-1', notified: true }]);
  });

  it('is shown as its own alert beside a reminder already on screen, and both are in the history', async () => {
    const run = harness({ slowStorage: true, settings: { remindEveryRound: true } });
    run.dispatcher.remind(91);
    await tick();
    run.dispatcher.announce(announcement([1, 2]));
    await settle(run);
    expect(run.events.filter((event) => event.startsWith('show'))).toEqual([
      'show alert-0 仍有 91 个 Token 过期',
      'show alert-1 2 个 Token 已过期',
    ]);
    expect(run.journal).toEqual([
      { id: 'alert-0', notified: true },
      { id: 'alert-1', notified: true },
    ]);
    expect(run.utterances.map((utterance) => utterance.text)).toEqual([expect.stringContaining('2')]);
  });
});

describe('a round reminder nobody asked for', () => {
  it('is neither shown, spoken nor written to the history, even by a worker that restores it', async () => {
    const first = harness();
    first.dispatcher.remind(3);
    await first.dispatcher.idle();
    expect(first.events).toEqual(['store ahead', 'store delivered']);
    const next = harness();
    await next.dispatcher.restore(first.stored.delivered.at(-1) ?? null);
    await next.dispatcher.idle();
    // No write at all: the history write only follows a record.
    expect(next.events).toEqual([]);
  });
});
