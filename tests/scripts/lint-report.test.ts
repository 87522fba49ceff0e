import { describe, expect, it } from 'vitest';
import { judgeLintReport, type LintFinding, lintReportSchema } from '../../scripts/lint-report';

// As Preact's renderer reads once minified, and a look-alike assignment of our own.
const PREACT_CHUNK = 'm?(a||(e.innerHTML=m.__html),t.__k=[]):(g&&(e.textContent=""))';
const OUR_CHUNK = 'const x=1;el.innerHTML=row.phone;';

const innerHtmlWarning = (file: string, column: number): LintFinding => ({
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  file,
  line: 1,
  column,
});

const files: Record<string, string> = { 'chunks/preact.js': PREACT_CHUNK, 'chunks/ours.js': OUR_CHUNK };
const sourceOf = (file: string) => files[file];

describe('judgeLintReport', () => {
  it("explains Preact's innerHTML assignment and nothing else", () => {
    const preact = innerHtmlWarning('chunks/preact.js', PREACT_CHUNK.indexOf('e.innerHTML'));
    const ours = innerHtmlWarning('chunks/ours.js', OUR_CHUNK.indexOf('el.innerHTML'));
    const judged = judgeLintReport({ errors: [], warnings: [preact, ours], notices: [] }, sourceOf);
    expect(judged.explained.map(({ finding }) => finding)).toEqual([preact]);
    expect(judged.toFix).toEqual([ours]);
  });

  it('leaves every error to fix, and a warning whose file cannot be read', () => {
    const error = { code: 'MANIFEST_PERMISSIONS', message: '/permissions: Invalid permission "tts"' };
    const unreadable = innerHtmlWarning('chunks/gone.js', 10);
    const judged = judgeLintReport({ errors: [error], warnings: [unreadable], notices: [] }, sourceOf);
    expect(judged.toFix).toEqual([error, unreadable]);
    expect(judged.explained).toEqual([]);
  });

  it('reads the report web-ext writes, ignoring what it does not need', () => {
    const report = lintReportSchema.parse({
      count: 1,
      summary: { errors: 0, notices: 0, warnings: 1 },
      metadata: { id: 'token-monitor-notifier@example.org' },
      errors: [],
      notices: [],
      warnings: [
        {
          _type: 'warning',
          code: 'UNSAFE_VAR_ASSIGNMENT',
          message: 'm',
          description: 'd',
          file: 'a.js',
          line: 1,
          column: 3,
        },
      ],
    });
    expect(report.warnings[0]?.file).toBe('a.js');
  });
});
