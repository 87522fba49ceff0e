// Child entry for the core section: `node --expose-gc --import tsx bench/core-child.ts` prints CoreResults as
// JSON on stdout, progress on stderr. Zod runs jitless as in the extension (utils/zod.ts), so there is one
// mode. A child all the same: the section allocates several hundred MB (snapshots of up to 300,000 users,
// their CSV and stored JSON), and a clean process keeps its timings free of the bench's own modules and its
// garbage out of the process whose simulator later feeds the browser sections. --expose-gc lets the scaling
// table collect garbage before and after a state is built, to weigh the heap that state keeps.
import { measureCore } from './core.ts';

process.stdout.write(JSON.stringify(measureCore((line) => process.stderr.write(`${line}\n`))));
