/** Where an import leads, as the architecture checks classify it. */
export type ImportTarget =
  /** A relative (or root-alias) import that names a file of the repository; the path is repository-relative. */
  | { kind: 'file'; path: string }
  /** A bare specifier such as `zod` or `wxt/browser`. */
  | { kind: 'package'; name: string }
  /** A relative import that names no file: the checker would otherwise lose an edge without a word. */
  | { kind: 'missing'; specifier: string };

/** One source file as the checks see it. */
export interface SourceModule {
  /** Repository-relative, with forward slashes: `utils/zod.ts`. */
  path: string;
  /** Everything it imports or re-exports from, type-only imports included. */
  imports: readonly ImportTarget[];
  /** Extension API globals its code names (`browser.tabs`, `chrome.tts`); comments and strings do not count. */
  extensionGlobals: readonly string[];
}

/** Every `.ts`/`.tsx` file of the repository; a test builds a small one by hand. */
export type ModuleGraph = readonly SourceModule[];
