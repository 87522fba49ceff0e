import { z } from 'zod';

// Extension pages and workers run under a CSP without 'unsafe-eval', so zod's compiled fast path cannot
// work there; saying so up front spares it the failed probe. Every schema imports z from here.
z.config({ jitless: true });

export { z };
