import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMatrix, matrixMarkdown, writeMatrix } from '../../cli/matrix.ts';
import type { RunResults } from '../../steps/runner.ts';

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
  const report = checkTruth([modern, old, run('reference', '26.7.2.1', '2026-01-01T00:00:00Z', { d: 'passed' })], () => '')!;
  assert.deepEqual([report.checked, report.expected, report.ranged], [1, 1, 1]);
  assert.deepEqual(report.unchecked.map((u) => u.scenario.name), ['d', 'e'], 'the reference is no evidence');
  // A range no run covers counts only with the source it was read from named above it.
  const between = run('clickhouse-chdb', '26.7.2.1', '2026-01-01T00:00:00Z', { f: 'skipped', g: 'skipped' });
  const older = run('clickhouse-binary', '18.16.1', '2026-01-01T00:00:00Z', { f: 'skipped', g: 'skipped' });
  const cited = checkTruth([between, older], (sc) => (sc.name === 'f' ? '# Read in PR #68800 (cancelWithException).' : '# no reason given'))!;
  assert.equal(cited.fromSource, 1);
  assert.deepEqual(cited.unchecked.map((u) => u.scenario.name), ['g']);
  assert.equal(checkTruth([old]), undefined);
});

test('truth reads the comment lines right above a scenario, above its tags', async () => {
  const { commentAbove } = await import('../../cli/truth.ts');
  const feature = ['Feature: f', '', '  # other', '', '  # Read in PR #1', '  # and src/Server/X.cpp', '  @since:24.11 @until:25.11', '  Scenario: s'].join('\n');
  assert.equal(commentAbove('x.feature', 8, () => feature), '# Read in PR #1\n# and src/Server/X.cpp');
  assert.equal(commentAbove('x.feature', undefined, () => feature), '');
});

test('cells: a skip outside the scenario\'s version range is told apart from other skips, with the range', () => {
  const tags = ['@clickhouse', '@doc:compression', '@since:24.3'];
  const old = run('clickhouse-binary', '18.16.1', '2026-01-01T00:00:00Z', {});
  old.scenarios = [
    { name: 'zstd', uri: 'f.feature', line: 3, tags, status: 'skipped' },
    { name: 'https', uri: 'f.feature', line: 9, tags: ['@clickhouse', '@https'], status: 'skipped' },
    { name: 'gzip', uri: 'f.feature', line: 12, tags: ['@clickhouse', '@until:23.1'], status: 'failed', message: 'boom' },
  ];
  const modern = run('clickhouse-chdb', '26.7.2.1', '2026-01-01T00:00:00Z', {});
  modern.scenarios = [
    { name: 'zstd', uri: 'f.feature', line: 3, tags, status: 'expected-failure', reason: 'no zstd in libchdb' },
    { name: 'gzip', uri: 'f.feature', line: 12, tags: ['@clickhouse', '@until:23.1'], status: 'skipped' },
  ];
  const matrix = buildMatrix([old, modern]);
  const [zstd, https, gzip] = ['zstd', 'https', 'gzip'].map((n) => matrix.rows.find((r) => r.scenario === n)!);
  assert.deepEqual(zstd!.cells[0], { state: 'skipped-by-version', status: 'skipped', range: '≥24.3',
    detail: 'skipped: the scenario\'s version range excludes 18.16.1 (18.16.1 is older than 24.3)' });
  assert.deepEqual(zstd!.cells[1], { state: 'expected-failure', status: 'expected-failure', detail: 'no zstd in libchdb' });
  assert.deepEqual(https!.cells.map((c) => c.state), ['skipped', 'not-run']);
  assert.deepEqual(gzip!.cells.map((c) => [c.state, c.range ?? c.detail]), [['failed', 'boom'], ['skipped-by-version', '<23.1']]);
  assert.deepEqual(matrix.rows.map((r) => [r.scenario, r.failing, r.divergent]), [['zstd', true, false], ['https', false, false], ['gzip', true, false]]);
  assert.match(matrixMarkdown(matrix), /\| f\.feature \| zstd \| – ≥24\.3 \| xfail \|/);
});

test('pass rates per target and per section: feature files and @doc: pages', () => {
  const a = run('a', '26.7.2.1', '2026-01-01T00:00:00Z', {});
  a.scenarios = [
    { name: 'one', uri: 'features/x.feature', line: 1, tags: ['@doc:p'], status: 'passed' },
    { name: 'two', uri: 'features/x.feature', line: 2, tags: ['@doc:p'], status: 'failed' },
    { name: 'three', uri: 'features/y.feature', line: 1, tags: ['@doc:q'], status: 'passed' },
    { name: 'four', uri: 'features/y.feature', line: 2, tags: ['@doc:p', '@since:27.1'], status: 'skipped' },
  ];
  const matrix = buildMatrix([a]);
  const byId = Object.fromEntries(matrix.sections.map((s) => [s.id, s]));
  assert.deepEqual(Object.keys(byId), ['all', 'feature:features/x.feature', 'feature:features/y.feature', 'doc:@doc:p', 'doc:@doc:q']);
  assert.deepEqual(matrix.columns[0]!.summary,
    { passed: 2, failed: 1, expected: 0, skippedByVersion: 1, skipped: 0, notRun: 0, ran: 3, percent: 66 });
  assert.equal(byId['doc:@doc:p']!.scenarios, 3);
  assert.equal(byId['doc:@doc:p']!.columns[0]!.percent, 50);
  assert.equal(byId['feature:features/y.feature']!.columns[0]!.percent, 100);
  assert.match(matrixMarkdown(matrix), /## Pass rate by section\n\n\| section \| a 26\.7\.2\.1 \|\n\| --- \| --- \|\n\| \*\*all scenarios\*\* \| 66% \(2\/3\) \|\n\| x \| 50% \(1\/2\) \|/);
});

test('a run made before a feature file gained a line still meets the runs made after it', () => {
  const before = run('a', '1.1', '2026-01-01T00:00:00Z', {});
  before.scenarios = [{ name: 's', uri: 'f.feature', line: 10, tags: [], status: 'passed' }];
  const after = run('b', '1.1', '2026-01-02T00:00:00Z', {});
  after.scenarios = [{ name: 's', uri: 'f.feature', line: 11, tags: [], status: 'failed' }];
  const matrix = buildMatrix([before, after]);
  assert.equal(matrix.rows.length, 1);
  assert.deepEqual(matrix.rows[0]!.statuses, ['passed', 'failed']);
  assert.equal(matrix.rows[0]!.divergent, true);
});

test('matrix.json holds what the page shows', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'olapspec-matrix-'));
  await writeFile(join(dir, 'results.json'), JSON.stringify(run('reference', '24.8.1.1', '2026-01-01T00:00:00Z', { a: 'passed', b: 'failed' })));
  const { files } = await writeMatrix(dir);
  assert.deepEqual(files.map((f) => f.slice(dir.length + 1)), ['matrix.html', 'matrix.md', 'matrix.json']);
  const json = JSON.parse(await readFile(files[2]!, 'utf8'));
  assert.deepEqual(Object.keys(json), ['generated', 'columns', 'sections', 'rows']);
  assert.equal(json.columns[0].summary.percent, 50);
  const html = await readFile(files[0]!, 'utf8');
  assert.match(html, /<span data-percent>50%<\/span>/);
  assert.doesNotMatch(html, /<script[^>]+src=|<link\b/, 'self-contained');
});
