import type { SelectHTMLAttributes } from 'preact';
import './field-box.css';
import './Select.css';

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement>;

/** A native drop-down drawn like the other fields: keyboard, screen readers and pickers stay the browser's. */
export const Select = ({ class: className, ...rest }: SelectProps) => (
  <select class={['field-box', 'select', className].filter(Boolean).join(' ')} {...rest} />
);
