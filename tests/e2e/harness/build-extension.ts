import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { EXTENSION_PATH } from './extension-browser';
import { FIREFOX_EXTENSION_PATH } from './firefox-browser';

/** Chrome (MV3) for Chromium, Firefox (MV2) for firefox-esr. */
const TARGETS = [
  { output: EXTENSION_PATH, args: ['wxt', 'build'] },
  { output: FIREFOX_EXTENSION_PATH, args: ['wxt', 'build', '-b', 'firefox'] },
];

/**
 * The tests load what users install: the production builds. Built once per run unless asked to reuse them;
 * one after the other, since both write WXT's generated files.
 */
export default function buildExtension() {
  for (const { output, args } of TARGETS) {
    if (process.env.E2E_REUSE_BUILD === '1' && existsSync(output)) continue;
    // Vitest sets NODE_ENV=test, which the build would inherit and ship a development flavour of its
    // libraries: the tests (and the soak after them) must run what users install.
    execFileSync('npx', args, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
}
