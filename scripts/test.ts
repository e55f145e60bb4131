// `npm test`: typecheck, unit tests, the features on the reference, and the
// features on a real ClickHouse when one is installed. Each stage runs to the
// end even if an earlier one failed, and the last line counts the stages.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findClickHouseBinary } from '../steps/targets/clickhouse_binary.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Stage {
  name: string;
  args: string[];
}

function runStage({ name, args }: Stage): Promise<boolean> {
  process.stdout.write(`\n=== ${name}\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (err) => {
      process.stdout.write(`${name}: could not start: ${err.message}\n`);
      resolve(false);
    });
    child.on('exit', (code, signal) => {
      if (code !== 0) process.stdout.write(`=== ${name}: FAILED (${code ?? signal})\n`);
      resolve(code === 0);
    });
  });
}

const stages: Stage[] = [
  { name: 'typecheck (tsc --noEmit)', args: ['node_modules/typescript/bin/tsc', '--noEmit'] },
  { name: 'unit tests', args: ['--test', 'test/**/*.test.ts'] },
  // ClickHouse and StarRocks apart, so that one product's progress never hides the other's.
  { name: 'ClickHouse features on the reference', args: ['bin/olapspec.js', 'run', '--target', 'reference', '--tags', 'not @starrocks'] },
  { name: 'StarRocks features on the reference', args: ['bin/olapspec.js', 'run', '--target', 'reference', '--tags', '@starrocks',
    '--report', 'reports/reference-starrocks'] },
];

const clickhouse = await findClickHouseBinary();
let skipped = 0;
if (clickhouse) {
  stages.push({ name: `features on a real ClickHouse (${clickhouse})`, args: ['bin/olapspec.js', 'run', '--target', `clickhouse-binary=${clickhouse}`] });
}

let passed = 0;
let failed = 0;
for (const stage of stages) {
  if (await runStage(stage)) passed++;
  else failed++;
}
if (!clickhouse) {
  skipped++;
  process.stdout.write('\n=== features on a real ClickHouse: SKIPPED, no clickhouse-server binary is installed ' +
    '(on PATH or in /usr/sbin); `apt-get install clickhouse-server` or `bash .ci/run` installs one\n');
}

// Not a stage: the comparison of the runs above, for a reader, whatever they found.
await runStage({ name: 'the targets side by side', args: ['bin/olapspec.js', 'matrix', '--report', 'reports'] });

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed === 0 ? 0 : 1;
