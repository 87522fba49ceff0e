import { describe, expect, it } from 'vitest';
import { MUTE_HOUR_MS } from '../../../utils/alerts/mute';
import { toggledMutedUntil } from '../../../utils/shortcuts/toggle-mute';

const pressedAt = Date.UTC(2026, 0, 15, 9, 30);

describe('toggledMutedUntil', () => {
  it('mutes for one hour from the press when nothing is muted', () => {
    expect(toggledMutedUntil(null, pressedAt)).toBe(pressedAt + MUTE_HOUR_MS);
  });

  it('unmutes while a mute runs, however long it has left', () => {
    expect(toggledMutedUntil(pressedAt + 1, pressedAt)).toBeNull();
    expect(toggledMutedUntil(pressedAt + 10 * MUTE_HOUR_MS, pressedAt)).toBeNull();
  });

  it('mutes again when the stored mute has already ended', () => {
    expect(toggledMutedUntil(pressedAt - 1, pressedAt)).toBe(pressedAt + MUTE_HOUR_MS);
    // A mute ending at this very moment is over: isMuted wants a time still ahead.
    expect(toggledMutedUntil(pressedAt, pressedAt)).toBe(pressedAt + MUTE_HOUR_MS);
  });

  it('brings a mute, pressed twice, back to where it was', () => {
    const muted = toggledMutedUntil(null, pressedAt);
    expect(toggledMutedUntil(muted, pressedAt + 500)).toBeNull();
  });
});
