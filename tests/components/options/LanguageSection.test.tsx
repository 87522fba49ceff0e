import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageSection } from '../../../components/options/LanguageSection';
import { renderIn } from '../../fixtures/render-in';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('language', () => {
  it('offers automatic, Chinese and English, each language named in itself', () => {
    const onChange = vi.fn();
    renderIn('en', <LanguageSection language="auto" browserLocale="zh_CN" onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: /Language/ }) as HTMLSelectElement;
    expect([...select.options].map((option) => option.text)).toEqual([
      'Same as the browser (简体中文)',
      '简体中文',
      'English',
    ]);
    fireEvent.change(select, { target: { value: 'zh_CN' } });
    expect(onChange).toHaveBeenCalledWith({ language: 'zh_CN' });
  });
});
