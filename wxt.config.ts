import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { OPEN_DASHBOARD_COMMAND, TOGGLE_MUTE_COMMAND } from './utils/shortcuts/command-names';

// A fixed key pins the Chrome extension id, so the e2e run and a hand-loaded copy share one id.
// It is a public key only; the store assigns its own on upload.
const CHROME_PUBLIC_KEY = process.env.TMN_MANIFEST_KEY;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports read better than WXT's auto-imports: every file says where its names come from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    // Chrome 116 and Firefox 140 preload modules themselves; the polyfill would only add bytes to every page.
    build: { modulePreload: { polyfill: false } },
  }),
  // The sources archive for Firefox's review holds what builds the add-on, not screenshots or test output.
  zip: { excludeSources: ['docs/**', 'test-results/**'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: '__MSG_extName__' },
    permissions: [
      'storage',
      // The whole expired list (100,000 users is a real case) outgrows storage.local's 10 MB quota.
      'unlimitedStorage',
      'notifications',
      'alarms',
      // Firefox has no tts permission or API; its background page speaks through speechSynthesis.
      ...(browser === 'firefox' ? [] : ['tts']),
    ],
    // Neither Chrome nor Firefox uses Alt+Shift+D or Alt+Shift+M (Ctrl+Shift+letter is mostly taken; ChromeOS
    // alone keeps Alt+Shift+M for its Files app). Users change or clear them in the browser's shortcut settings.
    commands: {
      [OPEN_DASHBOARD_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_commandOpenDashboard__',
      },
      [TOGGLE_MUTE_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_commandToggleMute__',
      },
    },
    ...(manifestVersion === 3 && browser !== 'firefox'
      ? {
          // Since Chrome 116 WebSocket traffic keeps a service worker alive.
          minimum_chrome_version: '116',
          ...(CHROME_PUBLIC_KEY ? { key: CHROME_PUBLIC_KEY } : {}),
        }
      : {}),
    // Firefox's keys only: Chrome warns of an unrecognized manifest key on chrome://extensions.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'token-monitor-notifier@example.org',
              // data_collection_permissions is understood from Firefox 140 (the ESR); 127 and older refuse it.
              strict_min_version: '140.0',
              // Nothing is collected: the only traffic is the WebSocket to the user's own server (docs/PRIVACY.md).
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android understands data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
