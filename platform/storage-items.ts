import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { ListSlot, MonitorView } from '../utils/monitor';
import { FIRST_SERVER_ID } from '../utils/settings/server-entry';

/**
 * Settings as stored; always read them through readSettings(), which validates and repairs them.
 * Sync storage follows the user to their other browsers.
 */
export const settingsItem = storage.defineItem<unknown>('sync:settings', { fallback: {} });

/**
 * One server's stored data: what the worker knows besides the expired list (totals, the current round,
 * history, latency), and the expired users, which are also the memory of what was announced. The list is
 * stored as JSON strings of up to LIST_PART_USERS users each (a string stores about three times faster than
 * the same data as objects), written part by part to the spare slot, then committed by the manifest;
 * rewritten at most every 30 s: in between, users announced since the last rewrite are kept in `added`, a
 * JSON string stored with the state whenever it changed.
 */
export interface ServerStore {
  summary: WxtStorageItem<unknown, Record<string, unknown>>;
  manifest: WxtStorageItem<unknown, Record<string, unknown>>;
  added: WxtStorageItem<unknown, Record<string, unknown>>;
  /** One part of the expired list in one of the two slots (see StoredListManifest). */
  partKey(slot: ListSlot, index: number): `local:${string}`;
  /** The first server's: it also owns the list as a version before the parts stored it (legacyExpiredUsersItem). */
  ownsLegacyList: boolean;
}

const stores = new Map<string, ServerStore>();

/**
 * Where a server's data lives. The first server keeps the keys an older version used for its one server,
 * so an update finds its list, its announce memory and its history where they were.
 */
export const serverStore = (serverId: string): ServerStore => {
  const known = stores.get(serverId);
  if (known) return known;
  const first = serverId === FIRST_SERVER_ID;
  const prefix = first ? '' : `server:${serverId}:`;
  const store: ServerStore = {
    summary: storage.defineItem<unknown>(`local:${prefix}monitorSummary`, { fallback: null }),
    manifest: storage.defineItem<unknown>(`local:${prefix}expiredListManifest`, { fallback: null }),
    added: storage.defineItem<unknown>(`local:${prefix}expiredAdded`, { fallback: [] }),
    partKey: (slot, index) => `local:${prefix}expiredList:${slot}:${index}`,
    ownsLegacyList: first,
  };
  stores.set(serverId, store);
  return store;
};

/**
 * The servers that have data stored, so a server removed while the worker was not running is still
 * forgotten when it next starts.
 */
export const storedServersItem = storage.defineItem<unknown>('local:storedServers', { fallback: [] });

/** The expired list as an older version stored it: one string under one key, read once and then removed. */
export const legacyExpiredUsersItem = storage.defineItem<string | null>('local:expiredUsers', { fallback: null });

/**
 * The latest alert and how far it went out; stored ahead of showing it, so a stopped worker neither loses it
 * nor shows it twice. Read through alertBurstSchema (an older version stored a bare batch here).
 */
export const pendingAlertItem = storage.defineItem<unknown>('local:pendingAlert', { fallback: null });

/** The live summary for pages; session storage is memory-backed and cleared with the browser. */
export const monitorViewItem = storage.defineItem<MonitorView | null>('session:monitorView', { fallback: null });

/** The last alerts that went out, newest first: what was announced, shown and spoken, and when. */
export const alertJournalItem = storage.defineItem<unknown>('local:alertJournal', { fallback: [] });
