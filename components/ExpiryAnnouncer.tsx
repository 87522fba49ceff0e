import { useEffect, useRef, useState } from 'preact/hooks';
import { expiryAnnouncement } from '../utils/ui/expiry-announcement';
import { useI18n } from './i18n-context';

export interface ExpiryAnnouncerProps {
  /** The expired list's length (MonitorView.expiredCount); null until the worker has published a view. */
  expiredCount: number | null;
  /**
   * Growth within this many ms of the first is told as one sentence: a burst of expiries arrives as several
   * frames, and "3 new… 2 new… 1 new…" would talk over itself. Never postponed longer than this.
   */
  batchMs?: number;
}

interface Announcement {
  text: string;
  /** A new key for every sentence, so the same words twice are a new node and read again. */
  serial: number;
}

/**
 * Tells screen readers, politely, how many tokens have newly expired: only when the count grows, never on a
 * progress tick (the progress bar is not a live region). Invisible; sighted users have the list and badge.
 */
export const ExpiryAnnouncer = ({ expiredCount, batchMs = 1000 }: ExpiryAnnouncerProps) => {
  const i18n = useI18n();
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  // The count last told of (or first seen); the page's latest count and language, read when the batch ends.
  const told = useRef<number | null>(null);
  const latest = useRef({ expiredCount, i18n });
  latest.current = { expiredCount, i18n };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (expiredCount === null) return;
    // Renewals lower the mark, so the next expiry is counted from what is really listed.
    if (told.current === null || expiredCount < told.current) told.current = expiredCount;
    if (expiredCount === told.current || timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const { expiredCount: now, i18n: current } = latest.current;
      if (now === null) return;
      const text = expiryAnnouncement(told.current, now, current.locale, current.t);
      told.current = now;
      if (text) setAnnouncement((last) => ({ text, serial: (last?.serial ?? 0) + 1 }));
    }, batchMs);
  }, [expiredCount, batchMs]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  // Always in the page, empty at first: screen readers only announce changes to a region that already existed.
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement && <p key={announcement.serial}>{announcement.text}</p>}
    </div>
  );
};
