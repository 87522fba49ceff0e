import { browser } from 'wxt/browser';
import type { BadgeAppearance } from '../../utils/badge/badge-appearance';

// Firefox's default build is MV2, where the toolbar button is browserAction.
const toolbarButton = () => browser.action ?? browser.browserAction;

let shown: BadgeAppearance | null = null;

/** Sets the toolbar badge; skips the three API calls when nothing changed (progress frames are frequent). */
export const renderBadge = async (appearance: BadgeAppearance) => {
  if (shown && shown.text === appearance.text && shown.color === appearance.color && shown.title === appearance.title)
    return;
  shown = appearance;
  const button = toolbarButton();
  await Promise.all([
    button.setBadgeText({ text: appearance.text }),
    button.setBadgeBackgroundColor({ color: appearance.color }),
    button.setTitle({ title: appearance.title }),
  ]);
};
