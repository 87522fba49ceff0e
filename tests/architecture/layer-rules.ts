import type { ImportTarget } from './module-graph';

/** One rule of the layout: files it applies to must not import what it forbids. */
export interface LayerRule {
  name: string;
  /** Why the rule exists; printed with each violation so the reader knows what to fix. */
  why: string;
  appliesTo: (path: string) => boolean;
  forbids: (target: ImportTarget) => boolean;
}

const under =
  (...folders: string[]) =>
  (path: string) =>
    folders.some((folder) => path.startsWith(folder));

const fileUnder =
  (...folders: string[]) =>
  (target: ImportTarget) =>
    target.kind === 'file' && under(...folders)(target.path);

const fileOutside = (folder: string) => (target: ImportTarget) =>
  target.kind === 'file' && !target.path.startsWith(folder);

// Packages that are the extension APIs or wrap them: the shell's business, never the core's.
const EXTENSION_PACKAGES = /^(wxt|@wxt-dev\/[^/]+|@webext-core\/[^/]+|webextension-polyfill)(\/|$)/;

const extensionPackage = (target: ImportTarget) => target.kind === 'package' && EXTENSION_PACKAGES.test(target.name);

/** The layout of README's Architecture section: entrypoints → hooks → components → utils, platform beside. */
export const LAYER_RULES: readonly LayerRule[] = [
  {
    name: 'utils-imports-only-utils',
    why: 'utils/ is the pure core and depends on nothing around it',
    appliesTo: under('utils/'),
    forbids: fileOutside('utils/'),
  },
  {
    name: 'utils-imports-no-extension-package',
    why: 'utils/ runs without a browser: wxt and the extension API wrappers belong in platform/',
    appliesTo: under('utils/'),
    forbids: extensionPackage,
  },
  {
    name: 'components-import-no-hooks-entrypoints-platform',
    why: 'components are presentational: props in, JSX out; state and browser access come from above',
    appliesTo: under('components/'),
    forbids: fileUnder('hooks/', 'entrypoints/', 'platform/'),
  },
  {
    name: 'hooks-import-no-entrypoints',
    why: 'hooks serve every page, so they cannot depend on one',
    appliesTo: under('hooks/'),
    forbids: fileUnder('entrypoints/'),
  },
  {
    name: 'platform-imports-no-pages',
    why: 'platform/ wraps browser APIs for pages and worker alike and knows none of them',
    appliesTo: under('platform/'),
    forbids: fileUnder('entrypoints/', 'hooks/', 'components/'),
  },
  {
    name: 'zod-only-through-utils-zod',
    why: 'utils/zod.ts configures zod for the extension CSP (jitless) before any schema is built',
    appliesTo: (path) => path !== 'utils/zod.ts',
    forbids: (target) => target.kind === 'package' && (target.name === 'zod' || target.name.startsWith('zod/')),
  },
];
