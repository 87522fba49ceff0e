import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';
import './Button.css';

/** `danger` does the irreversible thing; `danger-outline` leads to it (and asks first). */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'danger-outline';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'icon' | 'type'> {
  variant?: ButtonVariant;
  /** `submit` sends the form the button is in (Enter in its fields does too); otherwise a button does nothing by itself. */
  type?: 'button' | 'submit';
  size?: 'small' | 'normal';
  icon?: IconName;
  /** Shows only the icon; `label` then becomes the accessible name and the tooltip. */
  iconOnly?: boolean;
  label?: string;
  children?: ComponentChildren;
}

/** Every clickable thing is a real button: focusable, Enter and Space work, screen readers say "button". */
export const Button = ({
  variant = 'secondary',
  type = 'button',
  size = 'normal',
  icon,
  iconOnly = false,
  label,
  children,
  class: className,
  ...rest
}: ButtonProps) => (
  <button
    type={type}
    class={['button', `button--${variant}`, `button--${size}`, iconOnly && 'button--icon-only', className]
      .filter(Boolean)
      .join(' ')}
    aria-label={iconOnly ? label : undefined}
    title={iconOnly ? label : undefined}
    {...rest}
  >
    {icon && <Icon name={icon} />}
    {iconOnly ? null : (children ?? label) && <span class="button__label">{children ?? label}</span>}
  </button>
);
