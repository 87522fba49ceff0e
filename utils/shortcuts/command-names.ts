// The names of the manifest's `commands`: the manifest declares them, the worker answers them and the
// options page names them, so all three read these constants.

export const OPEN_DASHBOARD_COMMAND = 'open-dashboard';
export const TOGGLE_MUTE_COMMAND = 'toggle-mute';

/**
 * The browser's own command that opens the popup. Chrome lists it in commands.getAll() (since Chrome 110)
 * even when the manifest does not declare it, so a user can give the toolbar button a key.
 */
export const OPEN_POPUP_COMMANDS: readonly string[] = ['_execute_action', '_execute_browser_action'];
