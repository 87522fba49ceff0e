import { maskSource } from './mask-source';

/** What the architecture checks read from one file's text. */
export interface SourceFacts {
  /** Every module specifier it imports or re-exports from, as written, in order. */
  specifiers: string[];
  /** Extension API globals named in its code, as written: `browser.tabs`, `chrome.tts`, `globalThis.chrome`. */
  extensionGlobals: string[];
}

// Matched in the code-only text, where a string's contents are blanks: an import written inside a string
// (a test's sample source) is not an import. The specifier is then read at the same offsets with its letters.
const STATEMENT = /(?<![\w$.])(?:import|export)\s[^;'"`]*?\bfrom\s*(['"][^'"\n]*['"])/dg;
const SIDE_EFFECT = /(?<![\w$.])import\s*(['"][^'"\n]*['"])/dg;
// import('…') loads a module; typeof import('…') names its type: both are dependencies.
const CALL = /(?<![\w$.])import\s*\(\s*(['"][^'"\n]*['"])\s*\)/dg;

const EXTENSION_GLOBAL =
  /(?<![\w$.])globalThis\s*\??\.\s*(?:browser|chrome)\b|(?<![\w$.])(?:browser|chrome)\s*\??\.\s*[\w$]+/g;

const quotedAt = (masked: string, withoutComments: string, pattern: RegExp) =>
  [...masked.matchAll(pattern)].flatMap((match) => {
    const span = match.indices?.[1];
    return span ? [{ at: span[0], specifier: withoutComments.slice(span[0] + 1, span[1] - 1) }] : [];
  });

/** Reads the imports and the extension globals of one TypeScript file. */
export const scanSource = (text: string): SourceFacts => {
  const { withoutComments, codeOnly } = maskSource(text);
  const specifiers = [STATEMENT, SIDE_EFFECT, CALL]
    .flatMap((pattern) => quotedAt(codeOnly, withoutComments, pattern))
    .sort((a, b) => a.at - b.at)
    .map(({ specifier }) => specifier);
  const extensionGlobals = [...codeOnly.matchAll(EXTENSION_GLOBAL)].map(([found]) => found.replace(/\s+/g, ''));
  return { specifiers, extensionGlobals };
};
