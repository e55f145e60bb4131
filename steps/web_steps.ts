// The Web UI as a person uses it: open /play in a browser, type a query, press
// Run, read the table or the error. Only the element ids that ClickHouse's own
// play.html has are used (#query, #run, #user, #password, #data-table,
// #data-unparsed, #error, #hourglass), looked up through the page's shadow
// roots (support/play_dom.ts), so the scenarios hold on a real server as on the
// reference. What the page shows as text (the result text, the fields, the
// error, the address) is checked like any other text (support/subjects.ts).

import { After, AfterAll, Before, Status, Then, When, type DataTable } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { browserUnavailable, closeBrowser, closePage, existingPage, pageFor } from './support/browser.ts';
import { parseClickHouseError } from './support/clickhouse_error.ts';
import { playView, waitForAnswer } from './support/play_dom.ts';
import type { OlapWorld } from './support/world.ts';

/** How long a run may take to show its answer. */
const ANSWER_TIMEOUT_MS = 20_000;

let toldUnavailable = false;

// Without a browser the scenarios are skipped, and the run says why once.
Before({ tags: '@browser' }, function (this: OlapWorld) {
  const reason = browserUnavailable();
  if (!reason) return undefined;
  if (!toldUnavailable) {
    toldUnavailable = true;
    process.stderr.write(`\nolapspec: @browser scenarios are SKIPPED: ${reason}\n`);
  }
  this.log(`skipped: ${reason}`);
  return 'skipped';
});

After({ tags: '@browser' }, async function (this: OlapWorld, { result }) {
  const page = existingPage(this);
  if (!page) return;
  if (result?.status === Status.FAILED) {
    try {
      this.attach(await page.screenshot({ fullPage: true }), { mediaType: 'image/png', fileName: 'page.png' });
    } catch (err) {
      this.log(`no screenshot: ${(err as Error).message}`);
    }
  }
  await closePage(this);
});

AfterAll({ timeout: 30_000 }, async function () {
  await closeBrowser();
});

async function page(world: OlapWorld): Promise<Page> {
  return pageFor(world);
}

When('I open {string} in a browser', async function (this: OlapWorld, path: string) {
  const p = await page(this);
  const url = new URL(this.resolve(path), this.target.url);
  const response = await p.goto(url.href, { waitUntil: 'load' });
  expect(response?.status(), `status of ${path}`).to.equal(200);
  // A person logs in as the suite does, unless the address names a user or the page's default (default, no password) is it.
  const { user, password } = this.target;
  if (!url.searchParams.has('user') && (user !== 'default' || password !== '')) {
    await p.fill('#user', user);
    await p.fill('#password', password);
  }
});

When('I type the query {string}', async function (this: OlapWorld, text: string) {
  await (await page(this)).fill('#query', this.resolve(text));
});

When('I enter the user {string} and the password {string}', async function (this: OlapWorld, user: string, password: string) {
  const p = await page(this);
  await p.fill('#user', this.resolve(user));
  await p.fill('#password', this.resolve(password));
});

/** Runs the query the way `run` starts it and waits until the page shows the answer. */
async function runQuery(world: OlapWorld, start: (p: Page) => Promise<void>): Promise<void> {
  const p = await page(world);
  const query = await p.inputValue('#query');
  // The page's own query, not its background checks of the server or the credentials.
  const answered = p.waitForResponse((r) => r.request().method() === 'POST' && (r.request().postData() ?? '').trim() === query.trim(),
    { timeout: ANSWER_TIMEOUT_MS });
  await start(p);
  await answered;
  await waitForAnswer(p, ANSWER_TIMEOUT_MS);
}

const KEYS: Record<string, (p: Page) => Promise<void>> = {
  Run: (p) => p.click('#run'),
  'Ctrl+Enter': (p) => p.press('#query', 'Control+Enter'),
};

When('I press {word}', async function (this: OlapWorld, key: string) {
  const press = KEYS[key];
  if (!press) throw new Error(`no key "${key}" (known: ${Object.keys(KEYS).join(', ')})`);
  await runQuery(this, press);
});

Then('the result table shows:', async function (this: OlapWorld, expected: DataTable) {
  const want = expected.raw().map((row) => row.map((cell) => this.resolve(cell)));
  const view = await playView(await page(this));
  expect(view.table ?? [], view.error ? `the page shows an error instead: ${view.error}` : 'result table').to.deep.equal(want);
});

Then('the page shows no result table', async function (this: OlapWorld) {
  expect((await playView(await page(this))).table ?? [], 'result table').to.deep.equal([]);
});

async function shownError(world: OlapWorld): Promise<string> {
  const { error } = await playView(await page(world));
  if (error === undefined) throw new Error('the page shows no error');
  return error;
}

Then('the page shows the error code {int}', async function (this: OlapWorld, code: number) {
  const text = await shownError(this);
  const parsed = parseClickHouseError(text);
  if (!parsed) throw new Error(`the page shows something that is not a ClickHouse error: ${JSON.stringify(text.slice(0, 400))}`);
  expect(parsed.code, `error code (${parsed.message})`).to.equal(code);
});
