import { isMuted } from '../alerts/mute';
import { muteEnd } from '../alerts/mute-end';

/**
 * settings.mutedUntil after the mute shortcut is pressed at `pressedAt`: one key both mutes and unmutes,
 * so it unmutes while a mute runs and otherwise mutes for an hour, as the notification's button does.
 */
export const toggledMutedUntil = (mutedUntil: number | null, pressedAt: number): number | null =>
  isMuted(mutedUntil, pressedAt) ? null : muteEnd('hour', pressedAt);
