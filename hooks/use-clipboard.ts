import { useCallback } from 'preact/hooks';
import type { Translate } from '../utils/i18n';

export interface Clipboard {
  /** Copies `text`, then shows `done`, or that copying failed. */
  copy: (text: string, done: string) => Promise<void>;
  copyPhone: (phone: string) => Promise<void>;
}

/** Copying with its confirmation in the page's toast (`flash`, from useFlashMessage). */
export const useClipboard = (flash: (message: string) => void, t: Translate): Clipboard => {
  const copy = useCallback(
    (text: string, done: string) =>
      navigator.clipboard.writeText(text).then(
        () => flash(done),
        () => flash(t('copyFailed')),
      ),
    [flash, t],
  );
  // Stable, so the list's rows, which receive it, are not all redrawn on every render of the page.
  const copyPhone = useCallback((phone: string) => copy(phone, t('copiedOne')), [copy, t]);
  return { copy, copyPhone };
};
