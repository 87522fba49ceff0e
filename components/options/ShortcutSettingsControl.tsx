import { useState } from 'preact/hooks';
import { type ActionState, failedWith, IDLE } from '../../utils/ui/action-state';
import { Button } from '../Button';
import { useI18n } from '../i18n-context';
import { InlineMessage } from './InlineMessage';
import { SettingRow } from './SettingRow';
import './ShortcutSettingsControl.css';

export interface ShortcutSettingsControlProps {
  /** Opens the browser's shortcut settings; resolves false when the user has to go there by hand. */
  onOpen: () => Promise<boolean>;
}

/** `manual`: this browser cannot open the page, so the user is told the way there. */
type Outcome = ActionState | { phase: 'manual' };

const TONES = { idle: 'neutral', running: 'neutral', done: 'neutral', manual: 'warning', failed: 'error' } as const;

/** The way to the browser's page where the keys are changed (an extension cannot set them itself). */
export const ShortcutSettingsControl = ({ onOpen }: ShortcutSettingsControlProps) => {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>(IDLE);
  // Nothing at all while idle, so the message box collapses (InlineMessage is styled :empty).
  const message = (shown: Outcome) => {
    if (shown.phase === 'manual') return t('shortcutsManualFirefox');
    if (shown.phase === 'failed') return t('shortcutsOpenFailed', { reason: shown.reason });
    return undefined;
  };
  const open = () =>
    onOpen().then(
      (opened) => setOutcome(opened ? IDLE : { phase: 'manual' }),
      (error: unknown) => setOutcome(failedWith(error)),
    );
  return (
    <div class="shortcut-settings">
      <SettingRow label={t('shortcutsChangeLabel')} help={t('shortcutsChangeHelp')}>
        <Button icon="settings" onClick={open}>
          {t('shortcutsOpenSettings')}
        </Button>
      </SettingRow>
      {/* Present while empty: a live region must exist before its words arrive to be read out. */}
      <InlineMessage tone={TONES[outcome.phase]} role="status">
        {message(outcome)}
      </InlineMessage>
    </div>
  );
};
