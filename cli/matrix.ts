// `olapspec matrix`: the results.json of several runs side by side, one column
// per target, so a reader sees at a glance where servers agree and where they part.
// Runs are kept as they were recorded; the matrix is derived, never edited by hand.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResults, ScenarioResult, ScenarioStatus } from './results.ts';

export interface MatrixColumn {
  label: string;
  target: string;
  version: string;
  date: string;
  counts: RunResults['counts'];
}

export interface MatrixRow {
  feature: string;
  scenario: string;
  /** One entry per column; undefined where that run did not include the scenario. */
  statuses: (ScenarioStatus | undefined)[];
  /** Two targets that both ran the scenario ended differently (passed vs failed). */
  divergent: boolean;
}

export interface Matrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
}

/** Finds results.json files in DIR and one level below it (reports/<target>/results.json). */
export async function findResults(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && entry.name === 'results.json') found.push(join(dir, entry.name));
    if (entry.isDirectory()) {
      const inner = join(dir, entry.name, 'results.json');
      if (await readFile(inner).then(() => true, () => false)) found.push(inner);
    }
  }
  return found.sort();
}

/**
 * Builds the matrix: one column per target and version. Runs of the same
 * target (say its ClickHouse and its StarRocks scenarios, run apart) fill one
 * column together; where two runs have the same scenario, the newer counts.
 */
export function buildMatrix(runs: RunResults[]): Matrix {
  const byLabel = new Map<string, RunResults[]>();
  for (const run of runs) {
    const label = `${run.target} ${run.version}`;
    byLabel.set(label, [...(byLabel.get(label) ?? []), run]);
  }
  const labels = [...byLabel.keys()].sort((a, b) => a.localeCompare(b));
  const columns: MatrixColumn[] = [];
  const rowIndex = new Map<string, MatrixRow>();
  labels.forEach((label, column) => {
    const group = byLabel.get(label)!.sort((a, b) => a.date.localeCompare(b.date));
    const merged = new Map<string, ScenarioResult>();
    // The line tells apart the examples of a Scenario Outline, which share their name.
    for (const run of group) for (const sc of run.scenarios) merged.set(`${sc.uri}\u0000${sc.line ?? ''}\u0000${sc.name}`, sc);
    const counts: RunResults['counts'] = {};
    for (const [key, sc] of merged) {
      counts[sc.status] = (counts[sc.status] ?? 0) + 1;
      let row = rowIndex.get(key);
      if (!row) {
        row = { feature: sc.uri, scenario: sc.name, statuses: new Array(labels.length).fill(undefined), divergent: false };
        rowIndex.set(key, row);
      }
      row.statuses[column] = sc.status;
    }
    const newest = group[group.length - 1]!;
    columns.push({ label, target: newest.target, version: newest.version, date: newest.date, counts });
  });
  const rows = [...rowIndex.values()].sort((a, b) => a.feature.localeCompare(b.feature));
  for (const row of rows) {
    const decided = new Set(row.statuses.filter((s) => s === 'passed' || s === 'failed' || s === 'expected-failure')
      .map((s) => (s === 'passed' ? 'passed' : 'failed')));
    row.divergent = decided.size > 1;
  }
  return { columns, rows };
}

const SYMBOL: Record<string, string> = { passed: '✔', failed: '✘', skipped: '–', 'expected-failure': 'x', 'unexpected-pass': '!' };
const symbol = (status: ScenarioStatus | undefined): string => (status === undefined ? ' ' : SYMBOL[status] ?? '?');

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const countsText = (counts: RunResults['counts']): string =>
  Object.entries(counts).map(([status, n]) => `${n} ${status}`).join(', ');

export function matrixMarkdown(matrix: Matrix): string {
  const head = ['feature', 'scenario', ...matrix.columns.map((c) => c.label)];
  const lines = [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    `| | **totals** | ${matrix.columns.map((c) => countsText(c.counts)).join(' | ')} |`,
  ];
  for (const row of matrix.rows) {
    const name = row.divergent ? `**${row.scenario}** (targets differ)` : row.scenario;
    lines.push(`| ${row.feature} | ${name.replace(/\|/g, '\\|')} | ${row.statuses.map(symbol).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

export function matrixHtml(matrix: Matrix): string {
  const header = matrix.columns
    .map((c) => `<th title="${escapeHtml(c.date)}">${escapeHtml(c.target)}<br><small>${escapeHtml(c.version)}</small></th>`)
    .join('');
  const totals = matrix.columns.map((c) => `<td>${escapeHtml(countsText(c.counts))}</td>`).join('');
  const body = matrix.rows.map((row) => {
    const cells = row.statuses.map((s) => `<td class="${s ?? 'absent'}">${symbol(s)}</td>`).join('');
    return `<tr${row.divergent ? ' class="divergent"' : ''}><td>${escapeHtml(row.feature)}</td><td>${escapeHtml(row.scenario)}</td>${cells}</tr>`;
  }).join('\n');
  const divergent = matrix.rows.filter((r) => r.divergent).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>olapspec matrix</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 2em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 2px 8px; }
td.passed { background: #e6f4e6; text-align: center; }
td.failed { background: #f8d7da; text-align: center; }
td.skipped, td.absent { color: #888; text-align: center; }
td.expected-failure { background: #fff3cd; text-align: center; }
td.unexpected-pass { background: #f8d7da; text-align: center; font-weight: bold; }
tr.divergent td:nth-child(2) { font-weight: bold; }
</style></head><body>
<h1>olapspec: targets side by side</h1>
<p>${matrix.rows.length} scenarios, ${matrix.columns.length} targets; ${divergent} scenarios end differently on two targets (in bold).
✔ passed, ✘ failed, x expected to fail there (the target's expectation file), ! passed but expected to fail,
– skipped (e.g. outside the scenario's version range), blank: not run there.</p>
<table>
<thead><tr><th>feature</th><th>scenario</th>${header}</tr></thead>
<tbody>
<tr><td></td><td><b>totals</b></td>${totals}</tr>
${body}
</tbody></table>
</body></html>
`;
}

/** Reads every results.json under DIR and writes matrix.html and matrix.md next to them (nothing when there is none). */
export async function writeMatrix(dir: string): Promise<{ matrix: Matrix; files: string[] }> {
  const paths = await findResults(dir);
  const runs = await Promise.all(paths.map(async (p) => JSON.parse(await readFile(p, 'utf8')) as RunResults));
  const matrix = buildMatrix(runs);
  if (matrix.columns.length === 0) return { matrix, files: [] };
  const files = [join(dir, 'matrix.html'), join(dir, 'matrix.md')];
  await writeFile(files[0]!, matrixHtml(matrix));
  await writeFile(files[1]!, matrixMarkdown(matrix));
  return { matrix, files };
}
