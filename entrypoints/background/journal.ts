import { addJournalEntry, type JournalEntry, updateJournalEntry } from '../../utils/alerts';
import { alertJournalItem } from '../../utils/storage-items';

// Speech events arrive while an entry is still being written: one write at a time keeps every change.
let writing: Promise<unknown> = Promise.resolve();

const change = (edit: (journal: JournalEntry[]) => JournalEntry[]) => {
  writing = writing
    .then(async () => alertJournalItem.setValue(edit(await alertJournalItem.getValue())))
    .catch((error) => console.warn(`[token-monitor] [alert] journal not written: ${String(error)}`));
  return writing;
};

export const journalAlert = (entry: JournalEntry) => change((journal) => addJournalEntry(journal, entry));

export const journalSpeech = (id: string, speech: JournalEntry['speech'], voice?: string, speechError?: string) =>
  change((journal) =>
    updateJournalEntry(journal, id, { speech, ...(voice && { voice }), ...(speechError && { speechError }) }),
  );
