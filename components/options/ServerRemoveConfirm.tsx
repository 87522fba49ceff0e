import { useEffect, useRef } from 'preact/hooks';
import { ActionRow } from '../ActionRow';
import { Button } from '../Button';
import { useI18n } from '../i18n-context';
import './DangerConfirm.css';

export interface ServerRemoveConfirmProps {
  serverName: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The question before a server goes, asked inside the page; what the server knew goes with it. */
export const ServerRemoveConfirm = ({ serverName, onConfirm, onCancel }: ServerRemoveConfirmProps) => {
  const { t } = useI18n();
  const cancelRef = useRef<HTMLButtonElement>(null);

  // Keyboard users land on the safe choice.
  useEffect(() => cancelRef.current?.focus(), []);

  return (
    // A fieldset whose legend is the question: screen readers announce it on entering the buttons.
    <fieldset class="danger-confirm" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <legend class="danger-confirm__question">{t('optServerRemoveQuestion', { server: serverName })}</legend>
      <ActionRow>
        <Button
          variant="danger"
          aria-label={t('optServerControl', { control: t('optServerRemoveConfirm'), server: serverName })}
          onClick={onConfirm}
        >
          {t('optServerRemoveConfirm')}
        </Button>
        <Button
          ref={cancelRef}
          aria-label={t('optServerControl', { control: t('optServerRemoveCancel'), server: serverName })}
          onClick={onCancel}
        >
          {t('optServerRemoveCancel')}
        </Button>
      </ActionRow>
    </fieldset>
  );
};
