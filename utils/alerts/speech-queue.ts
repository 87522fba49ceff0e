import { type AlertBatch, mergeBatches } from './alert-batch';

/**
 * Speaks a batch and settles when the utterance is over: ended, failed, or given up on. `alertId` names the
 * alert whose news it tells (the newest, when news of two alerts waited together).
 */
export type Utter = (batch: AlertBatch, followUp: boolean, alertId: string) => Promise<void>;

interface Utterance {
  batch: AlertBatch;
  followUp: boolean;
  alertId: string;
}

export interface SpeechQueue {
  /** Speaks now, or after the utterance in progress; news meanwhile merges into the one that waits. */
  say(utterance: Utterance): void;
  isIdle(): boolean;
}

/**
 * One utterance at a time and at most one waiting: an alert is never cut short by the next one, and a
 * burst of news is one follow-up sentence, not a queue that talks for minutes.
 */
export const createSpeechQueue = (utter: Utter, log: (line: string) => void = () => {}): SpeechQueue => {
  let speaking = false;
  let waiting: Utterance | null = null;

  const start = ({ batch, followUp, alertId }: Utterance) => {
    speaking = true;
    void utter(batch, followUp, alertId)
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
      waiting = waiting ? { ...utterance, batch: mergeBatches(waiting.batch, utterance.batch) } : utterance;
    },
    isIdle: () => !speaking && waiting === null,
  };
};
