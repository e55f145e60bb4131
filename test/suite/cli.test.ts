import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('../../bin/olapspec.js', import.meta.url));
const olapspec = (...args: string[]) => spawnSync(process.execPath, [LAUNCHER, ...args], { encoding: 'utf8' });

test('--help prints the usage and succeeds', () => {
  const { status, stdout } = olapspec('--help');
  assert.equal(status, 0);
  assert.match(stdout, /olapspec run \[--target T\]/);
  assert.match(stdout, /olapspec serve \[--host 127\.0\.0\.1\] \[--clickhouse-port 8123\]/);
});

test('an unknown flag is a usage error with exit status 2', () => {
  const { status, stderr } = olapspec('run', '--bogus');
  assert.equal(status, 2);
  assert.match(stderr, /olapspec: Unknown option '--bogus'/);
});

test('an unknown command is a usage error with exit status 2', () => {
  const { status, stderr } = olapspec('frobnicate');
  assert.equal(status, 2);
  assert.match(stderr, /unknown command 'frobnicate'/);
});

test('a bad port is a usage error', () => {
  const { status, stderr } = olapspec('serve', '--clickhouse-port', 'eighty');
  assert.equal(status, 2);
  assert.match(stderr, /--clickhouse-port must be a port number/);
});

test('an unknown target fails before anything runs', () => {
  const { status, stderr } = olapspec('run', '--target', 'mysql');
  assert.equal(status, 1);
  assert.match(stderr, /unknown target 'mysql'/);
});
