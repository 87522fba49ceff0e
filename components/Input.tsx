import type { InputHTMLAttributes } from 'preact';
import './field-box.css';
import './Input.css';

export type InputProps = InputHTMLAttributes<HTMLInputElement> & {
  /** Monospaced, for what is read character by character (a server address). */
  mono?: boolean;
};

/** A text-like field (text, time…) drawn like the other fields. */
export const Input = ({ class: className, mono = false, ...rest }: InputProps) => (
  <input class={['field-box', 'input', mono && 'input--mono', className].filter(Boolean).join(' ')} {...rest} />
);
