import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// A fixed key pins the Chrome extension id, so the e2e run and a hand-loaded copy share one id.
// It is a public key only; the store assigns its own on upload.
const CHROME_PUBLIC_KEY = process.env.TMN_MANIFEST_KEY;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports read better than WXT's auto-imports: every file says where its names come from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
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
    ...(manifestVersion === 3 && browser !== 'firefox'
      ? {
          // Since Chrome 116 WebSocket traffic keeps a service worker alive.
          minimum_chrome_version: '116',
          ...(CHROME_PUBLIC_KEY ? { key: CHROME_PUBLIC_KEY } : {}),
        }
      : {}),
    browser_specific_settings: {
      gecko: {
        id: 'token-monitor-notifier@example.org',
        strict_min_version: '115.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});
