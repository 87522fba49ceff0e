import { type AlertBatch, mergeBatches } from './alert-batch';

/** What one utterance tells of one alert: how many of its users. */
export interface SpokenPart {
  alertId: string;
  count: number;
}

export interface Utterance {
  batch: AlertBatch;
  /** It tells what joined after something was already said ("又有 2 个…"). */
  followUp: boolean;
  /** The alerts whose news it tells; two when news of an older alert waited with a newer one's. */
  parts: SpokenPart[];
}

/** Hands an utterance to the speech engine and settles when it is over: ended, failed, or given up on. */
export type Utter = (utterance: Utterance) => Promise<void>;

export interface SpeechQueue {
  /** Speaks now, or after the utterance in progress; news meanwhile merges into the one that waits. */
  say(utterance: Utterance): void;
  isIdle(): boolean;
}

const merged = (waiting: Utterance, next: Utterance): Utterance => ({
  batch: mergeBatches(waiting.batch, next.batch),
  followUp: true,
  parts: [...waiting.parts, ...next.parts],
});

/**
 * One utterance at a time and at most one waiting: an alert is never cut short by the next one, and a
 * burst of news is one follow-up sentence, not a queue that talks for minutes.
 */
export const createSpeechQueue = (utter: Utter, log: (line: string) => void = () => {}): SpeechQueue => {
  let speaking = false;
  let waiting: Utterance | null = null;

  const start = (utterance: Utterance) => {
    speaking = true;
    void utter(utterance)
      .catch((error) => log(`[speech] ${String(error)}`))
      .finally(() => {
        speaking = false;
        const next = waiting;
        waiting = null;
        // What waited was news told after something else: always a follow-up.
        if (next) start({ ...next, followUp: true });
      });
  };

  return {
    say(utterance) {
      if (!speaking) return start(utterance);
      waiting = waiting ? merged(waiting, utterance) : utterance;
    },
    isIdle: () => !speaking && waiting === null,
  };
};
