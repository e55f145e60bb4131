import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMatrix, matrixMarkdown, writeMatrix } from '../../cli/matrix.ts';
import type { RunResults } from '../../cli/results.ts';

function run(target: string, version: string, date: string, statuses: Record<string, RunResults['scenarios'][number]['status']>): RunResults {
  const scenarios = Object.entries(statuses).map(([name, status]) => ({ name, uri: 'features/clickhouse/queries.feature', tags: [], status }));
  const counts: RunResults['counts'] = {};
  for (const s of scenarios) counts[s.status] = (counts[s.status] ?? 0) + 1;
  return { target, url: 'http://x', version, date, counts, scenarios };
}

test('one column per target and version; of two runs of one scenario the newer counts', () => {
  const matrix = buildMatrix([
    run('reference', '24.8.1.1', '2026-01-01T00:00:00Z', { a: 'failed' }),
    run('reference', '24.8.1.1', '2026-01-02T00:00:00Z', { a: 'passed', b: 'passed' }),
    run('clickhouse-binary', '18.16.1', '2026-01-01T00:00:00Z', { a: 'passed', b: 'skipped' }),
  ]);
  assert.deepEqual(matrix.columns.map((c) => c.label), ['clickhouse-binary 18.16.1', 'reference 24.8.1.1']);
  assert.deepEqual(matrix.rows.map((r) => [r.scenario, r.statuses]), [['a', ['passed', 'passed']], ['b', ['skipped', 'passed']]]);
  assert.ok(matrix.rows.every((r) => !r.divergent), 'a skip is not a disagreement');
});

test('runs of the same target fill one column together', () => {
  const matrix = buildMatrix([
    run('reference', '24.8.1.1', '2026-01-01T00:00:00Z', { clickhouse: 'passed' }),
    run('reference', '24.8.1.1', '2026-01-01T00:01:00Z', { starrocks: 'passed' }),
  ]);
  assert.equal(matrix.columns.length, 1);
  assert.deepEqual(matrix.columns[0]!.counts, { passed: 2 });
  assert.deepEqual(matrix.rows.map((r) => r.scenario).sort(), ['clickhouse', 'starrocks']);
});

test('a scenario that passes on one target and fails on another is marked', () => {
  const matrix = buildMatrix([
    run('reference', '24.8.1.1', '2026-01-01T00:00:00Z', { a: 'passed', c: 'passed' }),
    run('url', '24.3.2', '2026-01-01T00:00:00Z', { a: 'failed' }),
  ]);
  const a = matrix.rows.find((r) => r.scenario === 'a')!;
  const c = matrix.rows.find((r) => r.scenario === 'c')!;
  assert.equal(a.divergent, true);
  assert.deepEqual(c.statuses, ['passed', undefined], 'not run on the second target');
  assert.match(matrixMarkdown(matrix), /\*\*a\*\* \(targets differ\) \| ✔ \| ✘ \|/);
});

test('writes matrix.html and matrix.md from the results files under a reports folder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'olapspec-matrix-'));
  await mkdir(join(dir, 'reference'));
  await writeFile(join(dir, 'reference', 'results.json'), JSON.stringify(run('reference', '24.8.1.1', '2026-01-01T00:00:00Z', { 'x <y>': 'passed' })));
  const { files } = await writeMatrix(dir);
  const html = await readFile(files[0]!, 'utf8');
  assert.match(html, /x &lt;y&gt;/);
  assert.match(await readFile(files[1]!, 'utf8'), /\| features\/clickhouse\/queries.feature \| x <y> \| ✔ \|/);
});

test('the examples of a Scenario Outline, which share a name, keep a row each', () => {
  const outline = run('reference', '24.8.1.1', '2026-01-01T00:00:00Z', {});
  outline.scenarios = [
    { name: 'gzip or br', uri: 'f.feature', line: 10, tags: [], status: 'passed' },
    { name: 'gzip or br', uri: 'f.feature', line: 11, tags: [], status: 'failed' },
  ];
  assert.deepEqual(buildMatrix([outline]).rows.map((r) => r.statuses[0]), ['passed', 'failed']);
});

test('truth: every 26.7 scenario passed, is expected to fail, or is checked in its own version range', async () => {
  const { checkTruth } = await import('../../cli/truth.ts');
  const modern = run('clickhouse-chdb', '26.7.2.1', '2026-01-01T00:00:00Z',
    { a: 'passed', b: 'expected-failure', c: 'skipped', d: 'skipped', e: 'failed' });
  const old = run('clickhouse-binary', '18.16.1', '2026-01-01T00:00:00Z', { c: 'passed', d: 'failed' });
  const report = checkTruth([modern, old, run('reference', '26.7.2.1', '2026-01-01T00:00:00Z', { d: 'passed' })])!;
  assert.deepEqual([report.checked, report.expected, report.ranged], [1, 1, 1]);
  assert.deepEqual(report.unchecked.map((u) => u.scenario.name), ['d', 'e'], 'the reference is no evidence');
  assert.equal(checkTruth([old]), undefined);
});
