// The matrix as one self-contained page (reports/matrix.html): per-target and
// per-section pass rates on top, then every scenario with a cell per target,
// filters, and the failure messages one click or tap away. No external
// resources: the page opens from a CI artifact, a laptop or a phone as it is.

import type { CellState, ColumnSummary, Matrix, MatrixCell, MatrixRow, SectionSummary } from './matrix.ts';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON inside a <script> element: no `</script>` or `<!--` can close it early. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** A target name that may wrap after its dashes and equals signs, in a narrow column. */
const breakable = (name: string): string => escapeHtml(name).replace(/([-=])/g, '$1<wbr>');

const shortFeature = (uri: string): string => uri.replace(/^features\//, '').replace(/\.feature$/, '');

const STATE_LABEL: Record<CellState, string> = {
  passed: 'passed',
  failed: 'failed',
  'expected-failure': 'expected failure',
  'unexpected-pass': 'passed, but expected to fail',
  'skipped-by-version': 'skipped by version',
  skipped: 'skipped',
  'not-run': 'not run',
};

/** Green for all passing, then lighter green, amber and red as the rate drops. */
function level(percent: number | null): string {
  if (percent === null) return 'none';
  if (percent === 100) return 'l4';
  if (percent >= 90) return 'l3';
  if (percent >= 70) return 'l2';
  return 'l1';
}

function percentCell(s: ColumnSummary): string {
  if (s.percent === null) return '<td class="pc none" title="not run there">–</td>';
  const title = `${s.passed} passed, ${s.failed} failed, ${s.expected} expected failures of ${s.ran} run; ` +
    `${s.skippedByVersion} skipped by version, ${s.skipped} skipped, ${s.notRun} not run`;
  return `<td class="pc ${level(s.percent)}" title="${escapeHtml(title)}"><span class="num">${s.percent}%</span> ` +
    `<span class="frac">${s.passed}/${s.ran}</span><i style="--w:${(s.passed * 100) / s.ran}%"></i></td>`;
}

function card(matrix: Matrix, i: number): string {
  const c = matrix.columns[i]!;
  const s = c.summary;
  const width = (n: number) => (s.ran === 0 ? 0 : (n * 100) / s.ran).toFixed(2);
  const count = (key: string, label: string, n: number) => `<div class="k-${key}"><dt>${label}</dt><dd data-count="${key}">${n}</dd></div>`;
  const date = c.date.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  return `<article class="card" data-column="${i}">
<h3>${escapeHtml(c.target)}</h3>
<p class="ver">${escapeHtml(c.version || 'no version')}</p>
<p class="big ${level(s.percent)}"><span data-percent>${s.percent === null ? '–' : `${s.percent}%`}</span> <small>passed</small></p>
<div class="bar" role="img" aria-label="${s.passed} passed, ${s.expected} expected failures, ${s.failed} failed">` +
    `<i class="p" style="width:${width(s.passed)}%"></i><i class="x" style="width:${width(s.expected)}%"></i>` +
    `<i class="f" style="width:${width(s.failed)}%"></i></div>
<dl class="counts">${count('passed', 'passed', s.passed)}${count('failed', 'failed', s.failed)}${count('expected', 'expected', s.expected)}` +
    `${count('skippedByVersion', 'out of range', s.skippedByVersion)}${count('skipped', 'skipped', s.skipped)}${count('notRun', 'not run', s.notRun)}</dl>
<p class="date" title="${escapeHtml(c.url)}">${escapeHtml(date)}${c.expectations ? ` · <span title="expectation file">${escapeHtml(c.expectations)}</span>` : ''}</p>
</article>`;
}

function sectionTable(matrix: Matrix, sections: SectionSummary[], first: string): string {
  const head = matrix.columns.map((c) => `<th scope="col">${escapeHtml(c.target)}<small>${escapeHtml(c.version)}</small></th>`).join('');
  const body = sections.map((s) => {
    const name = s.kind === 'feature' ? shortFeature(s.name) : s.name.replace(/^@doc:/, '');
    return `<tr data-section="${escapeHtml(s.id)}"><th scope="row"><button type="button" class="link" data-section="${escapeHtml(s.id)}" ` +
      `title="show these scenarios">${escapeHtml(name)}</button> <small>${s.scenarios}</small></th>${s.columns.map(percentCell).join('')}</tr>`;
  }).join('\n');
  return `<div class="scroll"><table class="stable"><thead><tr><th scope="col">${first}</th>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

const DETAILED: CellState[] = ['failed', 'expected-failure', 'unexpected-pass', 'skipped-by-version'];

function cellHtml(cell: MatrixCell, key: string): string {
  const text: Record<CellState, string> = {
    passed: '✔', failed: cell.status && cell.status !== 'failed' ? '?' : '✘', 'expected-failure': 'xfail', 'unexpected-pass': 'xpass',
    'skipped-by-version': cell.range ?? 'range', skipped: 'skip', 'not-run': '·',
  };
  const label = cell.state === 'failed' && cell.status !== 'failed' ? `${STATE_LABEL.failed} (${cell.status})` : STATE_LABEL[cell.state];
  const inner = DETAILED.includes(cell.state)
    ? `<button type="button" data-d="${key}" title="${escapeHtml(label)}: show why">${escapeHtml(text[cell.state])}</button>`
    : escapeHtml(text[cell.state]);
  return `<td class="c ${cell.state}" title="${escapeHtml(label)}">${inner}</td>`;
}

function rowHtml(row: MatrixRow, i: number): string {
  const attrs = [
    `data-row="${i}"`,
    `data-group="${escapeHtml(row.feature)}"`,
    `data-product="${escapeHtml(row.product)}"`,
    `data-sections=" ${escapeHtml(row.sections.join(' '))} "`,
    `data-tags=" ${escapeHtml(row.tags.join(' '))} "`,
    ...(row.divergent ? ['data-differs=""'] : []),
    ...(row.failing ? ['data-fails=""'] : []),
  ].join(' ');
  const shownTags = row.tags.filter((t) => t !== '@clickhouse' && t !== '@starrocks');
  const meta = [row.line !== undefined ? `line ${row.line}` : '', ...shownTags].filter(Boolean).map(escapeHtml).join(' · ');
  const badge = row.divergent ? ' <span class="badge" title="passes on one target, fails on another">differs</span>' : '';
  return `<tr ${attrs}${row.divergent ? ' class="divergent"' : ''}><th class="sc" scope="row"><span class="name">${escapeHtml(row.scenario)}</span>${badge}` +
    `<small>${meta}</small></th>${row.cells.map((c, col) => cellHtml(c, `${i}.${col}`)).join('')}</tr>`;
}

function option(value: string, label: string, count?: number): string {
  return `<option value="${escapeHtml(value)}">${escapeHtml(label)}${count !== undefined ? ` (${count})` : ''}</option>`;
}

export function dashboardHtml(matrix: Matrix): string {
  const { columns, rows } = matrix;
  const width = columns.length + 1;
  const features = matrix.sections.filter((s) => s.kind === 'feature');
  const docs = matrix.sections.filter((s) => s.kind === 'doc');
  const products = [...new Set(rows.map((r) => r.product).filter(Boolean))].sort();
  const tagCounts = new Map<string, number>();
  for (const row of rows) {
    for (const tag of row.tags) {
      if (tag !== '@clickhouse' && tag !== '@starrocks' && !tag.startsWith('@doc:')) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    }
  }
  const tags = [...tagCounts.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

  const body: string[] = [];
  let group: string | undefined;
  rows.forEach((row, i) => {
    if (row.feature !== group) {
      group = row.feature;
      const n = features.find((f) => f.name === row.feature)?.scenarios ?? 0;
      body.push(`<tr class="group" data-group="${escapeHtml(row.feature)}"><th colspan="${width}"><span>${escapeHtml(shortFeature(row.feature))}` +
        ` <small>${n} scenario${n === 1 ? '' : 's'}</small></span></th></tr>`);
    }
    body.push(rowHtml(row, i));
  });

  const details: Record<string, string> = {};
  rows.forEach((row, i) => row.cells.forEach((cell, col) => {
    if (DETAILED.includes(cell.state)) details[`${i}.${col}`] = cell.detail ?? `${STATE_LABEL[cell.state]} (no message recorded)`;
  }));
  const data = {
    columns: columns.map((c) => `${c.target} ${c.version}`),
    states: STATE_LABEL,
    rows: rows.map((r) => ({ s: r.scenario, f: r.feature, l: r.line ?? null, c: r.cells.map((c) => c.state) })),
    details,
  };
  const divergent = rows.filter((r) => r.divergent).length;
  const failing = rows.filter((r) => r.failing).length;
  const generated = matrix.generated.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>olapspec dashboard</title>
<style>${CSS}</style></head><body>
<main>
<header class="top">
<h1>olapspec <span>conformance dashboard</span></h1>
<p class="meta"><span data-total>${rows.length}</span> scenarios on ${columns.length} target${columns.length === 1 ? '' : 's'} ·
${divergent} differ between targets · ${failing} fail somewhere · generated ${escapeHtml(generated)} ·
<a href="matrix.json">matrix.json</a> · <a href="matrix.md">matrix.md</a></p>
</header>

<section class="cards" aria-label="Pass rate per target">
${columns.map((_, i) => card(matrix, i)).join('\n')}
</section>

<section class="sections">
<h2>Pass rate by section</h2>
<p class="hint">Passed of the scenarios that ran there (expected failures count as failures). Click a section to list its scenarios.</p>
<details class="panel" open><summary>Documentation pages <small>@doc: · ${docs.length}</small></summary>
${sectionTable(matrix, docs, 'page')}
</details>
<details class="panel" open><summary>Feature files <small>${features.length}</small></summary>
${sectionTable(matrix, features, 'feature')}
</details>
</section>

<section class="scenarios" id="scenarios">
<h2>Scenarios</h2>
<form class="filters" id="filters" autocomplete="off">
<label>Product<select name="product">${option('', 'all products')}${products.map((p) => option(p, p, rows.filter((r) => r.product === p).length)).join('')}</select></label>
<label>Section<select name="section">${option('', 'all sections')}
<optgroup label="Feature files">${features.map((s) => option(s.id, shortFeature(s.name), s.scenarios)).join('')}</optgroup>
<optgroup label="Documentation pages">${docs.map((s) => option(s.id, s.name, s.scenarios)).join('')}</optgroup></select></label>
<label>Tag<select name="tag">${option('', 'any tag')}${tags.map((t) => option(t, t, tagCounts.get(t))).join('')}</select></label>
<label class="grow">Search<input type="search" name="q" placeholder="name contains…"></label>
<span class="break"></span>
<label class="check"><input type="checkbox" name="differs"> differs between targets <small>${divergent}</small></label>
<label class="check"><input type="checkbox" name="fails"> fails somewhere <small>${failing}</small></label>
<button type="reset">Reset</button>
</form>
<p class="shown" id="shown" aria-live="polite">Showing <b data-shown>${rows.length}</b> of ${rows.length} scenarios</p>
<p class="legend"><span class="li"><span class="c passed">✔</span> passed</span> <span class="li"><span class="c failed">✘</span> failed</span>
<span class="li"><span class="c expected-failure">xfail</span> expected to fail (the target's expectation file)</span>
<span class="li"><span class="c unexpected-pass">xpass</span> passed, expected to fail</span>
<span class="li"><span class="c skipped-by-version">≥24.3</span> outside the scenario's version range</span>
<span class="li"><span class="c skipped">skip</span> skipped for another reason</span> <span class="li"><span class="c not-run">·</span> not run</span>
<span class="li">— tap a cell for its message</span></p>
<div class="scroll"><table class="matrix" id="matrix">
<thead><tr><th class="sc" scope="col">scenario</th>${columns.map((c, i) =>
    `<th scope="col" data-column="${i}">${breakable(c.target)}<small>${escapeHtml(c.version)}</small></th>`).join('')}</tr></thead>
<tbody>
${body.join('\n')}
</tbody></table></div>
<p class="empty" id="empty" hidden>No scenario matches these filters.</p>
</section>
</main>
<dialog id="detail"><form method="dialog"><header><div><h3 id="d-title"></h3><p id="d-meta"></p></div>
<button value="close" aria-label="close">✕</button></header><pre id="d-text"></pre></form></dialog>
<script type="application/json" id="data">${scriptJson(data)}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}

const CSS = `
:root { --bg: #f6f8fa; --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --soft: #eaeef2; --card: #fff;
  --ok: #1a7f37; --ok-bg: #dafbe1; --ok2: #4ac26b; --bad: #cf222e; --bad-bg: #ffebe9; --xf: #9a6700; --xf-bg: #fff8c5;
  --xf-bar: #d4a72c; --xp: #8250df; --xp-bg: #fbefff; --skip: #57606a; --skip-bg: #eef1f4; --link: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1440px; margin: 0 auto; padding: 20px 20px 40px; }
h1 { font-size: 22px; margin: 0; letter-spacing: -.01em; }
h1 span { font-weight: 400; color: var(--muted); }
h2 { font-size: 16px; margin: 28px 0 8px; }
small { color: var(--muted); font-weight: 400; }
a { color: var(--link); }
.meta, .hint { color: var(--muted); margin: 4px 0 0; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
.card { flex: 1 1 250px; max-width: 440px; min-width: 0; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.card h3 { margin: 0; font-size: 15px; overflow-wrap: anywhere; }
.card .ver { margin: 0; color: var(--muted); font-variant-numeric: tabular-nums; }
.card .big { margin: 8px 0 6px; font-size: 32px; font-weight: 650; line-height: 1; font-variant-numeric: tabular-nums; }
.card .big small { font-size: 13px; }
.big.l4 { color: var(--ok); } .big.l3 { color: #2c974b; } .big.l2 { color: var(--xf); } .big.l1 { color: var(--bad); } .big.none { color: var(--muted); }
.bar { display: flex; height: 8px; border-radius: 4px; overflow: hidden; background: var(--soft); }
.bar i.p { background: var(--ok2); } .bar i.x { background: var(--xf-bar); } .bar i.f { background: var(--bad); }
dl.counts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px 8px; margin: 12px 0 0; }
dt { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; white-space: nowrap; }
dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.k-failed dd { color: var(--bad); } .k-expected dd { color: var(--xf); }
.card .date { margin: 10px 0 0; font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 10px; margin-top: 10px; }
.panel > summary { padding: 10px 14px; font-weight: 600; cursor: pointer; }
.panel .scroll { border-top: 1px solid var(--line); }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: separate; border-spacing: 0; }
.stable { width: 100%; }
.stable th, .stable td { padding: 4px 12px; border-bottom: 1px solid var(--soft); text-align: left; vertical-align: middle; }
.stable tr:last-child > * { border-bottom: 0; }
.stable thead th { font-size: 12px; color: var(--muted); font-weight: 600; white-space: nowrap; }
.stable thead th small { display: block; font-weight: 400; }
.stable tbody th { font-weight: 400; white-space: nowrap; width: 30%; }
button.link { all: unset; color: var(--link); cursor: pointer; }
button.link:hover { text-decoration: underline; }
button.link:focus-visible, .c button:focus-visible { outline: 2px solid var(--link); outline-offset: 1px; border-radius: 3px; }
.pc { min-width: 110px; white-space: nowrap; font-variant-numeric: tabular-nums; }
.pc .num { font-weight: 600; }
.pc .frac { color: var(--muted); font-size: 12px; margin-left: 2px; }
.pc i { display: block; height: 4px; margin-top: 3px; border-radius: 2px; background: var(--soft); max-width: 120px; }
.pc i::after { content: ""; display: block; height: 100%; width: var(--w); border-radius: 2px; background: var(--c, var(--ok)); }
.pc.l4 { --c: var(--ok2); } .pc.l3 { --c: #8ddb8c; } .pc.l2 { --c: var(--xf-bar); } .pc.l1 { --c: var(--bad); }
.pc.l1 .num { color: var(--bad); } .pc.l2 .num { color: var(--xf); }
.pc.none { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: flex-end; background: var(--card); border: 1px solid var(--line);
  border-radius: 10px; padding: 12px 14px; }
.filters label { display: flex; flex-direction: column; gap: 3px; font-size: 12px; color: var(--muted); font-weight: 600; }
.filters label.grow { flex: 1 1 200px; }
.filters .break { flex-basis: 100%; height: 0; }
.filters select, .filters input[type=search] { font: inherit; font-size: 14px; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px;
  background: #fff; color: var(--fg); min-width: 150px; max-width: 280px; }
.filters input[type=search] { max-width: none; width: 100%; }
.filters label.check { flex-direction: row; align-items: center; gap: 6px; font-size: 14px; color: var(--fg); font-weight: 400; padding: 6px 0; }
.filters label.check input { width: 16px; height: 16px; margin: 0; }
.filters button { font: inherit; padding: 6px 14px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); cursor: pointer; }
.shown { margin: 10px 0 4px; }
.legend { color: var(--muted); font-size: 12px; margin: 4px 0 10px; line-height: 2; }
.legend .li { display: inline-block; white-space: nowrap; margin-right: 12px; }
.legend .c { display: inline-block; min-width: 34px; text-align: center; border-radius: 4px; padding: 0 4px; margin-right: 4px; font-weight: 600; }
table.matrix { background: var(--card); border: 1px solid var(--line); border-radius: 10px; min-width: 100%; }
.matrix thead th { font-size: 12px; font-weight: 600; padding: 8px 6px; border-bottom: 1px solid var(--line); text-align: center; vertical-align: bottom; }
.matrix thead th small { display: block; font-weight: 400; }
.matrix th.sc { position: sticky; left: 0; z-index: 1; background: var(--card); text-align: left; font-weight: 400; padding: 5px 10px;
  min-width: 260px; max-width: 560px; border-right: 1px solid var(--soft); border-bottom: 1px solid var(--soft); }
.matrix thead th.sc { font-weight: 600; border-bottom: 1px solid var(--line); }
.matrix th.sc small { display: block; font-size: 11px; overflow-wrap: anywhere; }
.matrix tr.group th { background: var(--bg); text-align: left; padding: 10px 10px 6px; border-bottom: 1px solid var(--line); font-size: 13px; }
.matrix tr.group th span { position: sticky; left: 10px; }
.matrix td.c { position: relative; height: 32px; text-align: center; width: 96px; min-width: 76px; padding: 0; border-bottom: 1px solid var(--card); border-left: 1px solid var(--card);
  font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
.matrix td.c, .matrix td.c button { font-size: 13px; }
.c button { all: unset; box-sizing: border-box; position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; cursor: pointer; }
.c.passed { color: var(--ok); background: var(--ok-bg); }
.c.failed { color: var(--bad); background: var(--bad-bg); }
.c.expected-failure { color: var(--xf); background: var(--xf-bg); }
.c.unexpected-pass { color: var(--xp); background: var(--xp-bg); }
.c.skipped-by-version { color: var(--skip); background: var(--skip-bg); font-weight: 400 !important; }
.c.skipped { color: var(--skip); background: var(--skip-bg); font-weight: 400 !important; }
.c.not-run { color: #afb8c1; font-weight: 400 !important; }
.c button:hover { text-decoration: underline; }
.badge { display: inline-block; font-size: 11px; font-weight: 600; color: var(--xp); background: var(--xp-bg); border-radius: 10px; padding: 0 7px; margin-left: 4px; }
.empty { color: var(--muted); padding: 20px; text-align: center; }
[hidden] { display: none !important; }
dialog { width: min(900px, 94vw); max-height: 86vh; padding: 0; border: 1px solid var(--line); border-radius: 12px; box-shadow: 0 10px 40px rgba(0,0,0,.25); }
dialog::backdrop { background: rgba(27,31,36,.45); }
dialog header { display: flex; gap: 12px; align-items: flex-start; justify-content: space-between; padding: 14px 16px 8px; }
dialog h3 { margin: 0; font-size: 15px; }
dialog p { margin: 2px 0 0; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
dialog header button { font: inherit; font-size: 16px; border: 1px solid var(--line); background: var(--bg); border-radius: 6px; width: 32px; height: 32px; cursor: pointer; flex: none; }
dialog pre { margin: 0 16px 16px; padding: 12px; background: var(--bg); border: 1px solid var(--soft); border-radius: 8px; max-height: 62vh; overflow: auto;
  white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
@media (max-width: 640px) {
  main { padding: 12px 10px 32px; }
  h1 { font-size: 19px; }
  .cards { gap: 8px; }
  .card { flex-basis: 100%; max-width: none; display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 10px; padding: 10px 12px; }
  .card h3, .card .ver { grid-column: 1; }
  .card .big { grid-column: 2; grid-row: 1 / span 2; align-self: center; margin: 0; font-size: 26px; }
  .card .big small { display: none; }
  .card .bar, .card dl.counts, .card .date { grid-column: 1 / -1; }
  .card .bar { margin-top: 8px; }
  dl.counts { gap: 4px 6px; margin-top: 8px; }
  .card .date { font-size: 11px; margin-top: 6px; }
  .filters { display: grid; grid-template-columns: minmax(0, 1fr); }
  .filters select, .filters input[type=search] { max-width: none; width: 100%; }
  .filters button { justify-self: start; }
  .filters .break { display: none; }
  .matrix th.sc { min-width: 170px; max-width: 52vw; }
  .matrix th.sc small { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .legend { line-height: 1.9; }
  .matrix td.c { min-width: 64px; }
  .stable tbody th { white-space: normal; overflow-wrap: break-word; min-width: 120px; }
  dialog { width: 100vw; max-width: 100vw; margin: auto 0 0; border-radius: 12px 12px 0 0; }
}
`;

// Plain browser JavaScript: filters (kept in the address's #fragment, so a filtered view can be linked), section
// links, and the dialog with a cell's message.
const SCRIPT = `
(() => {
  const data = JSON.parse(document.getElementById('data').textContent);
  const form = document.getElementById('filters');
  const rows = [...document.querySelectorAll('#matrix tbody tr[data-row]')];
  const groups = [...document.querySelectorAll('#matrix tbody tr.group')];
  const shown = document.querySelector('[data-shown]');
  const empty = document.getElementById('empty');
  const has = (list, item) => list.includes(' ' + item + ' ');
  function state() {
    return { product: form.product.value, section: form.section.value, tag: form.tag.value, q: form.q.value.trim().toLowerCase(),
      differs: form.differs.checked, fails: form.fails.checked };
  }
  function apply(write = true) {
    const s = state();
    const visible = new Set();
    let n = 0;
    for (const tr of rows) {
      const ok = (!s.product || tr.dataset.product === s.product)
        && (!s.section || has(tr.dataset.sections, s.section))
        && (!s.tag || has(tr.dataset.tags, s.tag))
        && (!s.q || tr.querySelector('.name').textContent.toLowerCase().includes(s.q))
        && (!s.differs || 'differs' in tr.dataset)
        && (!s.fails || 'fails' in tr.dataset);
      tr.hidden = !ok;
      if (ok) { n++; visible.add(tr.dataset.group); }
    }
    for (const g of groups) g.hidden = !visible.has(g.dataset.group);
    shown.textContent = String(n);
    empty.hidden = n !== 0;
    if (write) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(s)) if (v) p.set(k, v === true ? '1' : v);
      const hash = p.toString();
      history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
    }
  }
  function read() {
    const p = new URLSearchParams(location.hash.slice(1));
    for (const k of ['product', 'section', 'tag']) {
      const v = p.get(k) || '';
      form[k].value = [...form[k].options].some((o) => o.value === v) ? v : '';
    }
    form.q.value = p.get('q') || '';
    form.differs.checked = p.has('differs');
    form.fails.checked = p.has('fails');
    apply(false);
  }
  form.addEventListener('input', () => apply());
  form.addEventListener('change', () => apply());
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('reset', () => setTimeout(() => apply()));
  window.addEventListener('hashchange', read);
  document.addEventListener('click', (e) => {
    const link = e.target.closest('button[data-section]');
    if (link) {
      form.reset();
      form.section.value = link.dataset.section;
      apply();
      document.getElementById('scenarios').scrollIntoView({ behavior: 'smooth' });
      return;
    }
    const cell = e.target.closest('button[data-d]');
    if (!cell) return;
    const [r, c] = cell.dataset.d.split('.').map(Number);
    const row = data.rows[r];
    document.getElementById('d-title').textContent = row.s;
    document.getElementById('d-meta').textContent = data.columns[c] + ' · ' + data.states[row.c[c]] + ' · ' + row.f + (row.l ? ':' + row.l : '');
    document.getElementById('d-text').textContent = data.details[cell.dataset.d] || '';
    const dialog = document.getElementById('detail');
    if (dialog.showModal) dialog.showModal(); else dialog.setAttribute('open', '');
  });
  document.getElementById('detail').addEventListener('click', (e) => { if (e.target.id === 'detail') e.target.close(); });
  read();
})();
`;
