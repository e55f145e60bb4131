// Requests as a curl user writes them, to ClickHouse or to a node of a
// StarRocks cluster ({endpoint}), as the target's user or as another
// ({credentials}), and checks on status and headers.

import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Count, Endpoint } from './parameter_types.ts';
import { clientAddress } from './starrocks/support/fe_hosts.ts';
import { starrocksAuth } from './starrocks/support/requests.ts';
import { starrocks, type SendOptions } from './starrocks/support/session.ts';
import type { BodyEncoding } from './support/codecs.ts';
import type { Credentials } from './support/credentials.ts';
import type { HttpResponse } from './support/http.ts';
import type { OlapWorld } from './support/world.ts';

interface Extra {
  body?: Buffer;
  newConnection?: boolean;
}

/** Sends the request; 'skipped' when the suite cannot send it from where the endpoint asks. */
async function request(world: OlapWorld, method: string, path: string, endpoint: Endpoint, credentials: Credentials | undefined,
  extra: Extra = {}): Promise<HttpResponse | 'skipped'> {
  if (!endpoint.node) {
    if (extra.newConnection) throw new Error('only a StarRocks node is asked over a new connection');
    if (credentials) world.nextCredentials = credentials;
    return world.send(method, path, extra.body);
  }
  const session = starrocks(world);
  const options: SendOptions = { auth: starrocksAuth(world, credentials), ...extra };
  if (endpoint.from) {
    const local = await clientAddress(session, endpoint.from === 'fe-host');
    if (local === undefined) return 'skipped';
    options.localAddress = local;
  }
  return session.send(endpoint.node, method, path, options);
}

const skippedOrNothing = (res: HttpResponse | 'skipped') => (res === 'skipped' ? res : undefined);

Given('the request header {string} is {string}', function (this: OlapWorld, name: string, value: string) {
  this.nextHeaders[name] = this.bytes(value).toString('utf8');
});

Given('the next request is sent{credentials}', function (this: OlapWorld, credentials: Credentials | undefined) {
  this.nextCredentials = credentials;
});

Given('the requests go over HTTPS', function (this: OlapWorld) {
  this.overHttps = true;
});

When('I {method} {string}{endpoint}{credentials}', async function (this: OlapWorld, method: string, path: string, endpoint: Endpoint,
  credentials: Credentials | undefined) {
  return skippedOrNothing(await request(this, method, path, endpoint, credentials));
});

When('I {method} {string}{endpoint}{credentials} with the body {string}{body_encoding}', async function (this: OlapWorld,
  method: string, path: string, endpoint: Endpoint, credentials: Credentials | undefined, body: string, encoding: BodyEncoding) {
  return skippedOrNothing(await request(this, method, path, endpoint, credentials, { body: await encoding(this.bytes(body)) }));
});

// Some state lives in the connection (the FE's compressor remembers a /metrics request), so a
// step can ask for a connection that carried nothing before.
When('I {method} {string}{endpoint}{credentials} over a new connection', async function (this: OlapWorld, method: string, path: string,
  endpoint: Endpoint, credentials: Credentials | undefined) {
  return skippedOrNothing(await request(this, method, path, endpoint, credentials, { newConnection: true }));
});

// Some answers are made in the background (a query profile); poll for them, never sleep blind.
When('I {method} {string}{endpoint}{credentials} until it answers {int}', async function (this: OlapWorld, method: string, path: string,
  endpoint: Endpoint, credentials: Credentials | undefined, status: number) {
  const until = Date.now() + 60_000;
  for (;;) {
    const res = await request(this, method, path, endpoint, credentials);
    if (res === 'skipped') return res;
    if (res.status === status || Date.now() > until) return undefined;
    await sleep(500);
  }
});

When('I {method} the ErrorURL of the answer{credentials}', async function (this: OlapWorld, method: string, credentials: Credentials | undefined) {
  const body = JSON.parse(this.response.body.toString('utf8')) as { ErrorURL?: string };
  if (!body.ErrorURL) throw new Error(`the answer has no ErrorURL: ${this.response.body.toString('utf8')}`);
  await starrocks(this).sendTo(body.ErrorURL, method, { auth: starrocksAuth(this, credentials) });
});

Then('the status is {int}', function (this: OlapWorld, status: number) {
  this.outcomeChecked = true;
  expect(this.response.status, `status (body: ${this.response.body.toString('utf8').slice(0, 300)})`).to.equal(status);
});

// X-ClickHouse-Progress comes many times in one answer.
Then('the header {string} comes {count} time(s)', function (this: OlapWorld, name: string, count: Count) {
  const times = this.response.headerLists?.[name.toLowerCase()]?.length ?? 0;
  if (count.atLeast) expect(times, `${name} headers`).to.be.at.least(count.n);
  else expect(times, `${name} headers`).to.equal(count.n);
});

Then('the header {string} is the length of the body', function (this: OlapWorld, name: string) {
  expect(this.response.headers[name.toLowerCase()], `header ${name}`).to.equal(String(this.response.body.length));
});
