// The process the clickhouse-chdb target runs: it loads libchdb (ClickHouse as
// a library) and hands it a clickhouse-local command line that opens the HTTP
// listener and then keeps the call busy, so the server lives as long as this
// process. ffi-rs calls on the main thread's own stack: ClickHouse checks its
// stack depth, and a call on a foreign stack (koffi's) fails every query with
// TOO_DEEP_RECURSION.
//
//   node bin/chdb-host.ts LIBCHDB_PATH ARG...

import { Worker } from 'node:worker_threads';
import { DataType, load, open } from 'ffi-rs';

const [library, ...args] = process.argv.slice(2);
if (library === undefined) {
  process.stderr.write('usage: chdb-host.ts LIBCHDB_PATH ARG...\n');
  process.exit(2);
}
// The serving call below blocks the main thread for good, so a worker thread
// watches for the suite going away (this process re-parented) and takes the
// server down with it: an interrupted run never leaves one behind. (A
// parent-death signal from prctl does not survive ClickHouse's start-up.)
const parent = process.ppid;
new Worker(`
  setInterval(() => { if (process.ppid !== ${parent}) process.kill(process.pid, 'SIGKILL'); }, 500);
`, { eval: true }).unref();
open({ library: 'chdb', path: library });
// Returns only when the query ends: it does not, until the process is killed.
load({
  library: 'chdb',
  funcName: 'query_stable_v2',
  retType: DataType.External,
  paramsType: [DataType.I32, DataType.StringArray],
  paramsValue: [args.length + 1, ['clickhouse', ...args]],
});
process.stderr.write('libchdb: the serving query ended\n');
process.exit(1);
