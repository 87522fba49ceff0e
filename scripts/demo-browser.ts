import { existsSync } from 'node:fs';
import { startSimulator } from '../simulator/server';
import {
  CHROMIUM,
  EXTENSION_PATH,
  type ExtensionBrowser,
  launchExtensionBrowser,
} from '../tests/e2e/harness/extension-browser';

const PORT = Number(process.env.SIMULATOR_PORT ?? 8765);

// A lively demo: a round every 20 s that takes 10 s, with a few expiries in most rounds.
const simulator = await startSimulator({ port: PORT, interval: 20, checkDuration: 10, expireRate: 0.01 });

let browser: ExtensionBrowser | null = null;
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // Closing an already closed browser is fine; this also removes the demo's temporary profile.
  await browser?.close().catch(() => {});
  await simulator.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const hasChromium = existsSync(CHROMIUM);
const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
const installChromium = `${sudo}apt-get install -y --no-install-recommends chromium`;
/** Why no window opens, truthfully, and the command that would give one. */
const noWindowReason = () => {
  if (!hasDisplay && !hasChromium)
    return `No display and no Chromium at ${CHROMIUM}, so no browser window. For one, install Chromium (${installChromium}) and run \`npm run demo\` from a desktop session, where DISPLAY is set.`;
  if (!hasChromium)
    return `No Chromium at ${CHROMIUM}, so no browser window. For one: ${installChromium} (or set CHROMIUM_PATH), then \`npm run demo\` again.`;
  return 'No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window. For one, run `npm run demo` from a desktop session, where DISPLAY or WAYLAND_DISPLAY is set.';
};
if (!hasDisplay || !hasChromium) {
  console.log(`
${noWindowReason()}
Everything else is running:
  • the simulator at ${simulator.url} (Ctrl-C stops it)
  • the built extension in ${EXTENSION_PATH}
Load it by hand: chrome://extensions → Developer mode → Load unpacked → pick that folder.
Its default server is ws://localhost:8765, this simulator.`);
} else {
  // A fresh temporary profile, in a window at its own size.
  browser = await launchExtensionBrowser({ headless: false });
  const { context, extensionId, pageUrl } = browser;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pageUrl('dashboard.html'));
  console.log(`Chromium is open with the extension (id ${extensionId}); close it or press Ctrl-C to end the demo.`);
  context.on('close', stop);
}
