import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareCommand, reportFolders } from '../../cli/compare.ts';
import type { RunOptions } from '../../cli/run.ts';
import { UsageError } from '../../cli/usage.ts';

test('one report folder per target, by its slug, told apart where two share one', () => {
  assert.deepEqual(reportFolders(['reference', 'reference=24.8', 'clickhouse-binary=/a', 'clickhouse-binary=/b', 'http://h:8123']),
    ['reference', 'reference-24.8', 'clickhouse-binary', 'clickhouse-binary-2', 'h_8123']);
});

test('compare runs every target in turn, even after one fails or cannot start, then writes the matrix', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'olapspec-compare-'));
  const calls: RunOptions[] = [];
  const runner = async (options: RunOptions): Promise<number> => {
    calls.push(options);
    if (options.target === 'broken') throw new Error('no such server');
    await mkdir(options.report!, { recursive: true });
    const status = options.target === 'reference' ? 'passed' : 'failed';
    await writeFile(join(options.report!, 'results.json'), JSON.stringify({ target: options.target, url: '', version: '1.1', date: '2026-01-01T00:00:00Z',
      counts: { [status]: 1 }, scenarios: [{ name: 's', uri: 'f.feature', line: 1, tags: [], status }] }));
    return status === 'passed' ? 0 : 1;
  };
  const status = await compareCommand(['--target', 'reference', '--target', 'broken', '--target', 'http://x:1', '--tags', '@a', '--report', dir], runner);
  assert.equal(status, 1);
  assert.deepEqual(calls.map((c) => [c.target, c.tags, c.report]),
    [['reference', '@a', join(dir, 'reference')], ['broken', '@a', join(dir, 'broken')], ['http://x:1', '@a', join(dir, 'x_1')]]);
  const matrix = JSON.parse(await readFile(join(dir, 'matrix.json'), 'utf8'));
  assert.deepEqual(matrix.columns.map((c: { label: string }) => c.label), ['http://x:1 1.1', 'reference 1.1']);
  assert.equal(matrix.rows[0].divergent, true);
  assert.equal(await compareCommand(['--target', 'reference', '--report', dir], runner), 0);
});

test('compare needs a target, and takes only its own flags', async () => {
  await assert.rejects(compareCommand([]), UsageError);
  await assert.rejects(compareCommand(['--target', 'a', '--user', 'x']), /Unknown option '--user'/);
});
