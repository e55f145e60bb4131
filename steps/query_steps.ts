// Queries as a client sends them: in the POST body, or in the URL of a GET; as
// the target's user or as a user of the suite's own configuration
// (steps/targets/config/users.xml).

import { Given, When } from '@cucumber/cucumber';
import { withParams, type Credentials } from './support/credentials.ts';
import { unescapeText } from './support/escapes.ts';
import type { OlapWorld } from './support/world.ts';

Given('I ran {string}', async function (this: OlapWorld, sql: string) {
  await this.exec(unescapeText(sql));
});

async function runQuery(world: OlapWorld, sql: string, overGet: boolean, params: string, credentials: Credentials | undefined) {
  if (credentials) world.nextCredentials = credentials;
  if (overGet) await world.send('GET', withParams(`/?${params}`.replace(/\?$/, ''), `query=${encodeURIComponent(world.resolve(unescapeText(sql)))}`));
  else await world.send('POST', params ? `/?${params}` : '/', world.bytes(sql));
}

When('I run {string}{over_get}{url_parameters}{credentials}', async function (this: OlapWorld, sql: string, overGet: boolean,
  params: string, credentials: Credentials | undefined) {
  await runQuery(this, sql, overGet, params, credentials);
});

// Quotas count queries: each run is a request of its own.
When('I run {string} {int} times{url_parameters}{credentials}', async function (this: OlapWorld, sql: string, times: number,
  params: string, credentials: Credentials | undefined) {
  for (let i = 0; i < times; i++) await runQuery(this, sql, false, params, credentials);
});
