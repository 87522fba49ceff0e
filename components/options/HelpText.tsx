import type { ComponentChildren } from 'preact';
import './HelpText.css';

export interface HelpTextProps {
  /** For the control it explains to point to (aria-describedby). */
  id?: string;
  children: ComponentChildren;
}

/**
 * A line that explains a setting, in smaller, muted type. A span, so it may sit inside a label (a switch's
 * row is one); it is laid out as a block.
 */
export const HelpText = ({ id, children }: HelpTextProps) => (
  <span class="help-text" id={id}>
    {children}
  </span>
);
