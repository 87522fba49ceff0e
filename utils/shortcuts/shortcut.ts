/** One keyboard shortcut as the options page lists it. */
export interface Shortcut {
  /** The manifest's command name, or the browser's own `_execute_action`. */
  name: string;
  /** The browser's description, in the browser's language: shown only for a command we do not name ourselves. */
  description: string;
  /** The keys as the browser writes them ("Alt+Shift+D", "⌥⇧D"); empty when none is set. */
  keys: string;
}

/** What commands.getAll() reports for one command: every field is optional in both browsers' types. */
export interface BrowserCommand {
  name?: string;
  description?: string;
  shortcut?: string;
}

/** The browser's list as shortcuts; a command without a name cannot be told apart, so it is left out. */
export const toShortcuts = (commands: readonly BrowserCommand[]): Shortcut[] =>
  commands.flatMap(({ name, description, shortcut }) =>
    name ? [{ name, description: description ?? '', keys: shortcut ?? '' }] : [],
  );
