import type { ComponentChildren } from 'preact';
import './ActionRow.css';

export interface ActionRowProps {
  /** Buttons, and the live message that reports on them. */
  children: ComponentChildren;
}

/** Buttons side by side, wrapping onto a second line when the row is narrow. */
export const ActionRow = ({ children }: ActionRowProps) => <div class="action-row">{children}</div>;
