import { describe, expect, it } from 'vitest';
import { toShortcuts } from '../../../utils/shortcuts/shortcut';

describe('toShortcuts', () => {
  it('keeps named commands, with empty text for what the browser left out', () => {
    expect(
      toShortcuts([
        { name: 'open-dashboard', description: 'Open the dashboard', shortcut: 'Alt+Shift+D' },
        { name: '_execute_action' },
        { description: 'no name' },
      ]),
    ).toEqual([
      { name: 'open-dashboard', description: 'Open the dashboard', keys: 'Alt+Shift+D' },
      { name: '_execute_action', description: '', keys: '' },
    ]);
  });
});
