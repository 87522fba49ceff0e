import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import type { ModuleGraph } from './module-graph';
import { resolveImport } from './resolve-import';
import { scanSource } from './scan-source';

// Installed packages and generated output: none of it is the project's own code.
const SKIPPED_FOLDERS = new Set(['node_modules', '.output', '.wxt', '.git']);

const SOURCE = /\.tsx?$/;

const listFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : listFiles(join(folder, entry.name));
    return entry.isFile() ? [join(folder, entry.name)] : [];
  });

/** Reads every `.ts`/`.tsx` file under `root` and resolves its imports against the files that exist. */
export const readModuleGraph = (root: string): ModuleGraph => {
  const files = listFiles(root).map((file) => relative(root, file).split(sep).join(posix.sep));
  // Every file, not only sources: an import of a stylesheet resolves too.
  const existing = new Set(files);
  return files
    .filter((path) => SOURCE.test(path))
    .sort()
    .map((path) => {
      const { specifiers, extensionGlobals } = scanSource(readFileSync(join(root, path), 'utf8'));
      const imports = specifiers.map((specifier) => resolveImport(path, specifier, (file) => existing.has(file)));
      return { path, imports, extensionGlobals };
    });
};
