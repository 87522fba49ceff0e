import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { EXTENSION_PATH } from './extension-browser';

/** The tests load what users install: the production build. Built once per run unless asked to reuse it. */
export default function buildExtension() {
  if (process.env.E2E_REUSE_BUILD === '1' && existsSync(EXTENSION_PATH)) return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
