import { openDashboard } from '../../platform/open-dashboard';
import { loadSettings, saveSettings } from '../../platform/settings-store';
import { OPEN_DASHBOARD_COMMAND, TOGGLE_MUTE_COMMAND } from '../../utils/shortcuts/command-names';
import { toggledMutedUntil } from '../../utils/shortcuts/toggle-mute';

// Toggles run one after another: each must read the mute the previous one wrote, or two quick presses
// would both see "not muted" and leave the alerts muted instead of back where they were.
let toggling: Promise<unknown> = Promise.resolve();

const toggleMute = (pressedAt: number): Promise<void> => {
  const toggle = toggling.then(async () => {
    const { mutedUntil } = await loadSettings();
    // The same settings write as the pages' and the notification's mute controls, so all of them follow.
    await saveSettings({ mutedUntil: toggledMutedUntil(mutedUntil, pressedAt) });
  });
  toggling = toggle.catch(() => {});
  return toggle;
};

/** Answers a keyboard shortcut (commands.onCommand); names it does not know are ignored. */
export const handleCommand = async (command: string, pressedAt: number = Date.now()): Promise<void> => {
  if (command === OPEN_DASHBOARD_COMMAND) await openDashboard();
  if (command === TOGGLE_MUTE_COMMAND) await toggleMute(pressedAt);
};
