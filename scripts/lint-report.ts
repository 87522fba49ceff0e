import { z } from '../utils/zod';

// The parts of `web-ext lint --output json` this project reads (addons-linter's report format).
const findingSchema = z.object({
  code: z.string(),
  message: z.string(),
  file: z.optional(z.string()),
  line: z.optional(z.number()),
  column: z.optional(z.number()),
});

export const lintReportSchema = z.object({
  errors: z.array(findingSchema),
  warnings: z.array(findingSchema),
  notices: z.array(findingSchema),
});

export type LintFinding = z.infer<typeof findingSchema>;
export type LintReport = z.infer<typeof lintReportSchema>;

/** A warning we cannot fix, with the reason README's "Store" section gives for it. */
export interface ExplainedWarning {
  finding: LintFinding;
  why: string;
}

export interface JudgedReport {
  /** Errors, and warnings nobody has explained: each is ours to fix before an upload. */
  toFix: LintFinding[];
  explained: ExplainedWarning[];
  notices: LintFinding[];
}

// Preact sets innerHTML in exactly one place: an element given `dangerouslySetInnerHTML={{ __html }}`.
// Minified, that reads `el.innerHTML=props.__html` whatever the names became; our code never uses the prop
// (tests/text-only-rendering.test.ts), so the line is never reached.
const PREACT_INNER_HTML = /\.innerHTML\s*=\s*[\w$]+\.__html/;
const AROUND = 60;

const isPreactInnerHtml = (finding: LintFinding, sourceOf: (file: string) => string | undefined): boolean => {
  if (finding.code !== 'UNSAFE_VAR_ASSIGNMENT' || !finding.file || !finding.line) return false;
  const line = sourceOf(finding.file)?.split('\n')[finding.line - 1];
  if (line === undefined) return false;
  const at = finding.column ?? 0;
  return PREACT_INNER_HTML.test(line.slice(Math.max(0, at - AROUND), at + AROUND));
};

/** Sorts a report into what must be fixed and what is explained; `sourceOf` reads a built file's text. */
export const judgeLintReport = (report: LintReport, sourceOf: (file: string) => string | undefined): JudgedReport => {
  const explained: ExplainedWarning[] = [];
  const unexplained: LintFinding[] = [];
  for (const finding of report.warnings) {
    if (isPreactInnerHtml(finding, sourceOf))
      explained.push({ finding, why: "Preact's dangerouslySetInnerHTML path, which this extension never uses" });
    else unexplained.push(finding);
  }
  return { toFix: [...report.errors, ...unexplained], explained, notices: report.notices };
};
