/** Where a key press went, as far as the shortcut needs to know: an HTMLElement fits. */
export interface KeyTarget {
  tagName: string;
  /** An input's type (text, checkbox…); other elements have none. */
  type?: string;
  isContentEditable?: boolean;
}

/** A key press as the shortcut reads it: a KeyboardEvent fits. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** An input method is composing: the key belongs to the text being written. */
  isComposing: boolean;
  /** Something nearer the target has already handled the key. */
  defaultPrevented: boolean;
}

/** The shortcut's key, as on GitHub, YouTube and Gmail. */
export const SEARCH_SHORTCUT = '/';

// Inputs that take no typed text: a "/" pressed on them is free to mean the shortcut.
const NOT_TYPED = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'image', 'file', 'color']);

/** The key goes into a field the user is writing in (or picking from by typing), so it must not be taken. */
export const isTypingTarget = (target: KeyTarget | null): boolean => {
  if (!target) return false;
  if (target.isContentEditable) return true;
  switch (target.tagName.toUpperCase()) {
    case 'TEXTAREA':
    case 'SELECT':
      return true;
    case 'INPUT':
      return !NOT_TYPED.has((target.type ?? 'text').toLowerCase());
    default:
      return false;
  }
};

/**
 * "/" pressed outside any field: focus the page's search. Shift is allowed, since some layouts (German,
 * French) need it for "/"; Ctrl, Alt and Meta are not, leaving the browser's own shortcuts alone.
 */
export const isSearchShortcut = (press: KeyPress, target: KeyTarget | null): boolean =>
  press.key === SEARCH_SHORTCUT &&
  !press.ctrlKey &&
  !press.metaKey &&
  !press.altKey &&
  !press.isComposing &&
  !press.defaultPrevented &&
  !isTypingTarget(target);
