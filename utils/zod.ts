import * as z from 'zod/mini';

// zod/mini is the same library with a functional API (`z.optional(x)` rather than `x.optional()`), so a
// bundle carries only the parts its schemas use: the classic API brought all of zod into every page.
//
// Extension pages and workers run under a CSP without 'unsafe-eval', so zod's compiled fast path cannot
// work there; saying so up front spares it the failed probe. Every schema imports z from here.
z.config({ jitless: true });

/**
 * Issues described in English ("Too big: expected array to have <=1000 items"), as the classic API does by
 * default; without this each reads "Invalid input". Only the worker logs issues, so only it pays for the text.
 */
export const enableIssueMessages = () => z.config(z.locales.en());

/**
 * `schema.check(...checks)`, in a form a bundler may drop when the schema goes unused. A bundler must assume
 * that a method call has effects, so a schema built with `.check` would stay in every bundle that reaches its
 * module, along with every schema it refers to.
 */
export const checked = /* @__NO_SIDE_EFFECTS__ */ <T extends z.ZodMiniType>(
  schema: T,
  ...checks: z.core.$ZodCheck<z.output<T>>[]
): T => schema.check(...checks);

export { z };
