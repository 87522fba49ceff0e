import type { TestResult } from '../../utils/connection/test-connection';

/** What the "Test connection" button has to show: nothing yet, a test under way, or its result. */
export type ConnectionTestState =
  | { phase: 'idle' }
  | { phase: 'running'; url: string }
  /** `url` is the address tested, so a result is not shown beside a different one. */
  | { phase: 'done'; url: string; result: TestResult };
