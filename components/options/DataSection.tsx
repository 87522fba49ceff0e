import type { ActionState } from '../../utils/ui/action-state';
import { useI18n } from '../i18n-context';
import { ClearDataControl } from './ClearDataControl';
import { Section } from './Section';
import { SettingRow } from './SettingRow';

export interface DataSectionProps {
  clear: ActionState;
  onClear: () => void;
}

export const DataSection = ({ clear, onClear }: DataSectionProps) => {
  const { t } = useI18n();
  return (
    <Section id="data" title={t('optDataTitle')}>
      <SettingRow label={t('optClearLabel')} help={t('optClearHelp')}>
        <ClearDataControl state={clear} onClear={onClear} />
      </SettingRow>
    </Section>
  );
};
