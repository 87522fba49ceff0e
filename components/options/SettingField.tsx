import type { ComponentChildren } from 'preact';
import './SettingField.css';

export interface SettingFieldProps {
  label: string;
  /** The id of the control the label names. */
  controlId: string;
  /** The control, with its help and messages, in reading order. */
  children: ComponentChildren;
}

/** A setting whose control needs the full width (an address, a voice): the label above, the rest under it. */
export const SettingField = ({ label, controlId, children }: SettingFieldProps) => (
  <div class="setting-field">
    <label class="setting-field__label" for={controlId}>
      {label}
    </label>
    {children}
  </div>
);
