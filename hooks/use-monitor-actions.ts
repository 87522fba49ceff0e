import { useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../platform/messaging';
import { saveSettings } from '../platform/settings-store';
import type { Translate } from '../utils/i18n';
import type { MonitorActions } from '../utils/ui/monitor-actions';

/**
 * What the connection line and the list's notices do when pressed. `afterOpenSettings` runs once the
 * settings tab is open: the popup closes itself then, as it would otherwise stay on top of the new tab.
 */
export const useMonitorActions = (
  flash: (message: string) => void,
  t: Translate,
  afterOpenSettings?: () => void,
): MonitorActions =>
  useMemo(
    () => ({
      onReconnect: () => void sendMessage('reconnectNow').catch(() => flash(t('stateErrorBody'))),
      onTurnOn: () => void saveSettings({ monitoring: true }),
      onOpenSettings: () => void browser.runtime.openOptionsPage().then(afterOpenSettings),
    }),
    [flash, t, afterOpenSettings],
  );
