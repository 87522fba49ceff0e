import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SpeechSection } from '../../../components/options/SpeechSection';
import type { Locale } from '../../../utils/i18n';
import { defaultSettings } from '../../../utils/settings';
import { renderIn } from '../../fixtures/render-in';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('speech', () => {
  const voices = [
    { name: 'Samantha', lang: 'en-US' },
    { name: 'Mandarin', lang: 'cmn' },
    { name: 'Ting-Ting', lang: 'zh-CN' },
    { name: 'Sin-ji', lang: 'yue-HK' },
  ];
  const renderSpeech = (props: Partial<Parameters<typeof SpeechSection>[0]> = {}, locale: Locale = 'en') => {
    const onChange = vi.fn();
    const onSpeakTest = vi.fn();
    renderIn(
      locale,
      <SpeechSection
        speech={defaultSettings.speech}
        voices={voices}
        speakTest={{ phase: 'idle' }}
        onChange={onChange}
        onSpeakTest={onSpeakTest}
        {...props}
      />,
    );
    return { onChange, onSpeakTest };
  };
  const optionTexts = (select: HTMLElement) => [...select.querySelectorAll('option')].map((option) => option.text);

  it('turns speech off, keeping the other speech settings', () => {
    const { onChange } = renderSpeech();
    fireEvent.click(screen.getByRole('switch', { name: /Read alerts aloud/ }));
    expect(onChange).toHaveBeenCalledWith({ speech: { ...defaultSettings.speech, enabled: false } });
  });

  it('lists Chinese voices first for a Chinese reader', () => {
    renderSpeech({}, 'zh_CN');
    const select = screen.getByRole('combobox', { name: '声音' });
    expect(optionTexts(select)).toEqual([
      '自动（按语言选择最合适的声音）',
      'Mandarin (cmn)',
      'Ting-Ting (zh-CN)',
      'Sin-ji (yue-HK)',
      'Samantha (en-US)',
    ]);
    expect(select.querySelector('optgroup')?.getAttribute('label')).toBe('中文');
  });

  it('keeps the browser order for an English reader', () => {
    renderSpeech();
    expect(optionTexts(screen.getByRole('combobox', { name: 'Voice' })).slice(1)).toEqual([
      'Samantha (en-US)',
      'Mandarin (cmn)',
      'Ting-Ting (zh-CN)',
      'Sin-ji (yue-HK)',
    ]);
  });

  it('saves a chosen voice, and automatic as null', () => {
    const { onChange } = renderSpeech({ speech: { ...defaultSettings.speech, voiceName: 'Samantha' } });
    const select = screen.getByRole('combobox', { name: 'Voice' });
    fireEvent.change(select, { target: { value: 'Ting-Ting' } });
    expect(onChange).toHaveBeenLastCalledWith({ speech: { ...defaultSettings.speech, voiceName: 'Ting-Ting' } });
    fireEvent.change(select, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ speech: { ...defaultSettings.speech, voiceName: null } });
  });

  it('says when the chosen voice is not on this device', () => {
    renderSpeech({ speech: { ...defaultSettings.speech, voiceName: 'Microsoft Huihui' } });
    const select = screen.getByRole('combobox', { name: 'Voice' }) as HTMLSelectElement;
    expect(select.selectedOptions[0]?.text).toBe('Microsoft Huihui (not on this device)');
    expect(screen.getByText(/not installed here/)).toBeTruthy();
  });

  it('does not call a voice missing while the list is still loading', () => {
    renderSpeech({ voices: null, speech: { ...defaultSettings.speech, voiceName: 'Microsoft Huihui' } });
    expect(screen.queryByText(/not installed here/)).toBeNull();
  });

  it('says when the browser has no voices', () => {
    renderSpeech({ voices: [] });
    expect(screen.getByText(/offers no voices/)).toBeTruthy();
  });

  it('saves rate and volume when the slider is released, not while it moves', () => {
    const { onChange } = renderSpeech();
    const rate = screen.getByRole('slider', { name: 'Speed' });
    fireEvent.input(rate, { target: { value: '1.5' } });
    expect(rate.getAttribute('aria-valuetext')).toBe('1.5×');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(rate, { target: { value: '1.5' } });
    expect(onChange).toHaveBeenLastCalledWith({ speech: { ...defaultSettings.speech, rate: 1.5 } });

    const volume = screen.getByRole('slider', { name: 'Volume' });
    fireEvent.input(volume, { target: { value: '0.35' } });
    expect(screen.getByText('35%')).toBeTruthy();
    fireEvent.change(volume, { target: { value: '0.35' } });
    expect(onChange).toHaveBeenLastCalledWith({ speech: { ...defaultSettings.speech, volume: 0.35 } });
  });

  it('plays a test and reports it', () => {
    const { onSpeakTest } = renderSpeech({ speakTest: { phase: 'done' } });
    fireEvent.click(screen.getByRole('button', { name: 'Play a test' }));
    expect(onSpeakTest).toHaveBeenCalledOnce();
    expect(screen.getByText('Playing the test alert…')).toBeTruthy();
  });

  it('reports a failed test', () => {
    renderSpeech({ speakTest: { phase: 'failed', reason: 'no worker' } });
    expect(screen.getByText('Could not play the test: no worker')).toBeTruthy();
  });
});
