import { Fragment } from 'preact';
import { useI18n } from '../i18n-context';
import './ShortcutKeys.css';

export interface ShortcutKeysProps {
  /** As the browser writes them: "Alt+Shift+D" (a plus between keys), "⌥⇧D" on a Mac; empty when unset. */
  keys: string;
}

// Split at each plus that joins two keys; a plus that is itself the last key ("Ctrl++") stays a key.
const KEY_JOINER = /\+(?!$)/;

/** The keys of one shortcut, each as a keycap; "not set" in words when the user has none. */
export const ShortcutKeys = ({ keys }: ShortcutKeysProps) => {
  const { t } = useI18n();
  if (keys === '') return <span class="shortcut-keys shortcut-keys--unset">{t('shortcutsNotSet')}</span>;
  // Nested kbd elements are HTML's way of writing a key combination.
  return (
    <kbd class="shortcut-keys">
      {keys.split(KEY_JOINER).map((key, index) => (
        <Fragment key={`${index}-${key}`}>
          {index > 0 && <span aria-hidden="true">+</span>}
          <kbd class="shortcut-keys__key">{key}</kbd>
        </Fragment>
      ))}
    </kbd>
  );
};
