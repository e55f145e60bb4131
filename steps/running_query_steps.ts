// Queries that are still running while the scenario goes on: started in the
// background, found in system.processes by their query id, killed or
// abandoned by their client. The clean-up kills whatever is left.

import { After, Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { parseClickHouseError } from './support/clickhouse_error.ts';
import type { HttpResponse } from './support/http.ts';
import { pollUntil } from './support/poll.ts';
import { runNonce } from './support/run_state.ts';
import type { OlapWorld } from './support/world.ts';

const APPEAR_MS = 10_000;
const ANSWER_MS = 20_000;

let counter = 0;

/** How many queries with this id the server lists as running right now. */
async function runningCount(world: OlapWorld, queryId: string): Promise<number> {
  const text = await world.exec(`SELECT count() FROM system.processes WHERE query_id = '${queryId.replace(/'/g, "\\'")}'`);
  return Number(text.trim());
}

/** Starts the query in the background and returns once the server lists it in system.processes. */
async function startRunning(world: OlapWorld, method: 'GET' | 'POST', sql: string, params: string): Promise<void> {
  let resolvedParams = world.resolve(params);
  let queryId = /(?:^|&)query_id=([^&]*)/.exec(resolvedParams)?.[1];
  if (queryId === undefined) {
    queryId = `olapspec-running-${runNonce}-${++counter}`;
    resolvedParams = resolvedParams ? `${resolvedParams}&query_id=${queryId}` : `query_id=${queryId}`;
  }
  queryId = decodeURIComponent(queryId);
  const text = world.resolve(sql);
  const request = method === 'GET'
    ? world.prepare('GET', `/?${resolvedParams}&query=${encodeURIComponent(text)}`)
    : world.prepare('POST', `/?${resolvedParams}`, Buffer.from(text, 'utf8'));
  const query = world.background.start(world.target.url, queryId, request);
  await pollUntil(`query ${queryId} to show in system.processes`, APPEAR_MS, 50, async () => {
    if (query.settled) {
      const outcome = await query.done;
      throw new Error(`the query ended before it could be seen running: ${outcome instanceof Error ? outcome.message
        : `${outcome.status} ${outcome.body.toString('utf8').slice(0, 300)}`}`);
    }
    return (await runningCount(world, queryId)) > 0 ? true : undefined;
  });
}

async function answerOf(world: OlapWorld): Promise<HttpResponse> {
  const query = world.background.latest();
  const outcome = await Promise.race([query.done, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), ANSWER_MS).unref())]);
  if (outcome === 'late') throw new Error(`the running query ${query.queryId} did not end within ${ANSWER_MS} ms`);
  if (outcome instanceof Error) throw new Error(`the running query ${query.queryId} got no answer: ${outcome.message}`);
  return outcome;
}

Given('the query {string} is running over {method} with the URL parameters {string}', async function (this: OlapWorld, sql: string, method: string, params: string) {
  if (method !== 'GET' && method !== 'POST') throw new Error(`a query runs over GET or POST, not ${method}`);
  await startRunning(this, method, sql, params);
});

When('the client of the running query closes its connection', async function (this: OlapWorld) {
  const query = this.background.latest();
  query.abort();
  await query.done;
});

Then('the running query fails with error code {int}', async function (this: OlapWorld, code: number) {
  const res = await answerOf(this);
  const body = res.body.toString('utf8');
  const parsed = parseClickHouseError(body);
  expect(parsed, `the running query's answer is a ClickHouse error: ${res.status} ${body.slice(0, 300)}`).to.not.equal(undefined);
  expect(parsed!.code, 'error code of the running query').to.equal(code);
});

Then('the query {string} is still running', async function (this: OlapWorld, queryId: string) {
  expect(await runningCount(this, this.resolve(queryId)), `queries with id ${this.resolve(queryId)} in system.processes`).to.equal(1);
});

Then('the query {string} stops running within {int} seconds', async function (this: OlapWorld, queryId: string, seconds: number) {
  const id = this.resolve(queryId);
  await pollUntil(`query ${id} to leave system.processes`, seconds * 1000, 100, async () =>
    ((await runningCount(this, id)) === 0 ? true : undefined));
});

After(async function (this: OlapWorld) {
  await this.background.stopAll(async (queryId) => {
    await this.exec(`KILL QUERY WHERE query_id = '${queryId.replace(/'/g, "\\'")}' SYNC`);
  });
});
