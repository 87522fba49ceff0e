import { describe, expect, it } from 'vitest';
import { lastFourDigits, maskPhone } from '../../../utils/alerts';

describe('phone masking', () => {
  it('hides the middle of a mobile number', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });

  it('keeps at most the last four characters of short values', () => {
    expect(maskPhone('123456')).toBe('**3456');
    expect(maskPhone('123')).toBe('***');
  });

  it('gives speech only the last four digits', () => {
    expect(lastFourDigits('+86 138-0013-8000')).toBe('8000');
  });
});
