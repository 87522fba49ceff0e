// Types for check-size.mjs, which stays plain JavaScript so that it runs without a compile step.

export interface SizeRow {
  /** `background.js`, or a page such as `popup.html`. */
  name: string;
  /** The scripts counted, as paths inside the output folder. */
  files: string[];
  /** Their gzip -9 sizes, summed. */
  bytes: number;
  budget: number;
  ok: boolean;
}

export declare const BUDGETS: Readonly<Record<string, number>>;
export declare const measureSizes: (outDir: string, budgets?: Readonly<Record<string, number>>) => SizeRow[];
export declare const overBudget: (rows: readonly SizeRow[]) => string[];
