import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActionState } from '../../utils/ui/action-state';
import { ActionRow } from '../ActionRow';
import { Button } from '../Button';
import { useI18n } from '../i18n-context';
import { ActionMessage } from './ActionMessage';
import './DangerConfirm.css';
import './ClearDataControl.css';

export interface ClearDataControlProps {
  state: ActionState;
  /** Called only after the user has confirmed. */
  onClear: () => void;
}

/** Deleting cannot be undone, so it takes a second, explicit click; the question stays inside the page. */
export const ClearDataControl = ({ state, onClear }: ClearDataControlProps) => {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Keyboard users land on the safe choice when asked, and back on the button when the question goes away.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (confirming) {
    return (
      // A fieldset whose legend is the question: screen readers announce it on entering the buttons.
      <fieldset
        class="danger-confirm clear-data__confirm"
        onKeyDown={(event) => event.key === 'Escape' && setConfirming(false)}
      >
        <legend class="danger-confirm__question">{t('optClearQuestion')}</legend>
        <ActionRow>
          <Button
            variant="danger"
            onClick={() => {
              setConfirming(false);
              onClear();
            }}
          >
            {t('optClearConfirm')}
          </Button>
          <Button ref={cancelRef} onClick={() => setConfirming(false)}>
            {t('optClearCancel')}
          </Button>
        </ActionRow>
      </fieldset>
    );
  }

  return (
    <ActionRow>
      <Button
        variant="danger-outline"
        ref={startRef}
        disabled={state.phase === 'running'}
        onClick={() => setConfirming(true)}
      >
        {state.phase === 'running' ? t('optClearRunning') : t('optClearButton')}
      </Button>
      <ActionMessage state={state} done={t('optClearDone')} failed={(reason) => t('optClearFailed', { reason })} />
    </ActionRow>
  );
};
