import type { Translate } from '../../utils/i18n';
import type { ActionState } from './action-state';

export interface SaveStatusProps {
  state: ActionState;
  t: Translate;
}

/** A quiet "Saved" after each change (settings apply at once, so there is no Save button to press). */
export const SaveStatus = ({ state, t }: SaveStatusProps) => (
  <p class={`opt-saved opt-saved--${state.phase}`} role="status">
    {state.phase === 'done' && t('optSaved')}
    {state.phase === 'failed' && t('optSaveFailed', { reason: state.reason })}
  </p>
);
