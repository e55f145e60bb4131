// Stream Load as curl does it: PUT to the FE with `Expect: 100-continue`,
// follow the 307 to a BE with the same credentials, or PUT to a BE directly.

import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { gzipSync, zstdCompressSync } from 'node:zlib';
import { sendRaw } from '../support/raw_http.ts';
import type { HttpResponse } from '../support/http.ts';
import type { OlapWorld } from '../support/world.ts';
import { basicAuthHeader } from './support/requests.ts';
import { starrocks, type Auth } from './support/session.ts';
import type { ExpectContinueResponse } from './support/expect_continue.ts';
import { splitTable } from './sql_steps.ts';

/** `db.table`, optionally followed by `?query`, as the path of its stream load. */
function loadPath(world: OlapWorld, target: string): string {
  const [name, query] = target.split('?', 2) as [string, string | undefined];
  const { db, table } = splitTable(world, name);
  return `/api/${db}/${table}/_stream_load${query !== undefined ? `?${query}` : ''}`;
}

async function loadThroughFe(world: OlapWorld, data: Buffer, target: string, auth: Auth = 'target'): Promise<HttpResponse> {
  return starrocks(world).sendFollowing('FE', 'PUT', loadPath(world, target), { body: data, auth, expectContinue: true });
}

async function loadOnBe(world: OlapWorld, data: Buffer, target: string, auth: Auth = 'target'): Promise<HttpResponse> {
  return starrocks(world).send('BE', 'PUT', loadPath(world, target), { body: data, auth, expectContinue: true });
}

function loadStatus(res: HttpResponse): string {
  try {
    return String((JSON.parse(res.body.toString('utf8')) as { Status?: unknown }).Status);
  } catch {
    return `(not JSON) ${res.status} ${res.body.toString('utf8').slice(0, 200)}`;
  }
}

When('I stream load {string} into {string} through the FE', async function (this: OlapWorld, data: string, target: string) {
  await loadThroughFe(this, this.bytes(data), target);
});

// Like the ClickHouse lines step: every line of the doc string ends in a newline.
When('I stream load into {string} through the FE the lines:', async function (this: OlapWorld, target: string, lines: string) {
  await loadThroughFe(this, Buffer.from(this.resolve(`${lines}\n`), 'utf8'), target);
});

When('I stream load {string} compressed with {word} into {string} through the FE',
  async function (this: OlapWorld, data: string, codec: string, target: string) {
    const raw = this.bytes(data);
    const packed = codec === 'gzip' ? gzipSync(raw) : codec === 'zstd' ? zstdCompressSync(raw) : undefined;
    if (!packed) throw new Error(`no compressor for ${codec}`);
    await loadThroughFe(this, packed, target);
  });

When('I stream load {string} into {string} on the BE', async function (this: OlapWorld, data: string, target: string) {
  await loadOnBe(this, this.bytes(data), target);
});

When('I stream load {string} into {string} on the BE without credentials', async function (this: OlapWorld, data: string, target: string) {
  await loadOnBe(this, this.bytes(data), target, 'none');
});

When('I stream load {string} into {string} on the BE as {string} with the password {string}',
  async function (this: OlapWorld, data: string, target: string, user: string, password: string) {
    await loadOnBe(this, this.bytes(data), target, { user: this.resolve(user), password });
  });

When('I send the stream load of {string} into {string} to the FE with "Expect: 100-continue"',
  async function (this: OlapWorld, data: string, target: string) {
    await starrocks(this).send('FE', 'PUT', loadPath(this, target), { body: this.bytes(data), expectContinue: true });
  });

When('I send the stream load of {string} into {string} to the FE with "Expect: 100-continue" and without credentials',
  async function (this: OlapWorld, data: string, target: string) {
    await starrocks(this).send('FE', 'PUT', loadPath(this, target), { body: this.bytes(data), expectContinue: true, auth: 'none' });
  });

When('I send the stream load of {string} into {string} to the FE over HTTP\\/1.0', async function (this: OlapWorld, data: string, target: string) {
  const session = starrocks(this);
  const body = this.bytes(data);
  const fe = new URL(session.info.fe);
  const head = [`PUT ${loadPath(this, target)} HTTP/1.0`, `Host: ${fe.host}`,
    `Authorization: ${basicAuthHeader(session.info.user, session.info.password)}`, `Content-Length: ${body.length}`];
  for (const [name, value] of Object.entries(this.nextHeaders)) head.push(`${name}: ${this.resolve(value)}`);
  this.nextHeaders = {};
  session.record(await sendRaw(session.info.fe, Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body])));
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
  const res = await loadThroughFe(this, this.bytes(data), target);
  expect(loadStatus(res), `stream load: ${res.body.toString('utf8')}`).to.equal('Success');
  this.outcomeChecked = true;
});

Given('I stream loaded {string} into {string}, which failed', async function (this: OlapWorld, data: string, target: string) {
  const res = await loadThroughFe(this, this.bytes(data), target);
  expect(loadStatus(res), `stream load: ${res.body.toString('utf8')}`).to.equal('Fail');
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
