import { describe, expect, it } from 'vitest';
import { isSearchShortcut, isTypingTarget, type KeyPress, type KeyTarget } from '../../../utils/ui/search-shortcut';

const BODY: KeyTarget = { tagName: 'BODY' };

/** "/" on the page, or as changed; `target` is where it went. */
const press = ({ target = BODY, ...change }: Partial<KeyPress> & { target?: KeyTarget | null } = {}) =>
  isSearchShortcut(
    { key: '/', ctrlKey: false, metaKey: false, altKey: false, isComposing: false, defaultPrevented: false, ...change },
    target,
  );

describe('isSearchShortcut', () => {
  it('takes "/" pressed on the page, on a button or on a list row', () => {
    expect(press()).toBe(true);
    expect(press({ target: { tagName: 'BUTTON' } })).toBe(true);
    expect(press({ target: { tagName: 'DIV' } })).toBe(true);
    expect(press({ target: null })).toBe(true);
  });

  it('takes it on a checkbox, which takes no text', () => {
    expect(press({ target: { tagName: 'INPUT', type: 'checkbox' } })).toBe(true);
  });

  it('leaves "/" to a field being typed in', () => {
    expect(press({ target: { tagName: 'INPUT', type: 'text' } })).toBe(false);
    expect(press({ target: { tagName: 'INPUT', type: 'search' } })).toBe(false);
    expect(press({ target: { tagName: 'INPUT' } })).toBe(false);
    expect(press({ target: { tagName: 'TEXTAREA' } })).toBe(false);
    expect(press({ target: { tagName: 'SELECT' } })).toBe(false);
    expect(press({ target: { tagName: 'DIV', isContentEditable: true } })).toBe(false);
  });

  it('leaves Ctrl, Alt and Meta combinations to the browser', () => {
    expect(press({ ctrlKey: true })).toBe(false);
    expect(press({ metaKey: true })).toBe(false);
    expect(press({ altKey: true })).toBe(false);
  });

  it('ignores other keys, a composing input method and a key already handled', () => {
    expect(press({ key: 's' })).toBe(false);
    expect(press({ key: '?' })).toBe(false);
    expect(press({ isComposing: true })).toBe(false);
    expect(press({ defaultPrevented: true })).toBe(false);
  });
});

describe('isTypingTarget', () => {
  it('knows the inputs that take no text', () => {
    for (const type of ['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file']) {
      expect(isTypingTarget({ tagName: 'input', type })).toBe(false);
    }
    for (const type of ['text', 'search', 'url', 'email', 'number', 'time', 'password']) {
      expect(isTypingTarget({ tagName: 'input', type })).toBe(true);
    }
  });
});
