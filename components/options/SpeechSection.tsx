import type { Settings } from '../../utils/settings';
import type { Voice } from '../../utils/speech/voice';
import type { ActionState } from '../../utils/ui/action-state';
import { ActionRow } from '../ActionRow';
import { Button } from '../Button';
import { useI18n } from '../i18n-context';
import { ActionMessage } from './ActionMessage';
import { RangeField } from './RangeField';
import { Section } from './Section';
import { Subfields } from './Subfields';
import { SwitchField } from './SwitchField';
import { VoicePicker } from './VoicePicker';
import './SpeechSection.css';

export interface SpeechSectionProps {
  speech: Settings['speech'];
  voices: readonly Voice[] | null;
  speakTest: ActionState;
  onChange: (change: Partial<Settings>) => void;
  onSpeakTest: () => void;
}

export const SpeechSection = ({ speech, voices, speakTest, onChange, onSpeakTest }: SpeechSectionProps) => {
  const { t } = useI18n();
  // Settings are saved a whole field at a time: a change inside `speech` carries its siblings along.
  const change = (part: Partial<Settings['speech']>) => onChange({ speech: { ...speech, ...part } });
  const sliders = [
    {
      key: 'rate' as const,
      label: t('optRateLabel'),
      min: 0.5,
      max: 2,
      step: 0.1,
      format: (value: number) => t('optRateValue', { value: value.toFixed(1) }),
    },
    {
      key: 'volume' as const,
      label: t('optVolumeLabel'),
      min: 0,
      max: 1,
      step: 0.05,
      format: (value: number) => t('optVolumeValue', { value: Math.round(value * 100) }),
    },
  ];
  return (
    <Section id="speech" title={t('optSpeechTitle')}>
      <SwitchField
        label={t('optSpeechLabel')}
        help={t('optSpeechHelp')}
        checked={speech.enabled}
        onChange={(enabled) => change({ enabled })}
      />
      <Subfields>
        <VoicePicker voices={voices} value={speech.voiceName} onChange={(voiceName) => change({ voiceName })} />
        <div class="speech__sliders">
          {sliders.map(({ key, ...slider }) => (
            <RangeField
              key={key}
              {...slider}
              value={speech[key]}
              onCommit={(value) => change(key === 'rate' ? { rate: value } : { volume: value })}
            />
          ))}
        </div>
        <ActionRow>
          <Button disabled={speakTest.phase === 'running'} onClick={onSpeakTest}>
            {t('optSpeakTest')}
          </Button>
          <ActionMessage
            state={speakTest}
            done={t('optSpeakTestSent')}
            failed={(reason) => t('optSpeakTestFailed', { reason })}
          />
        </ActionRow>
      </Subfields>
    </Section>
  );
};
