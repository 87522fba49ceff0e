export interface MaskedSource {
  /** The text with comments blanked: import specifiers are read from here. */
  withoutComments: string;
  /** Also with the contents of strings, templates and regular expressions blanked: code alone. */
  codeOnly: string;
}

type Mode = 'code' | 'line-comment' | 'block-comment' | "'" | '"' | '`' | 'regex';

// Blanks keep every offset and line of the original, so a match in one text can be read in the other.
const blank = (char: string) => (char === '\n' ? '\n' : ' ');

// A slash opens a regular expression after an operator, an opening bracket or one of these keywords, and
// divides after a value (a name, a number, a closing bracket). A guess, as in every tokenizer without a parser.
const REGEX_AFTER_CHARS = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'void', 'yield']);

const opensRegex = (code: readonly string[]) => {
  let end = code.length - 1;
  while (end >= 0 && /\s/.test(code[end] ?? '')) end -= 1;
  if (end < 0) return true;
  const previous = code[end] ?? '';
  if (REGEX_AFTER_CHARS.has(previous)) return true;
  let start = end;
  while (start > 0 && /[\w$]/.test(code[start - 1] ?? '')) start -= 1;
  return REGEX_AFTER_WORDS.has(code.slice(start, end + 1).join(''));
};

/**
 * Blanks comments, and separately the contents of literals, of TypeScript source. The lexical rules that
 * matter for finding imports and globals are followed (escapes, `${…}` inside templates, regular expressions);
 * JSX text is not understood, which is harmless here: imports come first, and `utils/` has no JSX.
 */
export const maskSource = (text: string): MaskedSource => {
  const kept: string[] = [];
  const code: string[] = [];
  const push = (keptChar: string, codeChar: string) => {
    kept.push(keptChar);
    code.push(codeChar);
  };
  // The brace depth at which each open `${` of a template closes.
  const templates: number[] = [];
  let depth = 0;
  let mode: Mode = 'code';
  let inClass = false;

  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    const next = text.charAt(index + 1);
    const escaped = char === '\\' && (mode === "'" || mode === '"' || mode === '`' || mode === 'regex');
    if (escaped) {
      push(char, ' ');
      push(next, blank(next));
      index += 1;
      continue;
    }
    switch (mode) {
      case 'code':
        if (char === '/' && (next === '/' || next === '*')) {
          mode = next === '/' ? 'line-comment' : 'block-comment';
          push(' ', ' ');
          push(' ', ' ');
          index += 1;
        } else if (char === '/' && opensRegex(code)) {
          mode = 'regex';
          inClass = false;
          push(char, char);
        } else if (char === "'" || char === '"' || char === '`') {
          mode = char;
          push(char, char);
        } else if (char === '}' && templates.at(-1) === depth) {
          templates.pop();
          depth -= 1;
          mode = '`';
          push(char, char);
        } else {
          if (char === '{') depth += 1;
          if (char === '}') depth -= 1;
          push(char, char);
        }
        break;
      case 'line-comment':
        if (char === '\n') mode = 'code';
        push(blank(char), blank(char));
        break;
      case 'block-comment':
        if (char === '*' && next === '/') {
          mode = 'code';
          push(' ', ' ');
          push(' ', ' ');
          index += 1;
        } else push(blank(char), blank(char));
        break;
      case "'":
      case '"': {
        // A line break ends an unterminated string: one stray quote must not swallow the rest of the file.
        const closes = char === mode || char === '\n';
        if (closes) mode = 'code';
        push(char, closes ? char : blank(char));
        break;
      }
      case '`':
        if (char === '`') {
          mode = 'code';
          push(char, char);
        } else if (char === '$' && next === '{') {
          depth += 1;
          templates.push(depth);
          mode = 'code';
          push(char, char);
          push(next, next);
          index += 1;
        } else push(char, blank(char));
        break;
      case 'regex':
        if (char === '[') inClass = true;
        if (char === ']') inClass = false;
        if ((char === '/' && !inClass) || char === '\n') {
          mode = 'code';
          push(char, char);
        } else push(char, blank(char));
        break;
    }
  }
  return { withoutComments: kept.join(''), codeOnly: code.join('') };
};
