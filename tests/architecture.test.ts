// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkArchitecture, formatViolation } from './architecture/check-architecture';
import type { ImportTarget, ModuleGraph, SourceModule } from './architecture/module-graph';
import { readModuleGraph } from './architecture/read-module-graph';
import { resolveImport } from './architecture/resolve-import';
import { scanSource } from './architecture/scan-source';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const file = (path: string): ImportTarget => ({ kind: 'file', path });
const pkg = (name: string): ImportTarget => ({ kind: 'package', name });
const module = (path: string, imports: ImportTarget[] = [], extensionGlobals: string[] = []): SourceModule => ({
  path,
  imports,
  extensionGlobals,
});

describe('the repository', () => {
  const graph = readModuleGraph(ROOT);

  it('keeps the layout of README’s Architecture section', () => {
    expect(checkArchitecture(graph).map(formatViolation)).toEqual([]);
  });

  it('is read in full, so an empty report means the layout holds', () => {
    const find = (path: string) => graph.find((candidate) => candidate.path === path);
    expect(graph.length, 'every source file').toBeGreaterThan(100);
    expect(find('utils/protocol/fields.ts')?.imports).toContainEqual(file('utils/zod.ts'));
    expect(find('entrypoints/background/index.ts')?.imports).toContainEqual(pkg('wxt/browser'));
    expect(find('entrypoints/background/speaker.ts')?.extensionGlobals).toContain('browser.tts');
  });
});

describe('the layout check', () => {
  // The layout in miniature: every layer, every allowed kind of import.
  const kept: ModuleGraph = [
    module(
      'entrypoints/popup/App.tsx',
      [file('hooks/use-view.ts'), file('components/Stat.tsx'), file('platform/messaging.ts'), pkg('wxt/browser')],
      ['browser.runtime'],
    ),
    module('hooks/use-view.ts', [file('platform/messaging.ts'), file('utils/format.ts'), pkg('preact/hooks')]),
    module('components/Stat.tsx', [file('components/Icon.tsx'), file('utils/format.ts'), file('components/Stat.css')]),
    module('components/Icon.tsx'),
    module('platform/messaging.ts', [file('utils/format.ts'), pkg('@webext-core/messaging')]),
    module('utils/format.ts', [file('utils/zod.ts')]),
    module('utils/zod.ts', [pkg('zod')]),
  ];

  it('passes a graph that keeps the layout', () => {
    expect(checkArchitecture(kept)).toEqual([]);
  });

  it.each([
    ['utils-imports-only-utils', module('utils/store.ts', [file('platform/messaging.ts')]), 'platform/messaging.ts'],
    ['utils-imports-only-utils', module('utils/view.ts', [file('components/Stat.tsx')]), 'components/Stat.tsx'],
    ['utils-imports-no-extension-package', module('utils/store.ts', [pkg('wxt/utils/storage')]), 'wxt/utils/storage'],
    ['utils-imports-no-extension-package', module('utils/ask.ts', [pkg('@webext-core/messaging')]), '@webext-core'],
    ['utils-names-no-extension-global', module('utils/speak.ts', [], ['chrome.tts']), 'uses chrome.tts'],
    [
      'components-import-no-hooks-entrypoints-platform',
      module('components/A.tsx', [file('hooks/use-view.ts')]),
      'hooks/',
    ],
    [
      'components-import-no-hooks-entrypoints-platform',
      module('components/A.tsx', [file('entrypoints/popup/App.tsx')]),
      'entrypoints/popup/App.tsx',
    ],
    [
      'components-import-no-hooks-entrypoints-platform',
      module('components/A.tsx', [file('platform/messaging.ts')]),
      'platform/messaging.ts',
    ],
    ['hooks-import-no-entrypoints', module('hooks/use-page.ts', [file('entrypoints/popup/App.tsx')]), 'entrypoints/'],
    ['platform-imports-no-pages', module('platform/open.ts', [file('hooks/use-view.ts')]), 'hooks/use-view.ts'],
    ['zod-only-through-utils-zod', module('utils/schema.ts', [pkg('zod')]), 'imports zod'],
    ['imports-resolve', module('utils/lost.ts', [{ kind: 'missing', specifier: './gone' }]), './gone (no such file)'],
  ] as const)('reports %s', (rule, offender, named) => {
    const violations = checkArchitecture([...kept, offender]);
    expect(violations).toEqual([expect.objectContaining({ rule, file: offender.path })]);
    expect(violations.map(formatViolation).join('\n')).toContain(named);
  });

  it('reports an import cycle with its whole path', () => {
    const cycle = [
      module('utils/a.ts', [file('utils/b.ts')]),
      module('utils/b.ts', [file('utils/c.ts'), file('utils/zod.ts')]),
      module('utils/c.ts', [file('utils/a.ts')]),
    ];
    expect(checkArchitecture([...kept, ...cycle])).toEqual([
      {
        rule: 'no-import-cycle',
        file: 'utils/a.ts',
        detail: 'starts the cycle utils/a.ts → utils/b.ts → utils/c.ts → utils/a.ts',
      },
    ]);
  });

  it('reports a file that imports itself', () => {
    expect(checkArchitecture([module('hooks/use-self.ts', [file('hooks/use-self.ts')])])).toEqual([
      {
        rule: 'no-import-cycle',
        file: 'hooks/use-self.ts',
        detail: 'starts the cycle hooks/use-self.ts → hooks/use-self.ts',
      },
    ]);
  });
});

describe('reading a source file', () => {
  it('finds every form of import and re-export, and nothing that only looks like one', () => {
    const source = [
      "import { a,\n  b } from './multi-line';",
      "import type { T } from '../types';",
      "import './style.css';",
      "export * from './all';",
      'export { c } from "./double";',
      "type M = typeof import('./typed');",
      "// import { gone } from './commented';",
      "/* export * from './block'; */",
      'const text = "import x from \'./in-a-string\'";',
      "const pattern = /import x from '.\\/in-a-regex'/;",
      'const template = `import y from "./in-a-template"`;',
      "const later = await import('./dynamic');",
    ].join('\n');
    expect(scanSource(source).specifiers).toEqual([
      './multi-line',
      '../types',
      './style.css',
      './all',
      './double',
      './typed',
      './dynamic',
    ]);
  });

  it('finds extension globals in code and in template expressions, not in comments, text or properties', () => {
    const source = [
      'browser.tabs.query({});',
      'const tts = globalThis.chrome;',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample source holds a template literal
      'const label = `${chrome.runtime.id} asks the browser. Twice`;',
      '// browser.runtime, in a comment',
      "const words = 'the browser.runtime API';",
      'const own = api.browser.tabs;',
      'const ratio = width / 2; const other = browser?.i18n;',
    ].join('\n');
    expect(scanSource(source).extensionGlobals).toEqual([
      'browser.tabs',
      'globalThis.chrome',
      'chrome.runtime',
      'browser?.i18n',
    ]);
  });

  it('resolves imports as the bundler does', () => {
    const files = new Set(['utils/zod.ts', 'utils/connection/index.ts', 'components/Stat.tsx', 'components/Stat.css']);
    const exists = (path: string) => files.has(path);
    expect(resolveImport('utils/protocol/fields.ts', '../zod', exists)).toEqual(file('utils/zod.ts'));
    expect(resolveImport('entrypoints/background/index.ts', '../../utils/connection', exists)).toEqual(
      file('utils/connection/index.ts'),
    );
    expect(resolveImport('components/Stat.tsx', './Stat.css', exists)).toEqual(file('components/Stat.css'));
    expect(resolveImport('hooks/use-view.ts', '@/utils/zod', exists), 'WXT’s root alias').toEqual(file('utils/zod.ts'));
    expect(resolveImport('utils/zod.ts', 'zod', exists)).toEqual(pkg('zod'));
    expect(resolveImport('utils/zod.ts', './gone', exists)).toEqual({ kind: 'missing', specifier: './gone' });
  });
});
