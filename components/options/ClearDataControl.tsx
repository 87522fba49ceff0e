import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n';
import { ActionMessage } from './ActionMessage';
import type { ActionState } from './action-state';

export interface ClearDataControlProps {
  state: ActionState;
  t: Translate;
  /** Called only after the user has confirmed. */
  onClear: () => void;
}

/** Deleting cannot be undone, so it takes a second, explicit click; the question stays inside the page. */
export const ClearDataControl = ({ state, t, onClear }: ClearDataControlProps) => {
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
      <fieldset class="opt-confirm" onKeyDown={(event) => event.key === 'Escape' && setConfirming(false)}>
        <legend class="opt-confirm__question">{t('optClearQuestion')}</legend>
        <div class="opt-actions">
          <button
            type="button"
            class="opt-button opt-button--danger"
            onClick={() => {
              setConfirming(false);
              onClear();
            }}
          >
            {t('optClearConfirm')}
          </button>
          <button type="button" class="opt-button" ref={cancelRef} onClick={() => setConfirming(false)}>
            {t('optClearCancel')}
          </button>
        </div>
      </fieldset>
    );
  }

  return (
    <div class="opt-actions">
      <button
        type="button"
        class="opt-button opt-button--danger-outline"
        ref={startRef}
        disabled={state.phase === 'running'}
        onClick={() => setConfirming(true)}
      >
        {state.phase === 'running' ? t('optClearRunning') : t('optClearButton')}
      </button>
      <ActionMessage state={state} done={t('optClearDone')} failed={(reason) => t('optClearFailed', { reason })} />
    </div>
  );
};
