import type { ServerStore } from '../../platform/storage-items';
import type { AlertBurst, JournalEntry } from '../../utils/alerts';
import { type MonitorState, type StoredListManifest, spareSlot } from '../../utils/monitor';
import type { ExpiredUser } from '../../utils/protocol';
import { commitExpiredList, dropReplacedList, writeListParts } from './state-store';

export interface ListRewriterDeps {
  store: ServerStore;
  state(): MonitorState;
  outbox(): AlertBurst | null;
  /** Runs a state write, handing it the history when storage lacks some of it (Journal.carriedBy). */
  carriedBy(write: (history: JournalEntry[] | undefined) => Promise<unknown>): Promise<unknown>;
  log(line: string): void;
}

type Users = Map<string, ExpiredUser>;

/**
 * The expired list in storage, and the users announced since it was committed (`added`, stored beside it
 * by the small writes whenever it changed). A rewrite takes the list as it is (an immutable map: taking it
 * copies nothing), writes it part by part to the spare slot, then commits it with one small write. Until that commit storage
 * keeps all of `added` beside the list; from it on, only what was announced after the snapshot. A worker
 * stopped at any instant leaves a committed list and, beside it, every user that list lacks.
 */
export const createListRewriter = (deps: ListRewriterDeps) => {
  let committed: StoredListManifest | null = null;
  let added: Users = new Map();
  /** Whether storage holds `added` as it is (as far as the writes made so far go). */
  let addedStored = false;
  /** Announced since the running rewrite took its snapshot; null while none runs. */
  let sinceSnapshot: Users | null = null;
  let running = false;
  let again = false;
  /** Bumped by forget(): a rewrite begun before it never commits. */
  let epoch = 0;

  const commit = async (manifest: StoredListManifest, since: Users, isCurrent: () => boolean) => {
    const replaced = committed;
    const before = added;
    const server = { store: deps.store, state: deps.state(), added: [...since.values()] };
    const write = deps.carriedBy((history) => commitExpiredList(server, deps.outbox(), manifest, history));
    // Storage keeps writes in the order they were made: every small write after this one lands after it.
    committed = manifest;
    added = since;
    addedStored = true;
    sinceSnapshot = null;
    try {
      await write;
    } catch (error) {
      // The stored list is still the replaced one: everything it lacks goes beside it again.
      if (isCurrent()) {
        committed = replaced;
        added = new Map([...before, ...added]);
        addedStored = false;
      }
      throw error;
    }
    await dropReplacedList(deps.store, replaced);
  };

  const rewrite = async () => {
    const started = epoch;
    const isCurrent = () => epoch === started;
    const users = [...deps.state().expired.values()];
    const since: Users = new Map();
    sinceSnapshot = since;
    try {
      const slot = spareSlot(committed);
      const parts = await writeListParts(deps.store, users, slot, isCurrent);
      if (parts === null || !isCurrent()) return;
      await commit({ slot, parts }, since, isCurrent);
    } finally {
      if (sinceSnapshot === since) sinceSnapshot = null;
    }
  };

  const request = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void rewrite()
      .catch((error) => deps.log(`[storage] could not store the expired list: ${String(error)}`))
      .finally(() => {
        running = false;
        if (!again) return;
        again = false;
        request();
      });
  };

  return {
    /** Where a previous worker left the list, and the users it had beside it. */
    restore(manifest: StoredListManifest | null, beside: readonly ExpiredUser[]) {
      committed = manifest;
      for (const user of beside) added.set(user.user_id, user);
    },
    /** A user just announced: beside the list until a rewrite that includes it commits. */
    add(user: ExpiredUser) {
      added.set(user.user_id, user);
      addedStored = false;
      sinceSnapshot?.set(user.user_id, user);
    },
    /**
     * What the next small write stores beside the list: undefined when storage holds it already (after a
     * first contact it is the whole snapshot until the list takes it, far too much to store every second).
     */
    addedToStore() {
      if (addedStored) return undefined;
      addedStored = true;
      return [...added.values()];
    },
    /** A small write that carried `added` was refused: the next one carries it again. */
    addedNotStored() {
      addedStored = false;
    },
    addedCount: () => added.size,
    /** Rewrites the list now, or right after the rewrite under way (which took an older snapshot). */
    request,
    /** Everything stored was cleared: a rewrite under way stops, and nothing is beside the list. */
    forget() {
      epoch += 1;
      added = new Map();
      addedStored = false;
      sinceSnapshot = null;
    },
  };
};

export type ListRewriter = ReturnType<typeof createListRewriter>;
