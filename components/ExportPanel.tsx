import { useId } from 'preact/hooks';
import { Button } from './Button';
import { Icon } from './Icon';
import { useI18n } from './i18n-context';
import './ExportPanel.css';

export interface ExportPanelProps {
  includeTokens: boolean;
  onIncludeTokensChange: (include: boolean) => void;
  onExport: () => void;
  busy: boolean;
}

/** CSV export of the whole list. Tokens are credentials: left out unless asked for, with a warning. */
export const ExportPanel = ({ includeTokens, onIncludeTokensChange, onExport, busy }: ExportPanelProps) => {
  const { t } = useI18n();
  const warningId = useId();
  return (
    <div class="export">
      <label class="export__option">
        <input
          type="checkbox"
          checked={includeTokens}
          aria-describedby={includeTokens ? warningId : undefined}
          onChange={(event) => onIncludeTokensChange(event.currentTarget.checked)}
        />
        {t('includeTokens')}
      </label>
      <Button variant="primary" icon="download" onClick={onExport} disabled={busy}>
        {busy ? t('exporting') : t('exportCsv')}
      </Button>
      {includeTokens && (
        <p class="export__warning" id={warningId}>
          <Icon name="alert" />
          {t('includeTokensWarning')}
        </p>
      )}
    </div>
  );
};
