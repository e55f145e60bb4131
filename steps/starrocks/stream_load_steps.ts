// Stream Load as curl does it: PUT to the FE with `Expect: 100-continue`,
// follow the 307 to a BE with the same credentials, or PUT to a BE directly.

import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { sendRaw } from '../support/raw_http.ts';
import type { HttpResponse } from '../support/http.ts';
import type { OlapWorld } from '../support/world.ts';
import type { BodyEncoding } from '../support/codecs.ts';
import type { Credentials } from '../support/credentials.ts';
import { basicAuthHeader, starrocksAuth } from './support/requests.ts';
import { starrocks, type Auth } from './support/session.ts';
import type { ExpectContinueResponse } from './support/expect_continue.ts';
import { splitTable } from './sql_steps.ts';

/** `db.table`, optionally followed by `?query`, as the path of its stream load. */
function loadPath(world: OlapWorld, target: string): string {
  const [name, query] = target.split('?', 2) as [string, string | undefined];
  const { db, table } = splitTable(world, name);
  return `/api/${db}/${table}/_stream_load${query !== undefined ? `?${query}` : ''}`;
}

/**
 * Where a load goes: ` through the FE` follows its 307 to a BE as curl
 * --location-trusted does; ` on the FE` and ` on the BE` send to that node only;
 * ` on the FE over HTTP/1.0` writes the request by hand, without 100-continue.
 */
type LoadRoute = 'through the FE' | 'on the FE' | 'on the BE' | 'on the FE over HTTP/1.0';

defineParameterType({ name: 'load_route', regexp: /through the FE|on the FE over HTTP\/1\.0|on the FE|on the BE/, transformer: (text: string) => text as LoadRoute });

async function load(world: OlapWorld, data: Buffer, target: string, route: LoadRoute, auth: Auth = 'target'): Promise<HttpResponse> {
  const session = starrocks(world);
  const path = loadPath(world, target);
  if (route === 'through the FE') return session.sendFollowing('FE', 'PUT', path, { body: data, auth, expectContinue: true });
  if (route !== 'on the FE over HTTP/1.0') return session.send(route === 'on the BE' ? 'BE' : 'FE', 'PUT', path, { body: data, auth, expectContinue: true });
  if (auth !== 'target') throw new Error('a stream load over HTTP/1.0 goes with the target\'s credentials');
  const fe = new URL(session.info.fe);
  const head = [`PUT ${path} HTTP/1.0`, `Host: ${fe.host}`,
    `Authorization: ${basicAuthHeader(session.info.user, session.info.password)}`, `Content-Length: ${data.length}`];
  for (const [name, value] of Object.entries(world.nextHeaders)) head.push(`${name}: ${world.resolve(value)}`);
  world.nextHeaders = {};
  return session.record(await sendRaw(session.info.fe, Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), data])));
}

function loadStatus(res: HttpResponse): string {
  try {
    return String((JSON.parse(res.body.toString('utf8')) as { Status?: unknown }).Status);
  } catch {
    return `(not JSON) ${res.status} ${res.body.toString('utf8').slice(0, 200)}`;
  }
}

When('I stream load {string}{body_encoding} into {string} {load_route}{credentials}', async function (this: OlapWorld, data: string,
  encoding: BodyEncoding, target: string, route: LoadRoute, credentials: Credentials | undefined) {
  await load(this, await encoding(this.bytes(data)), target, route, starrocksAuth(this, credentials));
});

// Like the ClickHouse lines step: every line of the doc string ends in a newline.
When('I stream load into {string} {load_route} the lines:', async function (this: OlapWorld, target: string, route: LoadRoute, lines: string) {
  await load(this, Buffer.from(this.resolve(`${lines}\n`), 'utf8'), target, route);
});

When('I stream load {string} into {string} through the FE {int} times at once with the label {string}',
  async function (this: OlapWorld, data: string, target: string, times: number, label: string) {
    const session = starrocks(this);
    const path = `${await session.nodeUrl('FE')}${loadPath(this, target)}`;
    const base = session.prepare(path, 'PUT', { body: this.bytes(data), expectContinue: true, headers: { label } });
    const all = await Promise.all(Array.from({ length: times }, () => session.roundTrip({ ...base }, true)));
    session.concurrent = all.map((hops) => hops[hops.length - 1]!);
    session.recordHops(all[0]!);
  });

Given('I stream loaded into {string} the CSV {string}', async function (this: OlapWorld, target: string, data: string) {
  this.nextHeaders = { column_separator: ',', ...this.nextHeaders };
  const res = await load(this, this.bytes(data), target, 'through the FE');
  expect(loadStatus(res), `stream load: ${res.body.toString('utf8')}`).to.equal('Success');
  this.outcomeChecked = true;
});

Then('the stream load succeeded', function (this: OlapWorld) {
  this.outcomeChecked = true;
  const res = this.response;
  expect(res.status, `status (body: ${res.body.toString('utf8').slice(0, 400)})`).to.equal(200);
  const answer = JSON.parse(res.body.toString('utf8')) as { Status?: unknown; Message?: unknown };
  expect(answer.Status, `Status (Message: ${String(answer.Message)})`).to.equal('Success');
  expect(answer.Message, 'Message').to.equal('OK');
});

Then('the FE redirected the request to {string} on a BE', async function (this: OlapWorld, path: string) {
  const session = starrocks(this);
  const [first, ...rest] = session.hops;
  expect(first?.status, `the FE's status (body: ${first?.body.toString('utf8').slice(0, 300)})`).to.equal(307);
  expect(first!.body.length, "the 307's body length").to.equal(0);
  const location = first!.headers.location ?? '';
  const bes = await session.beHostPorts();
  const wanted = bes.map((be) => `http://${be}${this.resolve(path)}`);
  expect(wanted, `Location ${location}`).to.include(location);
  expect(rest.length, 'the redirect was followed').to.not.equal(0);
});

Then('the FE answered the request itself', function (this: OlapWorld) {
  const hops = starrocks(this).hops;
  expect(hops.length, `hops (statuses ${hops.map((hop) => hop.status).join(', ')})`).to.equal(1);
  expect(hops[0]!.status, 'status').not.to.equal(307);
});

Then('the FE sent no "100 Continue"', function (this: OlapWorld) {
  const first = starrocks(this).hops[0] as ExpectContinueResponse | undefined;
  expect(first?.sawContinue, 'a 100 Continue came').to.equal(false);
  expect(first?.bodySent, 'the FE waited for the body').to.equal(false);
});

Then('one of those loads answered {string} and the others {string}', function (this: OlapWorld, one: string, others: string) {
  this.outcomeChecked = true;
  const statuses = starrocks(this).concurrent.map(loadStatus);
  expect(statuses.filter((status) => status === one).length, `statuses ${statuses.join(', ')}`).to.equal(1);
  expect(statuses.filter((status) => status === others).length, `statuses ${statuses.join(', ')}`).to.equal(statuses.length - 1);
});
