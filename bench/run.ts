// `npm run bench`: runs every benchmark in this folder, one process each, so one
// benchmark's garbage and JIT state do not colour the next. Numbers are printed,
// never asserted: performance targets live here, not in the tests.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const helpers = new Set(['run.ts', 'reference-server.ts', 'ratio-chart.ts', 'cpu-profile-top.ts']);
const benches = readdirSync(here).filter((f) => f.endsWith('.ts') && !helpers.has(f) && (!only || f.includes(only))).sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n# ${file}`);
  const r = spawnSync(process.execPath, [here + file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
