import { useId } from 'preact/hooks';
import { isChineseLang } from '../../utils/speech/choose-voice';
import type { Voice } from '../../utils/speech/voice';
import { useI18n } from '../i18n-context';
import { Select } from '../Select';
import { HelpText } from './HelpText';
import { SettingField } from './SettingField';

export interface VoicePickerProps {
  /** null while the browser is still listing its voices. */
  voices: readonly Voice[] | null;
  /** The chosen voice's name; null lets the worker pick one for the alert's language. */
  value: string | null;
  onChange: (voiceName: string | null) => void;
}

// The empty value stands for "automatic": an <option> value is always a string.
const AUTO = '';

const VoiceItem = ({ voice }: { voice: Voice }) => (
  <option value={voice.name}>{voice.lang ? `${voice.name} (${voice.lang})` : voice.name}</option>
);

export const VoicePicker = ({ voices, value, onChange }: VoicePickerProps) => {
  const { locale, t } = useI18n();
  const selectId = useId();
  const helpId = useId();
  const list = voices ?? [];
  // Settings sync between computers, and a voice installed on one may be missing on another.
  const missing = voices !== null && value !== null && !list.some((voice) => voice.name === value);
  const chinese = list.filter((voice) => isChineseLang(voice.lang));
  const others = list.filter((voice) => !isChineseLang(voice.lang));
  const grouped = locale === 'zh_CN' && chinese.length > 0 && others.length > 0;
  const help = missing ? t('optVoiceMissingHelp') : voices?.length === 0 ? t('optVoicesNone') : undefined;

  return (
    <SettingField label={t('optVoiceLabel')} controlId={selectId}>
      <Select
        id={selectId}
        value={value ?? AUTO}
        aria-describedby={help ? helpId : undefined}
        onChange={(event) => onChange(event.currentTarget.value === AUTO ? null : event.currentTarget.value)}
      >
        <option value={AUTO}>{t('optVoiceAuto')}</option>
        {missing && value !== null && <option value={value}>{t('optVoiceMissing', { name: value })}</option>}
        {grouped ? (
          <>
            <optgroup label={t('optVoiceGroupChinese')}>
              {chinese.map((voice) => (
                <VoiceItem key={voice.name} voice={voice} />
              ))}
            </optgroup>
            <optgroup label={t('optVoiceGroupOther')}>
              {others.map((voice) => (
                <VoiceItem key={voice.name} voice={voice} />
              ))}
            </optgroup>
          </>
        ) : (
          // Chinese first for Chinese readers, the browser's own order otherwise.
          (locale === 'zh_CN' ? [...chinese, ...others] : list).map((voice) => (
            <VoiceItem key={voice.name} voice={voice} />
          ))
        )}
      </Select>
      {help && <HelpText id={helpId}>{help}</HelpText>}
    </SettingField>
  );
};
