import { storage } from 'wxt/utils/storage';
import type { ListSlot, MonitorView } from '../utils/monitor';

/**
 * Settings as stored; always read them through readSettings(), which validates and repairs them.
 * Sync storage follows the user to their other browsers.
 */
export const settingsItem = storage.defineItem<unknown>('sync:settings', { fallback: {} });

/** What the worker knows besides the expired list: totals, the current round, history, latency. */
export const monitorSummaryItem = storage.defineItem<unknown>('local:monitorSummary', { fallback: null });

/**
 * The expired users, which are also the memory of what was announced, as JSON strings of up to
 * LIST_PART_USERS users each (a string stores about three times faster than the same data as objects).
 * Written part by part to the spare slot, then committed by the manifest; rewritten at most every 30 s: in
 * between, users announced since the last rewrite are kept in the small item below.
 */
export const expiredListManifestItem = storage.defineItem<unknown>('local:expiredListManifest', { fallback: null });

/** One part of the expired list in one of the two slots (see StoredListManifest). */
export const expiredListPartKey = (slot: ListSlot, index: number) => `local:expiredList:${slot}:${index}` as const;

/** The expired list as an older version stored it: one string under one key, read once and then removed. */
export const legacyExpiredUsersItem = storage.defineItem<string | null>('local:expiredUsers', { fallback: null });

/**
 * Users announced since the expired list was last rewritten, as a JSON string (an older version stored the
 * array itself); stored with the state whenever they changed.
 */
export const expiredAddedItem = storage.defineItem<unknown>('local:expiredAdded', { fallback: [] });

/**
 * The latest alert and how far it went out; stored ahead of showing it, so a stopped worker neither loses it
 * nor shows it twice. Read through alertBurstSchema (an older version stored a bare batch here).
 */
export const pendingAlertItem = storage.defineItem<unknown>('local:pendingAlert', { fallback: null });

/** The live summary for pages; session storage is memory-backed and cleared with the browser. */
export const monitorViewItem = storage.defineItem<MonitorView | null>('session:monitorView', { fallback: null });

/** The last alerts that went out, newest first: what was announced, shown and spoken, and when. */
export const alertJournalItem = storage.defineItem<unknown>('local:alertJournal', { fallback: [] });
