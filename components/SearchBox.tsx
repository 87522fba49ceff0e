import { useEffect, useRef } from 'preact/hooks';
import { isSearchShortcut, SEARCH_SHORTCUT } from '../utils/ui/search-shortcut';
import { Button } from './Button';
import { Icon } from './Icon';
import { useI18n } from './i18n-context';
import './SearchBox.css';

export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** The page's one search: "/" pressed anywhere outside a field focuses it (isSearchShortcut). */
  focusShortcut?: boolean;
}

/** The worker caps search text at 200 characters (expiredQuerySchema), so the box does too. */
const MAX_LENGTH = 200;

/** The expired list's search box, worded the same on every page. */
export const SearchBox = ({ value, onChange, focusShortcut = false }: SearchBoxProps) => {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!focusShortcut) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (!input.current || !isSearchShortcut(event, target)) return;
      // Not typed into the box it opens; what is already searched is selected, so typing replaces it.
      event.preventDefault();
      input.current.focus();
      input.current.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [focusShortcut]);

  // Escape first empties the box, then leaves it. Handled, it keeps the popup open (Chrome closes a popup on
  // an Escape the page leaves alone), which the second Escape, on an empty box, then does as usual.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.isComposing) return;
    if (value !== '') {
      event.preventDefault();
      onChange('');
    } else {
      input.current?.blur();
    }
  };

  return (
    <div class="search">
      <Icon name="search" />
      <input
        ref={input}
        class="search__input"
        type="search"
        value={value}
        maxLength={MAX_LENGTH}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchLabel')}
        aria-keyshortcuts={focusShortcut ? SEARCH_SHORTCUT : undefined}
        title={focusShortcut ? t('a11ySearchShortcutHint') : undefined}
        autoComplete="off"
        spellcheck={false}
        onInput={(event) => onChange(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {value !== '' && (
        <Button
          variant="ghost"
          size="small"
          icon="close"
          iconOnly
          label={t('clearSearch')}
          onClick={() => onChange('')}
        />
      )}
    </div>
  );
};
