// Child entry for the core section: `tsx bench/core-child.ts jitless|jit` prints CoreResults as JSON.
// The extension runs zod without eval (MV3's CSP forbids `new Function`) and zod picks its code path when
// each schema is built, so the switch has to come before utils/ is imported. Both modes run as children
// so they start from the same clean heap, apart from the browsers the later sections launch.
import { z } from 'zod';

z.config({ jitless: process.argv[2] === 'jitless' });
const { measureCore } = await import('./core.ts');
process.stdout.write(JSON.stringify(measureCore()));
