import type { ComponentChildren } from 'preact';
import { HelpText } from './HelpText';
import './SettingRow.css';

export interface SettingRowProps {
  label: string;
  help?: string;
  /** The id of the control on the right: the label then names it. */
  controlId?: string;
  /** The id the help text gets, for the control's aria-describedby. */
  helpId?: string;
  /**
   * The whole row is the label of the control (`controlId`) inside it: a click anywhere on it works the
   * control, and its text, help included, names it. For a switch.
   */
  rowIsLabel?: boolean;
  /** The control, on the right. */
  children: ComponentChildren;
}

/** A setting on one line: what it is on the left, its control on the right. */
export const SettingRow = ({ label, help, controlId, helpId, rowIsLabel = false, children }: SettingRowProps) => {
  const text = (
    <span class="setting-row__text">
      {/* A label inside a label is invalid: in a row that is one, the name is plain text. */}
      {controlId && !rowIsLabel ? (
        <label class="setting-row__label" for={controlId}>
          {label}
        </label>
      ) : (
        <span class="setting-row__label">{label}</span>
      )}
      {help && <HelpText id={helpId}>{help}</HelpText>}
    </span>
  );
  return rowIsLabel ? (
    <label class="setting-row setting-row--label" for={controlId}>
      {text}
      {children}
    </label>
  ) : (
    <div class="setting-row">
      {text}
      {children}
    </div>
  );
};
