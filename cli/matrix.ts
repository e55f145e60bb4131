// `olapspec matrix`: the results.json of several runs side by side, one column
// per target, so a reader sees at a glance where servers agree and where they part.
// Runs are kept as they were recorded; the matrix is derived, never edited by hand.
// It is written three ways: matrix.json (the data), matrix.html (the dashboard,
// dashboard.ts) and matrix.md (the same, for a pull request or a terminal).

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { outsideRange, sinceRequirement, untilRequirement, type RunResults, type ScenarioResult, type ScenarioStatus } from '../steps/runner.ts';
import { dashboardHtml } from './dashboard.ts';

/**
 * How a scenario ended on one target, as the dashboard shows it. `failed` also
 * stands for pending, undefined, ambiguous and unknown (the cell's status says which).
 */
export type CellState = 'passed' | 'failed' | 'expected-failure' | 'unexpected-pass' | 'skipped-by-version' | 'skipped' | 'not-run';

export interface MatrixCell {
  state: CellState;
  /** The status results.json recorded; absent where the run did not include the scenario. */
  status?: ScenarioStatus;
  /** The first failing step's message, the expectation file's reason, or why the version range excludes the target. */
  detail?: string;
  /** For a scenario skipped by version: the range the target is outside, e.g. `≥24.3` or `<23.1`. */
  range?: string;
}

/** Pass rate of one column over a set of scenarios. */
export interface ColumnSummary {
  /** Passed, including passes the expectation file did not expect. */
  passed: number;
  /** Failed (or pending, undefined, ambiguous) and not expected to. */
  failed: number;
  /** Expected failures: failed, as the target's expectation file says. */
  expected: number;
  /** Skipped because the target is outside the scenario's @since/@until range. */
  skippedByVersion: number;
  /** Skipped for another reason: another product, no HTTPS, no Chromium... */
  skipped: number;
  notRun: number;
  /** passed + failed + expected: the scenarios that ran to an end there. */
  ran: number;
  /** passed / ran, in whole percent rounded down (100 only when nothing failed); null when nothing ran. */
  percent: number | null;
}

export interface MatrixColumn {
  label: string;
  target: string;
  version: string;
  date: string;
  url: string;
  /** The expectation file applied to the newest run of the column. */
  expectations?: string;
  counts: RunResults['counts'];
  summary: ColumnSummary;
}

export interface MatrixRow {
  /** The feature file. */
  feature: string;
  scenario: string;
  line?: number;
  tags: string[];
  /** From the @clickhouse / @starrocks tag (or the feature's folder). */
  product: string;
  /** The row's sections: its feature file (`feature:<uri>`) and each @doc: tag (`doc:@doc:x`). */
  sections: string[];
  /** One entry per column; undefined where that run did not include the scenario. */
  statuses: (ScenarioStatus | undefined)[];
  cells: MatrixCell[];
  /** Two targets that both ran the scenario ended differently (passed vs failed). */
  divergent: boolean;
  /** Failed, was expected to fail, or passed against its expectation, on some target. */
  failing: boolean;
}

export interface SectionSummary {
  /** `all`, `feature:<uri>` or `doc:<tag>`. */
  id: string;
  kind: 'all' | 'feature' | 'doc';
  name: string;
  scenarios: number;
  /** One per column. */
  columns: ColumnSummary[];
}

export interface Matrix {
  generated: string;
  columns: MatrixColumn[];
  /** All scenarios first, then the feature files, then the @doc: sections. */
  sections: SectionSummary[];
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

const FAILING: ScenarioStatus[] = ['failed', 'pending', 'undefined', 'ambiguous', 'unknown'];

/** The range a skipped scenario's version tags exclude the version from, or undefined when it is inside. */
function versionSkip(version: string, tags: string[]): { why: string; range: string } | undefined {
  let why: string | undefined;
  try {
    why = outsideRange(version, tags);
  } catch {
    return undefined; // a version olapspec cannot read (say a StarRocks build string) gates nothing
  }
  if (why === undefined) return undefined;
  const since = sinceRequirement(tags);
  const range = why.includes('older than') && since ? `≥${since}` : `<${untilRequirement(tags) ?? ''}`;
  return { why: `skipped: the scenario's version range excludes ${version} (${why})`, range };
}

export function cellOf(sc: ScenarioResult | undefined, version: string): MatrixCell {
  if (!sc) return { state: 'not-run' };
  const { status } = sc;
  if (status === 'passed') return { state: 'passed', status };
  if (status === 'expected-failure' || status === 'unexpected-pass') {
    return { state: status, status, ...(sc.reason !== undefined ? { detail: sc.reason } : {}) };
  }
  if (status === 'skipped') {
    const skip = versionSkip(version, sc.tags);
    return skip ? { state: 'skipped-by-version', status, detail: skip.why, range: skip.range } : { state: 'skipped', status };
  }
  const detail = sc.message ?? (status === 'failed' ? undefined : `${status}: no step definition matched, or a step is pending or ambiguous`);
  return { state: 'failed', status, ...(detail !== undefined ? { detail } : {}) };
}

function emptySummary(): ColumnSummary {
  return { passed: 0, failed: 0, expected: 0, skippedByVersion: 0, skipped: 0, notRun: 0, ran: 0, percent: null };
}

function summarise(cells: MatrixCell[]): ColumnSummary {
  const s = emptySummary();
  for (const cell of cells) {
    if (cell.state === 'passed' || cell.state === 'unexpected-pass') s.passed++;
    else if (cell.state === 'failed') s.failed++;
    else if (cell.state === 'expected-failure') s.expected++;
    else if (cell.state === 'skipped-by-version') s.skippedByVersion++;
    else if (cell.state === 'skipped') s.skipped++;
    else s.notRun++;
  }
  s.ran = s.passed + s.failed + s.expected;
  s.percent = s.ran === 0 ? null : Math.floor((s.passed * 100) / s.ran);
  return s;
}

function productOf(sc: ScenarioResult): string {
  if (sc.tags.includes('@starrocks')) return 'starrocks';
  if (sc.tags.includes('@clickhouse')) return 'clickhouse';
  return /^features\/([^/]+)\//.exec(sc.uri)?.[1] ?? '';
}

/**
 * Keys of a run's scenarios: feature and name, and where several share both (the
 * examples of a Scenario Outline) their rank by line. Not the line itself, so that
 * a run made before a feature file gained a line still meets the runs made after.
 */
function rowKeys(scenarios: ScenarioResult[]): Map<ScenarioResult, string> {
  const byName = new Map<string, ScenarioResult[]>();
  for (const sc of scenarios) {
    const name = `${sc.uri}\u0000${sc.name}`;
    byName.set(name, [...(byName.get(name) ?? []), sc]);
  }
  const keys = new Map<ScenarioResult, string>();
  for (const [name, same] of byName) {
    same.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).forEach((sc, rank) => keys.set(sc, `${name}\u0000${rank}`));
  }
  return keys;
}

/**
 * Builds the matrix: one column per target and version. Runs of the same
 * target (say its ClickHouse and its StarRocks scenarios, run apart) fill one
 * column together; where two runs have the same scenario, the newer counts.
 */
export function buildMatrix(runs: RunResults[], generated: Date = new Date()): Matrix {
  const byLabel = new Map<string, RunResults[]>();
  for (const run of runs) {
    const label = `${run.target} ${run.version}`;
    byLabel.set(label, [...(byLabel.get(label) ?? []), run]);
  }
  const labels = [...byLabel.keys()].sort((a, b) => a.localeCompare(b));
  const columns: MatrixColumn[] = [];
  const rowIndex = new Map<string, { row: MatrixRow; results: (ScenarioResult | undefined)[] }>();
  labels.forEach((label, column) => {
    const group = byLabel.get(label)!.sort((a, b) => a.date.localeCompare(b.date));
    const merged = new Map<string, ScenarioResult>();
    for (const run of group) for (const [sc, key] of rowKeys(run.scenarios)) merged.set(key, sc);
    const counts: RunResults['counts'] = {};
    for (const [key, sc] of merged) {
      counts[sc.status] = (counts[sc.status] ?? 0) + 1;
      let entry = rowIndex.get(key);
      if (!entry) {
        const row: MatrixRow = {
          feature: sc.uri, scenario: sc.name, ...(sc.line !== undefined ? { line: sc.line } : {}), tags: sc.tags,
          product: productOf(sc),
          sections: [`feature:${sc.uri}`, ...sc.tags.filter((t) => t.startsWith('@doc:')).map((t) => `doc:${t}`)],
          statuses: new Array(labels.length).fill(undefined), cells: [], divergent: false, failing: false,
        };
        entry = { row, results: new Array(labels.length).fill(undefined) };
        rowIndex.set(key, entry);
      }
      if (sc.line !== undefined) entry.row.line = sc.line;
      entry.row.statuses[column] = sc.status;
      entry.results[column] = sc;
    }
    const newest = group[group.length - 1]!;
    columns.push({ label, target: newest.target, version: newest.version, date: newest.date, url: newest.url,
      ...(newest.expectations !== undefined ? { expectations: newest.expectations } : {}), counts, summary: emptySummary() });
  });
  const rows = [...rowIndex.values()]
    .sort((a, b) => a.row.feature.localeCompare(b.row.feature) || (a.row.line ?? 0) - (b.row.line ?? 0))
    .map(({ row, results }) => {
      row.cells = results.map((sc, i) => cellOf(sc, columns[i]!.version));
      const decided = new Set(row.cells.flatMap((c) => {
        if (c.state === 'passed' || c.state === 'unexpected-pass') return ['passed'];
        if (c.state === 'failed' || c.state === 'expected-failure') return ['failed'];
        return [];
      }));
      row.divergent = decided.size > 1;
      row.failing = row.cells.some((c) => c.state === 'failed' || c.state === 'expected-failure' || c.state === 'unexpected-pass');
      return row;
    });
  columns.forEach((column, i) => (column.summary = summarise(rows.map((r) => r.cells[i]!))));
  return { generated: generated.toISOString(), columns, sections: summariseSections(rows, columns.length), rows };
}

function summariseSections(rows: MatrixRow[], width: number): SectionSummary[] {
  const members = new Map<string, MatrixRow[]>();
  for (const row of rows) for (const id of row.sections) members.set(id, [...(members.get(id) ?? []), row]);
  const section = (id: string, kind: SectionSummary['kind'], name: string, of: MatrixRow[]): SectionSummary => ({
    id, kind, name, scenarios: of.length,
    columns: Array.from({ length: width }, (_, i) => summarise(of.map((r) => r.cells[i]!))),
  });
  const ids = [...members.keys()];
  const features = ids.filter((id) => id.startsWith('feature:')).sort();
  const docs = ids.filter((id) => id.startsWith('doc:')).sort();
  return [
    section('all', 'all', 'all scenarios', rows),
    ...features.map((id) => section(id, 'feature', id.slice('feature:'.length), members.get(id)!)),
    ...docs.map((id) => section(id, 'doc', id.slice('doc:'.length), members.get(id)!)),
  ];
}

/** `features/clickhouse/compression.feature` → `clickhouse/compression`. */
export const shortFeature = (uri: string): string => uri.replace(/^features\//, '').replace(/\.feature$/, '');

const SYMBOL: Record<CellState, string> = {
  passed: '✔', failed: '✘', 'expected-failure': 'xfail', 'unexpected-pass': 'xpass', 'skipped-by-version': '–', skipped: '–', 'not-run': ' ',
};
const symbol = (cell: MatrixCell): string => (cell.state === 'skipped-by-version' ? `– ${cell.range}` : SYMBOL[cell.state]);

/** `95% (320/336)`, or `–` where nothing ran. */
export const percentText = (s: ColumnSummary): string => (s.percent === null ? '–' : `${s.percent}% (${s.passed}/${s.ran})`);

const countsText = (counts: RunResults['counts']): string =>
  Object.entries(counts).map(([status, n]) => `${n} ${status}`).join(', ');

const cellText = (text: string): string => text.replace(/\|/g, '\\|');

export function matrixMarkdown(matrix: Matrix): string {
  const labels = matrix.columns.map((c) => c.label);
  const divergent = matrix.rows.filter((r) => r.divergent).length;
  const lines = [
    '# olapspec: targets side by side',
    '',
    `${matrix.rows.length} scenarios on ${matrix.columns.length} targets; ${divergent} end differently on two targets (in bold).`,
    '✔ passed, ✘ failed, xfail expected to fail there (the target\'s expectation file), xpass passed but expected to fail,',
    '– ≥X.Y / – <X.Y skipped: outside the scenario\'s version range, – skipped for another reason, blank: not run there.',
    '',
    '## Pass rate by section',
    '',
    `| section | ${labels.join(' | ')} |`,
    `| --- | ${labels.map(() => '---').join(' | ')} |`,
  ];
  for (const s of matrix.sections) {
    const name = s.kind === 'all' ? '**all scenarios**' : s.kind === 'feature' ? shortFeature(s.name) : s.name;
    lines.push(`| ${cellText(name)} | ${s.columns.map(percentText).join(' | ')} |`);
  }
  const head = ['feature', 'scenario', ...labels];
  lines.push('', '## Scenarios', '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    `| | **totals** | ${matrix.columns.map((c) => countsText(c.counts)).join(' | ')} |`);
  for (const row of matrix.rows) {
    const name = row.divergent ? `**${row.scenario}** (targets differ)` : row.scenario;
    lines.push(`| ${row.feature} | ${cellText(name)} | ${row.cells.map(symbol).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

export function matrixHtml(matrix: Matrix): string {
  return dashboardHtml(matrix);
}

/** Reads every results.json under DIR and writes matrix.html, matrix.md and matrix.json next to them (nothing when there is none). */
export async function writeMatrix(dir: string): Promise<{ matrix: Matrix; files: string[] }> {
  const paths = await findResults(dir);
  const runs = await Promise.all(paths.map(async (p) => JSON.parse(await readFile(p, 'utf8')) as RunResults));
  const matrix = buildMatrix(runs);
  if (matrix.columns.length === 0) return { matrix, files: [] };
  const files = [join(dir, 'matrix.html'), join(dir, 'matrix.md'), join(dir, 'matrix.json')];
  await writeFile(files[0]!, matrixHtml(matrix));
  await writeFile(files[1]!, matrixMarkdown(matrix));
  await writeFile(files[2]!, `${JSON.stringify(matrix, null, 1)}\n`);
  return { matrix, files };
}
