import type { Translate } from '../../utils/i18n';
import type { ActionState } from './action-state';
import { ClearDataControl } from './ClearDataControl';
import { Section } from './Section';

export interface DataSectionProps {
  clear: ActionState;
  t: Translate;
  onClear: () => void;
}

export const DataSection = ({ clear, t, onClear }: DataSectionProps) => (
  <Section id="data" title={t('optDataTitle')}>
    <div class="opt-row">
      <span class="opt-row__text">
        <span class="opt-row__label">{t('optClearLabel')}</span>
        <span class="opt-help">{t('optClearHelp')}</span>
      </span>
      <ClearDataControl state={clear} t={t} onClear={onClear} />
    </div>
  </Section>
);
