// `olapspec serve` binds 127.0.0.1 unless told otherwise, and says so when
// told to listen beyond loopback.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isLoopback } from '../../cli/serve.ts';

const LAUNCHER = fileURLToPath(new URL('../../bin/olapspec.js', import.meta.url));
const PORTS = ['--clickhouse-port', '0', '--fe-port', '0', '--fe-query-port', '0', '--be-port', '0', '--cn-port', '0'];

/** Starts serve, waits for its ClickHouse line, returns every line of both streams until then. */
function serveLines(args: string[]): Promise<{ stdout: string[]; stderr: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LAUNCHER, 'serve', ...args, ...PORTS], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { stdout: [] as string[], stderr: [] as string[] };
    const timer = setTimeout(() => { child.kill(); reject(new Error(`serve did not start: ${JSON.stringify(out)}`)); }, 30_000);
    createInterface({ input: child.stderr }).on('line', (l) => out.stderr.push(l));
    createInterface({ input: child.stdout }).on('line', (l) => {
      out.stdout.push(l);
      if (/^clickhouse http listening on /.test(l)) {
        clearTimeout(timer);
        child.once('exit', () => resolve(out));
        child.kill('SIGTERM');
      }
    });
    child.once('error', reject);
  });
}

test('loopback is 127.0.0.0/8, ::1 and localhost', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1']) assert.ok(isLoopback(h), h);
  for (const h of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.2', '128.0.0.1', 'example.com', '127.0.0.1.example.com']) assert.ok(!isLoopback(h), h);
});

test('by default serve listens on 127.0.0.1 and warns of nothing', async () => {
  const { stdout, stderr } = await serveLines([]);
  for (const line of stdout.filter((l) => l.includes(' listening on '))) assert.match(line, /:\/\/127\.0\.0\.1:\d+$/, line);
  assert.deepEqual(stderr.filter((l) => /warning/.test(l)), []);
});

// 192.0.2.1 (TEST-NET-1) is no address of this machine: the warning comes before the bind fails, and nothing ever listens beyond loopback.
test('serve --host beyond loopback prints a warning line saying so', async () => {
  const stderr = await new Promise<string>((resolve) => {
    const child = spawn(process.execPath, [LAUNCHER, 'serve', '--host', '192.0.2.1', ...PORTS], { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.on('data', (d: Buffer) => { text += d.toString(); });
    const timer = setTimeout(() => child.kill(), 30_000);
    child.once('exit', () => { clearTimeout(timer); resolve(text); });
  });
  assert.match(stderr, /^olapspec: warning: listening on 192\.0\.2\.1, beyond loopback: /m, stderr);
});
