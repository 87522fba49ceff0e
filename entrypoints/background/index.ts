import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { browserEnvironment } from '../../platform/browser-environment';
import { onMessage } from '../../platform/messaging';
import { openDashboard } from '../../platform/open-dashboard';
import { saveSettings } from '../../platform/settings-store';
import { isAlertId } from '../../utils/alerts';
import { MUTE_HOUR_MS } from '../../utils/alerts/mute';
import { enableIssueMessages } from '../../utils/zod';
import { renderBadge } from './badge';
import { handleCommand } from './commands';
import { createMonitorService } from './monitor-service';
import { BUTTON_MUTE_HOUR, BUTTON_OPEN_LIST, isNotificationShowing, showNotification } from './notifier';
import { speak, speakToEnd } from './speaker';

/** Chrome's shortest alarm period: revives a worker the browser stopped while the server was away. */
const WATCHDOG_ALARM = 'connection-watchdog';

const log = (line: string) => console.info(`[token-monitor] ${line}`);

// Listeners are registered synchronously on every worker start: Chrome only wakes a stopped worker for
// events that had a listener when it last ran.
export default defineBackground(() => {
  // The worker logs why stored data or a server message was refused.
  enableIssueMessages();
  const browserLanguage = browser.i18n.getUILanguage();
  const service = createMonitorService({
    env: browserEnvironment(),
    output: { show: showNotification, isShowing: isNotificationShowing, speak: speakToEnd },
    renderBadge,
    browserLanguage,
    log,
  });

  browser.alarms.onAlarm.addListener((alarm) => alarm.name === WATCHDOG_ALARM && void service.revive());
  void browser.alarms.get(WATCHDOG_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
  });
  browser.runtime.onStartup.addListener(() => void service.revive());
  browser.runtime.onInstalled.addListener(() => void service.revive());
  globalThis.addEventListener('online', () => void service.onOnline());

  // A click leads to exactly the users that alert named.
  browser.notifications.onClicked.addListener((id) => {
    if (!isAlertId(id)) return;
    void openDashboard(browser, id);
    void browser.notifications.clear(id);
  });
  browser.notifications.onButtonClicked?.addListener((id, button) => {
    if (!isAlertId(id)) return;
    if (button === BUTTON_MUTE_HOUR) void saveSettings({ mutedUntil: Date.now() + MUTE_HOUR_MS });
    if (button === BUTTON_OPEN_LIST) void openDashboard(browser, id);
    void browser.notifications.clear(id);
  });
  browser.commands.onCommand.addListener((command) => void handleCommand(command));

  onMessage('queryExpired', ({ data }) => service.queryExpired(data));
  onMessage('exportCsv', ({ data }) => service.exportCsv(data.includeTokens));
  onMessage('reconnectNow', () => service.reconnectNow());
  onMessage('clearStoredData', () => service.clearStoredData());
  onMessage('speakTest', async () => {
    await service.ready;
    await speak(service.translator()('speechTest'), service.settings().speech, service.locale());
  });
});
