import type { Locale, Translate } from '../../utils/i18n';
import type { Settings } from '../../utils/settings';
import { ActionMessage } from './ActionMessage';
import type { ActionState } from './action-state';
import { RangeField } from './RangeField';
import { Section } from './Section';
import { SwitchField } from './SwitchField';
import { type VoiceOption, VoicePicker } from './VoicePicker';

export interface SpeechSectionProps {
  speech: Settings['speech'];
  voices: readonly VoiceOption[] | null;
  locale: Locale;
  speakTest: ActionState;
  t: Translate;
  onChange: (change: Partial<Settings>) => void;
  onSpeakTest: () => void;
}

export const SpeechSection = ({ speech, voices, locale, speakTest, t, onChange, onSpeakTest }: SpeechSectionProps) => {
  // Settings are saved a whole field at a time: a change inside `speech` carries its siblings along.
  const change = (part: Partial<Settings['speech']>) => onChange({ speech: { ...speech, ...part } });
  return (
    <Section id="speech" title={t('optSpeechTitle')}>
      <SwitchField
        label={t('optSpeechLabel')}
        help={t('optSpeechHelp')}
        checked={speech.enabled}
        onChange={(enabled) => change({ enabled })}
      />
      <div class="opt-subfields">
        <VoicePicker
          voices={voices}
          value={speech.voiceName}
          locale={locale}
          t={t}
          onChange={(voiceName) => change({ voiceName })}
        />
        <div class="opt-range-pair">
          <RangeField
            label={t('optRateLabel')}
            value={speech.rate}
            min={0.5}
            max={2}
            step={0.1}
            format={(value) => t('optRateValue', { value: value.toFixed(1) })}
            onCommit={(rate) => change({ rate })}
          />
          <RangeField
            label={t('optVolumeLabel')}
            value={speech.volume}
            min={0}
            max={1}
            step={0.05}
            format={(value) => t('optVolumeValue', { value: Math.round(value * 100) })}
            onCommit={(volume) => change({ volume })}
          />
        </div>
        <div class="opt-actions">
          <button type="button" class="opt-button" disabled={speakTest.phase === 'running'} onClick={onSpeakTest}>
            {t('optSpeakTest')}
          </button>
          <ActionMessage
            state={speakTest}
            done={t('optSpeakTestSent')}
            failed={(reason) => t('optSpeakTestFailed', { reason })}
          />
        </div>
      </div>
    </Section>
  );
};
