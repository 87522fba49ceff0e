import { csvDocument } from '../format/csv';
import type { JournalEntry } from './alert-journal';
import { maskPhone } from './mask-phone';

/**
 * The alert history as CSV, one line per user an alert named (an alert that named nobody — a reminder —
 * has one line of its own): when, what kind, how many, shown or silent, how the speech went, and who.
 * Phones masked as the operator's settings say.
 */
export const historyCsv = (history: readonly JournalEntry[], { maskPhones }: { maskPhones: boolean }) => {
  const rows = function* () {
    yield ['time', 'kind', 'count', 'shown', 'silent', 'speech', 'user_id', 'phone', 'expired_time'];
    for (const entry of history) {
      const alert = [
        new Date(entry.at).toISOString(),
        entry.kind,
        String(entry.count),
        String(entry.notified),
        String(entry.silent),
        entry.speech,
      ];
      if (entry.users.length === 0) yield [...alert, '', '', ''];
      for (const user of entry.users) {
        yield [...alert, user.user_id, maskPhones ? maskPhone(user.phone) : user.phone, user.expired_time];
      }
    }
  };
  return csvDocument(rows());
};
