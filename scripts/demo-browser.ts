import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startSimulator } from '../simulator/server';

const EXTENSION = resolve(import.meta.dirname, '../.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.SIMULATOR_PORT ?? 8765);

// A lively demo: a round every 20 s that takes 10 s, with a few expiries in most rounds.
const simulator = await startSimulator({ port: PORT, interval: 20, checkDuration: 10, expireRate: 0.01 });

const stop = async () => {
  await simulator.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay || !existsSync(CHROMIUM)) {
  console.log(`
No display here, so no browser window. Everything else is running:
  • the simulator at ${simulator.url} (Ctrl-C stops it)
  • the built extension in ${EXTENSION}
Load it by hand: chrome://extensions → Developer mode → Load unpacked → pick that folder.
Its default server is ws://localhost:8765, this simulator.`);
} else {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tmn-demo-')), {
    executablePath: CHROMIUM,
    headless: false,
    viewport: null,
    args: [
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`chrome-extension://${id}/dashboard.html`);
  console.log(`Chromium is open with the extension (id ${id}); close it or press Ctrl-C to end the demo.`);
  context.on('close', stop);
}
