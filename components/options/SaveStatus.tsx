import type { ActionState } from '../../utils/ui/action-state';
import { useI18n } from '../i18n-context';
import './SaveStatus.css';

export interface SaveStatusProps {
  state: ActionState;
}

/** A quiet "Saved" after each change (settings apply at once, so there is no Save button to press). */
export const SaveStatus = ({ state }: SaveStatusProps) => {
  const { t } = useI18n();
  return (
    <p class={`save-status save-status--${state.phase}`} role="status">
      {state.phase === 'done' && t('optSaved')}
      {state.phase === 'failed' && t('optSaveFailed', { reason: state.reason })}
    </p>
  );
};
