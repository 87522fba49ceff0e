import { Button } from './Button';
import { Icon } from './Icon';
import './SearchBox.css';

export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder: string;
  clearLabel: string;
}

/** The worker caps search text at 200 characters (expiredQuerySchema), so the box does too. */
const MAX_LENGTH = 200;

export const SearchBox = ({ value, onChange, label, placeholder, clearLabel }: SearchBoxProps) => (
  <div class="search">
    <Icon name="search" />
    <input
      class="search__input"
      type="search"
      value={value}
      maxLength={MAX_LENGTH}
      placeholder={placeholder}
      aria-label={label}
      autoComplete="off"
      spellcheck={false}
      onInput={(event) => onChange(event.currentTarget.value)}
    />
    {value !== '' && (
      <Button variant="ghost" size="small" icon="close" iconOnly label={clearLabel} onClick={() => onChange('')} />
    )}
  </div>
);
