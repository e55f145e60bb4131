// `olapspec serve --faults`: the line that names the faults and the seed that
// replays them, and a usage error for a spec that does not parse.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('../../bin/olapspec.js', import.meta.url));
const PORTS = ['--clickhouse-port', '0', '--fe-port', '0', '--fe-query-port', '0', '--be-port', '0', '--cn-port', '0'];

test('serve --faults prints the faults and their seed after the listening lines', async () => {
  const lines = await new Promise<string[]>((resolve, reject) => {
    const child = spawn(process.execPath, [LAUNCHER, 'serve', '--faults', 'delay=5ms,probability=0.5,seed=3', ...PORTS], { stdio: ['ignore', 'pipe', 'inherit'] });
    const out: string[] = [];
    const timer = setTimeout(() => { child.kill(); reject(new Error(`no faults line: ${JSON.stringify(out)}`)); }, 30_000);
    createInterface({ input: child.stdout }).on('line', (l) => {
      out.push(l);
      if (l.startsWith('faults ')) {
        clearTimeout(timer);
        child.once('exit', () => resolve(out));
        child.kill('SIGTERM');
      }
    });
    child.once('error', reject);
  });
  assert.equal(lines.at(-1), 'faults delay=5ms,probability=0.5 (seed 3); requests may ask for others with X-Olapspec-Fault');
  assert.ok(lines.some((l) => l.startsWith('clickhouse http listening on ')), JSON.stringify(lines));
});

test('serve --faults with a mistake is a usage error that names it', async () => {
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [LAUNCHER, 'serve', '--faults', 'delay=soon', ...PORTS], { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.on('data', (d: Buffer) => { text += d.toString(); });
    child.once('exit', (c) => resolve({ code: c, stderr: text }));
  });
  assert.equal(code, 2);
  assert.match(stderr, /^olapspec: --faults: delay must be a duration such as 200ms or 2s, not 'soon'$/m);
});
