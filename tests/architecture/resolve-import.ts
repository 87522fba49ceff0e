import { posix } from 'node:path';
import type { ImportTarget } from './module-graph';

// How the bundler (and tsc, moduleResolution "Bundler") completes a specifier written without its extension.
const COMPLETIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

// WXT's aliases for the project root (see .wxt/tsconfig.json paths).
const ROOT_ALIASES = ['@/', '~/', '@@/', '~~/'];

/**
 * Where `specifier`, imported by the file at `from`, leads. `exists` answers for repository-relative paths;
 * a query such as `?raw` names the same file.
 */
export const resolveImport = (from: string, specifier: string, exists: (path: string) => boolean): ImportTarget => {
  const alias = ROOT_ALIASES.find((prefix) => specifier.startsWith(prefix));
  if (!alias && !specifier.startsWith('.')) return { kind: 'package', name: specifier };
  const written = specifier.replace(/\?.*$/, '');
  const base = alias ? posix.normalize(written.slice(alias.length)) : posix.join(posix.dirname(from), written);
  const path = COMPLETIONS.map((completion) => base + completion).find(exists);
  return path === undefined ? { kind: 'missing', specifier } : { kind: 'file', path };
};
