import { Button } from './Button';
import { Icon } from './Icon';
import { useI18n } from './i18n-context';
import './SearchBox.css';

export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
}

/** The worker caps search text at 200 characters (expiredQuerySchema), so the box does too. */
const MAX_LENGTH = 200;

/** The expired list's search box, worded the same on every page. */
export const SearchBox = ({ value, onChange }: SearchBoxProps) => {
  const { t } = useI18n();
  return (
    <div class="search">
      <Icon name="search" />
      <input
        class="search__input"
        type="search"
        value={value}
        maxLength={MAX_LENGTH}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchLabel')}
        autoComplete="off"
        spellcheck={false}
        onInput={(event) => onChange(event.currentTarget.value)}
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
