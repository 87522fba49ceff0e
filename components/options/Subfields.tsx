import type { ComponentChildren } from 'preact';
import './Subfields.css';

export interface SubfieldsProps {
  children: ComponentChildren;
}

/** The settings that refine the switch above them (the voice under "read aloud"), kept together as one. */
export const Subfields = ({ children }: SubfieldsProps) => <div class="subfields">{children}</div>;
