import { describe, expect, it } from 'vitest';
import { voicesFromTts } from '../../../utils/speech/voices-from-tts';

describe('listing the voices tts offers', () => {
  it('keeps each named voice with its language, in the order tts gave', () => {
    expect(voicesFromTts([{ voiceName: 'Tingting', lang: 'zh-CN' }, { voiceName: 'Alex' }])).toEqual([
      { name: 'Tingting', lang: 'zh-CN' },
      { name: 'Alex', lang: undefined },
    ]);
  });

  it('leaves out a voice without a name, which could be neither picked nor asked for', () => {
    expect(voicesFromTts([{ lang: 'en-US' }, { voiceName: '', lang: 'zh-CN' }])).toEqual([]);
  });
});
