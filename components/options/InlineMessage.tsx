import type { ComponentChildren } from 'preact';
import './InlineMessage.css';

export interface InlineMessageProps {
  /** `neutral` is for a live region that waits, empty, for its first words. */
  tone: 'neutral' | 'ok' | 'warning' | 'error';
  id?: string;
  /** `alert` for an error the user just caused; `status` for a result that arrives later. */
  role?: 'alert' | 'status';
  /** The message; nothing leaves the box empty and flat. */
  children?: ComponentChildren;
  /** Technical detail under the message, in smaller type. */
  detail?: string;
}

/** A message under a control: an error, a warning, the outcome of a test. */
export const InlineMessage = ({ tone, id, role, children, detail }: InlineMessageProps) => (
  <p class={`inline-message inline-message--${tone}`} id={id} role={role}>
    {children !== undefined && <span class="inline-message__main">{children}</span>}
    {detail && <span class="inline-message__detail">{detail}</span>}
  </p>
);
