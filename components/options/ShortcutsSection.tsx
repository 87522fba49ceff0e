import type { MessageKey } from '../../utils/i18n';
import { OPEN_DASHBOARD_COMMAND, OPEN_POPUP_COMMANDS, TOGGLE_MUTE_COMMAND } from '../../utils/shortcuts/command-names';
import type { Shortcut } from '../../utils/shortcuts/shortcut';
import { useI18n } from '../i18n-context';
import { HelpText } from './HelpText';
import { Section } from './Section';
import { SettingRow } from './SettingRow';
import { ShortcutKeys } from './ShortcutKeys';
import { ShortcutSettingsControl } from './ShortcutSettingsControl';

export interface ShortcutsSectionProps {
  /** As commands.getAll() lists them; null until the browser has answered. */
  shortcuts: Shortcut[] | null;
  /** Opens the browser's shortcut settings; resolves false when the user has to go there by hand. */
  onOpenSettings: () => Promise<boolean>;
}

// Named in the page's language: the browser's descriptions come in the browser's language, which the
// user may have overridden in the language setting.
const NAMES = new Map<string, MessageKey>([
  [OPEN_DASHBOARD_COMMAND, 'shortcutsOpenDashboard'],
  [TOGGLE_MUTE_COMMAND, 'shortcutsToggleMute'],
  ...OPEN_POPUP_COMMANDS.map((name): [string, MessageKey] => [name, 'shortcutsOpenPopup']),
]);

// Ours first, in the manifest's order, then whatever else the browser lists (its popup command).
const rank = ({ name }: Shortcut) => {
  const index = [...NAMES.keys()].indexOf(name);
  return index === -1 ? NAMES.size : index;
};

export const ShortcutsSection = ({ shortcuts, onOpenSettings }: ShortcutsSectionProps) => {
  const { t } = useI18n();
  const nameOf = ({ name, description }: Shortcut) => {
    const key = NAMES.get(name);
    return key ? t(key) : description || name;
  };
  return (
    <Section id="shortcuts" title={t('shortcutsTitle')} intro={t('shortcutsIntro')}>
      {shortcuts === null && <HelpText>{t('shortcutsLoading')}</HelpText>}
      {shortcuts?.length === 0 && <HelpText>{t('shortcutsNone')}</HelpText>}
      {shortcuts
        ?.toSorted((a, b) => rank(a) - rank(b))
        .map((shortcut) => (
          <SettingRow key={shortcut.name} label={nameOf(shortcut)}>
            <ShortcutKeys keys={shortcut.keys} />
          </SettingRow>
        ))}
      <ShortcutSettingsControl onOpen={onOpenSettings} />
    </Section>
  );
};
