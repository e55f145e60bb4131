// `npm test`: typecheck, unit tests, the features on the reference (as
// ClickHouse 26.7 and as 24.8), and the features on the real ClickHouse
// servers the machine has: 18.16 (Debian's clickhouse-server) and 26.7 (libchdb
// from the optional npm package), directly and in containers when a Docker
// answers at DOCKER_HOST. Each stage runs to the end even if an
// earlier one failed, and the last line counts the stages. With
// OLAPSPEC_REQUIRE_REAL=1 (.ci/run sets it) a missing real server fails the
// run instead of being skipped, so CI never passes without checking the truth.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findClickHouseBinary } from '../steps/targets/clickhouse_binary.ts';
import { findLibChdb } from '../steps/targets/clickhouse_chdb.ts';
import { dockerEndpoint } from '../steps/targets/docker_api.ts';

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

const run = (target: string, tags: string, report: string): string[] =>
  ['bin/olapspec.js', 'run', '--target', target, '--tags', tags, '--report', report];

const stages: Stage[] = [
  { name: 'typecheck (tsc --noEmit)', args: ['node_modules/typescript/bin/tsc', '--noEmit'] },
  { name: 'unit tests', args: ['--test', 'test/**/*.test.ts'] },
  // Every step of every feature has exactly one definition (strict: undefined or ambiguous steps fail).
  { name: 'step definitions (cucumber-js --dry-run)', args: ['node_modules/@cucumber/cucumber/bin/cucumber.js', '--dry-run', '--format', 'summary'] },
  // ClickHouse and StarRocks apart, so that one product's progress never hides the other's.
  { name: 'ClickHouse features on the reference (as 26.7)', args: run('reference', 'not @starrocks', 'reports/reference') },
  { name: 'ClickHouse features on the reference (as 24.8)', args: run('reference=24.8', 'not @starrocks', 'reports/reference-24.8') },
  { name: 'StarRocks features on the reference', args: run('reference', '@starrocks', 'reports/reference-starrocks') },
];

const missing: string[] = [];
const clickhouse = await findClickHouseBinary();
if (clickhouse) {
  stages.push({ name: `ClickHouse features on a real ClickHouse server (${clickhouse})`,
    args: run(`clickhouse-binary=${clickhouse}`, 'not @starrocks', 'reports/clickhouse-binary') });
} else {
  missing.push('features on a real clickhouse-server: no clickhouse-server binary is installed (on PATH or in /usr/sbin); ' +
    '`apt-get install clickhouse-server` or `bash .ci/run` installs one');
}
const chdb = await findLibChdb();
if (chdb.path) {
  stages.push({ name: 'ClickHouse features on a real ClickHouse 26.7 (libchdb)',
    args: run('clickhouse-chdb', 'not @starrocks', 'reports/clickhouse-chdb') });
} else {
  missing.push(`features on ClickHouse 26.7 from libchdb: ${chdb.why}`);
}

// The same two real servers in containers (images made here by `olapspec images build`), with the same expectation files.
const { docker, why: noDocker } = await dockerEndpoint();
if (docker && process.getuid?.() === 0) {
  stages.push({ name: 'local images (olapspec images build)', args: ['bin/olapspec.js', 'images', 'build'] });
  for (const image of ['olapspec/clickhouse-server:18.16', 'olapspec/clickhouse:26.7']) {
    stages.push({ name: `ClickHouse features in a container (${image})`,
      args: run(`clickhouse-container=${image}`, 'not @starrocks', `reports/clickhouse-container_${image.replace(/[/:]/g, '_')}`) });
  }
} else {
  missing.push(`features in containers: ${noDocker ?? 'building the images needs root (debootstrap, chroot)'}; ` +
    '`bash .ci/run` starts a private dockerd');
}
if (chdb.path) {
  // The reference against real 26.7 on seeded generated requests: no category may agree less than its committed baseline.
  stages.push({ name: 'the reference against ClickHouse 26.7 (olapspec diff, 600 seeded cases)',
    args: ['bin/olapspec.js', 'diff', '--cases', '600', '--seed', '1', '--show', '2', '--baseline', 'test/diff/baseline.json',
      '--json', 'reports/diff.json'] });
  // Categories outside the rotation (cli/diff/cases.ts OWN_RUN_CATEGORIES), each checked on its own.
  stages.push({ name: 'the reference against ClickHouse 26.7 on queries (olapspec diff --only queries, 300 seeded cases)',
    args: ['bin/olapspec.js', 'diff', '--only', 'queries', '--cases', '300', '--seed', '1', '--show', '2', '--baseline', 'test/diff/baseline.json',
      '--json', 'reports/diff-queries.json'] });
  stages.push({ name: 'every ClickHouse scenario checked against a real server', args: ['bin/olapspec.js', 'truth', '--report', 'reports'] });
}

let passed = 0;
let failed = 0;
for (const stage of stages) {
  if (await runStage(stage)) passed++;
  else failed++;
}
const required = process.env.OLAPSPEC_REQUIRE_REAL === '1';
for (const why of missing) process.stdout.write(`\n=== ${why}: ${required ? 'FAILED (OLAPSPEC_REQUIRE_REAL=1)' : 'SKIPPED'}\n`);
if (required) failed += missing.length;
const skipped = required ? 0 : missing.length;

// The comparison of the runs above, for a reader, whatever they found; then the
// dashboard of those very runs opened in Chromium, its counts checked against
// matrix.json and a screenshot saved (reports/matrix.png).
if (await runStage({ name: 'the targets side by side', args: ['bin/olapspec.js', 'matrix', '--report', 'reports'] })) {
  process.env.OLAPSPEC_DASHBOARD = 'reports';
  if (await runStage({ name: 'the dashboard in Chromium', args: ['--test', 'test/suite/dashboard.test.ts'] })) passed++;
  else failed++;
  delete process.env.OLAPSPEC_DASHBOARD;
}

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed === 0 ? 0 : 1;
