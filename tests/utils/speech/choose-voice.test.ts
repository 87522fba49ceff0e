import { describe, expect, it } from 'vitest';
import { chooseVoice, isChineseLang } from '../../../utils/speech/choose-voice';

const voices = [
  { name: 'English (America)', lang: 'en-US' },
  { name: 'Chinese (Cantonese)', lang: 'yue' },
  { name: 'Chinese (Mandarin)', lang: 'cmn' },
];

describe('choosing a voice', () => {
  it('picks Mandarin for Chinese alerts, however the platform tags it', () => {
    expect(chooseVoice(voices, 'zh_CN', null)?.name).toBe('Chinese (Mandarin)');
    expect(chooseVoice([{ name: 'Tingting', lang: 'zh_CN' }], 'zh_CN', null)?.name).toBe('Tingting');
    expect(['zh-CN', 'zh_TW', 'cmn-latn-pinyin', 'yue', 'zh'].every(isChineseLang)).toBe(true);
    expect(['en-US', 'zha', 'cm', undefined].some(isChineseLang)).toBe(false);
  });

  it('falls back to Cantonese when no Mandarin voice exists', () => {
    expect(chooseVoice(voices.slice(0, 2), 'zh_CN', null)?.name).toBe('Chinese (Cantonese)');
  });

  it('keeps the user’s voice while it exists, else chooses by language', () => {
    expect(chooseVoice(voices, 'zh_CN', 'English (America)')?.name).toBe('English (America)');
    expect(chooseVoice(voices, 'en', 'Gone')?.name).toBe('English (America)');
    expect(chooseVoice(voices.slice(1), 'en', null)).toBeUndefined();
  });
});
