import type { ActionState } from '../../utils/ui/action-state';
import './ActionMessage.css';

export interface ActionMessageProps {
  state: ActionState;
  /** Shown when the action has succeeded. */
  done: string;
  /** Shown when it failed; receives the reason. */
  failed: (reason: string) => string;
}

/** The result of a button's action, beside it; a live region, so it is read out when it changes. */
export const ActionMessage = ({ state, done, failed }: ActionMessageProps) => (
  <span class={`action-message action-message--${state.phase}`} role="status">
    {state.phase === 'done' && done}
    {state.phase === 'failed' && failed(state.reason)}
  </span>
);
