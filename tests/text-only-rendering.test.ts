// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskSource } from './architecture/mask-source';

// docs/SECURITY.md promises that what a server sends is rendered as text, never as HTML: Preact escapes
// every string it renders, so the only way in would be one of these sinks. This keeps the promise, and
// keeps `npm run lint:store`'s one explained warning (Preact's innerHTML path) unreachable.
const HTML_SINKS = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/g;

const ROOT = join(import.meta.dirname, '..');
const SHIPPED = ['components', 'entrypoints', 'hooks', 'platform', 'utils'];

const sourceFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });

describe('text-only rendering', () => {
  it('no shipped source writes HTML', () => {
    const found = SHIPPED.flatMap((folder) => sourceFiles(join(ROOT, folder))).flatMap((file) =>
      // Code only: a comment that names a sink (this file's own kind) is not a use of it.
      [...maskSource(readFileSync(file, 'utf8')).codeOnly.matchAll(HTML_SINKS)].map(
        ([sink]) => `${relative(ROOT, file)}: ${sink}`,
      ),
    );
    expect(found, 'render text through JSX instead; see docs/SECURITY.md').toEqual([]);
  });
});
