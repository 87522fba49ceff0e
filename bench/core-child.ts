// Child entry for the core section: `tsx bench/core-child.ts` prints CoreResults as JSON. Zod runs jitless as
// in the extension (utils/zod.ts), so there is one mode. A child all the same: the section allocates several
// hundred MB (the 100,000-user snapshot, its CSV and stored JSON, three runs each), and a clean process keeps
// its timings free of the bench's own modules and its garbage out of the process whose simulator later feeds
// the browser sections.
import { measureCore } from './core.ts';

process.stdout.write(JSON.stringify(measureCore()));
