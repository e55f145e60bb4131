// The dashboard in a real browser: the counts it shows are matrix.json's, its
// filters filter, a failed cell opens its message, it fits a phone, and it
// loads nothing from elsewhere. It checks a small made-up set of runs and saves
// screenshots of it, reports/dashboard-test.png and dashboard-test-phone.png;
// with OLAPSPEC_DASHBOARD=DIR it checks the dashboard of the runs under DIR
// (say reports/) instead, and saves reports/matrix.png and matrix-phone.png.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { writeMatrix, type Matrix } from '../../cli/matrix.ts';
import type { RunResults, ScenarioResult } from '../../steps/runner.ts';
import { browserUnavailable, findChromium } from '../../steps/support/browser.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// As steps/support/browser.ts launches it: headless, no sandbox, quiet on the network.
const CHROMIUM_ARGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

function run(target: string, version: string, scenarios: ScenarioResult[], expectations?: string): RunResults {
  const counts: RunResults['counts'] = {};
  for (const s of scenarios) counts[s.status] = (counts[s.status] ?? 0) + 1;
  return { target, url: 'http://127.0.0.1:8123', version, date: '2026-01-01T12:00:00.000Z', counts,
    ...(expectations ? { expectations } : {}), scenarios };
}

const CH = ['@clickhouse', '@doc:compression'];
const sc = (name: string, uri: string, line: number, tags: string[], status: ScenarioResult['status'], extra: Partial<ScenarioResult> = {}): ScenarioResult =>
  ({ name, uri, line, tags, status, ...extra });

/** Three targets, two products, every kind of cell. */
function fixture(): RunResults[] {
  const comp = 'features/clickhouse/compression.feature';
  const ep = 'features/clickhouse/endpoints.feature';
  const sr = 'features/starrocks/stream_load.feature';
  const srTags = ['@starrocks', '@doc:stream-load'];
  return [
    run('reference', '26.7.2.1', [
      sc('gzip is decoded', comp, 10, CH, 'passed'),
      sc('zstd is decoded', comp, 20, [...CH, '@since:24.3'], 'passed'),
      sc('brotli <br> is decoded', comp, 30, [...CH, '@until:23.1'], 'skipped'),
      sc('GET / answers Ok.', ep, 5, ['@clickhouse', '@doc:http-interface'], 'passed'),
      sc('GET /ping answers Ok.', ep, 9, ['@clickhouse', '@doc:http-interface'], 'failed',
        { message: 'AssertionError: expected "Ok.\\n" but got "Nope"\n    at steps/body_steps.ts:14' }),
      sc('a stream load is committed', sr, 7, srTags, 'passed'),
      sc('a duplicate label is refused', sr, 15, srTags, 'passed'),
    ]),
    run('clickhouse-binary', '18.16.1', [
      sc('gzip is decoded', comp, 10, CH, 'passed'),
      sc('zstd is decoded', comp, 20, [...CH, '@since:24.3'], 'skipped'),
      sc('brotli <br> is decoded', comp, 30, [...CH, '@until:23.1'], 'failed', { message: 'brotli: unsupported' }),
      sc('GET / answers Ok.', ep, 5, ['@clickhouse', '@doc:http-interface'], 'passed'),
      sc('GET /ping answers Ok.', ep, 9, ['@clickhouse', '@doc:http-interface', '@https'], 'skipped'),
    ]),
    run('clickhouse-chdb', '26.7.2.1', [
      sc('gzip is decoded', comp, 10, CH, 'passed'),
      sc('zstd is decoded', comp, 20, [...CH, '@since:24.3'], 'expected-failure', { reason: 'libchdb has no zstd in its HTTP layer' }),
      sc('brotli <br> is decoded', comp, 30, [...CH, '@until:23.1'], 'skipped'),
      sc('GET / answers Ok.', ep, 5, ['@clickhouse', '@doc:http-interface'], 'unexpected-pass', { reason: 'was broken once' }),
      sc('GET /ping answers Ok.', ep, 9, ['@clickhouse', '@doc:http-interface'], 'passed'),
    ], 'expectations/clickhouse-chdb-26.7.yaml'),
  ];
}

const text = (page: Page, selector: string) => page.locator(selector).innerText().then((t) => t.trim());

test('the dashboard shows matrix.json\'s counts, filters its rows, and opens a message on click', { skip: browserUnavailable(), timeout: 120_000 }, async () => {
  const given = process.env.OLAPSPEC_DASHBOARD;
  const dir = given ?? await mkdtemp(join(tmpdir(), 'olapspec-dashboard-'));
  const shot = (suffix: string) => join(ROOT, 'reports', `${given ? 'matrix' : 'dashboard-test'}${suffix}.png`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: findChromium()!, headless: true, chromiumSandbox: false, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    if (!given) {
      for (const [i, r] of fixture().entries()) {
        await mkdir(join(dir, `run${i}`));
        await writeFile(join(dir, `run${i}`, 'results.json'), JSON.stringify(r));
      }
    }
    await mkdir(join(ROOT, 'reports'), { recursive: true });
    const { files } = await writeMatrix(dir);
    assert.equal(files.length, 3, `no results.json under ${dir}`);
    const matrix = JSON.parse(await readFile(join(dir, 'matrix.json'), 'utf8')) as Matrix;
    const html = await readFile(join(dir, 'matrix.html'), 'utf8');
    assert.doesNotMatch(html, /<(link|img|iframe)\b|<script[^>]+src=|url\(/i, 'self-contained: no external resources');

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!/^(file|data):/.test(request.url())) foreign.push(request.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(pathToFileURL(join(dir, 'matrix.html')).href);

    // Per target: the pass rate and the counts of the card.
    assert.equal(await text(page, '[data-total]'), String(matrix.rows.length));
    for (const [i, column] of matrix.columns.entries()) {
      const card = `.card[data-column="${i}"]`;
      assert.equal(await text(page, `${card} h3`), column.target);
      assert.equal(await text(page, `${card} [data-percent]`), column.summary.percent === null ? '–' : `${column.summary.percent}%`);
      for (const key of ['passed', 'failed', 'expected', 'skippedByVersion', 'skipped', 'notRun'] as const) {
        assert.equal(await text(page, `${card} [data-count="${key}"]`), String(column.summary[key]), `${column.label}: ${key}`);
      }
    }
    // Per section and target: the percentages.
    for (const section of matrix.sections.filter((s) => s.kind !== 'all')) {
      const shown = await page.locator(`tr[data-section="${section.id}"] td.pc`).allInnerTexts();
      assert.deepEqual(shown.map((t) => t.replace(/\s+/g, ' ').trim()),
        section.columns.map((s) => (s.percent === null ? '–' : `${s.percent}% ${s.passed}/${s.ran}`)), section.id);
    }
    // Every cell, by its kind.
    for (const state of ['passed', 'failed', 'expected-failure', 'unexpected-pass', 'skipped-by-version', 'skipped', 'not-run']) {
      const expected = matrix.rows.reduce((n, r) => n + r.cells.filter((c) => c.state === state).length, 0);
      assert.equal(await page.locator(`#matrix td.c.${state}`).count(), expected, state);
    }
    const visibleRows = () => page.locator('#matrix tbody tr[data-row]:visible').count();
    assert.equal(await text(page, '[data-shown]'), String(matrix.rows.length));
    assert.equal(await visibleRows(), matrix.rows.length);
    await page.screenshot({ path: shot('') });

    // Filters: fails somewhere, then also one product, then a section picked from the summary.
    await page.getByLabel('fails somewhere').check();
    const failing = matrix.rows.filter((r) => r.failing);
    assert.equal(await text(page, '[data-shown]'), String(failing.length));
    assert.equal(await visibleRows(), failing.length);
    assert.match(page.url(), /#.*fails=1/, 'the filter is in the address');
    const product = matrix.rows[0]!.product;
    await page.getByLabel('Product').selectOption(product);
    assert.equal(await visibleRows(), failing.filter((r) => r.product === product).length);
    const section = matrix.sections.find((s) => s.kind === 'doc')!;
    await page.locator(`button.link[data-section="${section.id}"]`).click();
    assert.equal(await page.getByLabel('fails somewhere').isChecked(), false, 'a section link starts from all scenarios');
    assert.equal(await visibleRows(), section.scenarios);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.waitForFunction((n) => document.querySelector('[data-shown]')?.textContent === String(n), matrix.rows.length);

    // A failed cell's message, on demand.
    const rowIndex = matrix.rows.findIndex((r) => r.cells.some((c) => c.state === 'failed' && c.detail));
    if (rowIndex >= 0) {
      const column = matrix.rows[rowIndex]!.cells.findIndex((c) => c.state === 'failed' && c.detail);
      await page.locator(`button[data-d="${rowIndex}.${column}"]`).click();
      const dialog = page.locator('dialog#detail');
      await dialog.waitFor({ state: 'visible' });
      assert.equal(await text(page, '#d-title'), matrix.rows[rowIndex]!.scenario);
      assert.equal((await page.locator('#d-text').textContent())?.trim(), matrix.rows[rowIndex]!.cells[column]!.detail!.trim());
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }

    // A phone: no page-wide horizontal scrolling (the table scrolls in its own box), filters one under another.
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await phone.goto(pathToFileURL(join(dir, 'matrix.html')).href);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
    const boxes = await Promise.all(['Product', 'Section'].map((label) => phone.getByLabel(label).boundingBox()));
    assert.ok(boxes[1]!.y > boxes[0]!.y + boxes[0]!.height - 1, 'the filters stack');
    await phone.screenshot({ path: shot('-phone') });

    assert.deepEqual(foreign, [], 'nothing is loaded from elsewhere');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    if (!given) await rm(dir, { recursive: true, force: true });
  }
});
