// The Stream Load transaction interface as a client drives it: every operation
// is a request to /api/transaction/{op} carrying the label, db and table
// headers; through the FE the client follows 307s to the coordinator BE.

import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpResponse } from '../support/http.ts';
import type { Endpoint } from '../parameter_types.ts';
import type { OlapWorld } from '../support/world.ts';
import { starrocks, type Transaction } from './support/session.ts';
import { sendHttp } from '../support/http.ts';
import { basicAuthHeader } from './support/requests.ts';
import { splitTable } from './sql_steps.ts';

type Op = 'begin' | 'load' | 'prepare' | 'commit' | 'rollback';
const OPS: Record<string, Op> = {
  begin: 'begin', began: 'begin', prepare: 'prepare', prepared: 'prepare',
  commit: 'commit', committed: 'commit', 'roll back': 'rollback', 'rolled back': 'rollback',
};

function transactionOf(world: OlapWorld): Transaction {
  const txn = starrocks(world).transaction;
  if (!txn) throw new Error('no transaction: a step like \'the transaction "{label}" on the table "{db}.{t}"\' comes first');
  return txn;
}

function transactionHeaders(world: OlapWorld): Record<string, string> {
  const { label, db, table } = transactionOf(world);
  return { label, db, table };
}

interface OpOptions {
  via: 'FE' | 'BE';
  follow: boolean;
  body?: Buffer;
}

// load is PUT with the data (POST /api/transaction/load on a BE is an error); the others are POST.
async function operate(world: OlapWorld, op: Op, { via, follow, body }: OpOptions): Promise<HttpResponse> {
  const session = starrocks(world);
  const method = op === 'load' ? 'PUT' : 'POST';
  const options = { headers: transactionHeaders(world), ...(body ? { body, expectContinue: op === 'load' } : {}) };
  return follow
    ? session.sendFollowing(via, method, `/api/transaction/${op}`, options)
    : session.send(via, method, `/api/transaction/${op}`, options);
}

function expectOk(res: HttpResponse, what: string): void {
  const text = res.body.toString('utf8');
  expect(res.status, `${what}: ${text}`).to.equal(200);
  expect((JSON.parse(text) as { Status?: unknown }).Status, `${what}: ${text}`).to.equal('OK');
}

Given('the transaction {string} on the table {string}', function (this: OlapWorld, label: string, table: string) {
  const { db, table: name } = splitTable(this, table);
  starrocks(this).transaction = { label: this.resolve(label), db, table: name };
});

// What the op is asked of: with nothing said the FE, following its 307s to the
// coordinator BE as a client does; ` on the FE` or ` on the BE` that node only.
defineParameterType({ name: 'txn_op', regexp: /begin|prepare|commit|roll back/, transformer: (text: string) => OPS[text]! });
defineParameterType({ name: 'txn_done', regexp: /began|prepared|committed|rolled back/, transformer: (text: string) => OPS[text]! });
defineParameterType({
  name: 'txn_route',
  regexp: /(?: on the (?:FE|BE))?/,
  transformer: (text: string | undefined): OpOptions => (text?.includes('BE') ? { via: 'BE', follow: false }
    : text?.includes('FE') ? { via: 'FE', follow: false } : { via: 'FE', follow: true }),
});

When('I {txn_op} the transaction{txn_route}', async function (this: OlapWorld, op: Op, route: OpOptions) {
  await operate(this, op, route);
});

When('I {txn_op} the transaction{txn_route} with the body {string}', async function (this: OlapWorld, op: Op, route: OpOptions, body: string) {
  await operate(this, op, { ...route, body: this.bytes(body) });
});

Given('I {txn_done} the transaction', async function (this: OlapWorld, op: Op) {
  expectOk(await operate(this, op, { via: 'FE', follow: true }), `${op} the transaction`);
  this.outcomeChecked = true;
});

When('I load {string} in the transaction{txn_route}', async function (this: OlapWorld, data: string, route: OpOptions) {
  await operate(this, 'load', { ...route, body: this.bytes(data) });
});

Given('I loaded {string} in the transaction', async function (this: OlapWorld, data: string) {
  expectOk(await operate(this, 'load', { via: 'FE', follow: true, body: this.bytes(data) }), 'load in the transaction');
  this.outcomeChecked = true;
});

When('I {method} {string}{endpoint} with the transaction\'s headers', async function (this: OlapWorld, method: string, path: string,
  endpoint: Endpoint) {
  if (!endpoint.node || endpoint.from) throw new Error('a transaction\'s request goes to the FE, a BE or a CN');
  await starrocks(this).send(endpoint.node, method, path, { headers: transactionHeaders(this) });
});

/** The state get_load_state reports, asked on the side: the scenario's last response stays. */
async function stateOnFe(world: OlapWorld): Promise<string> {
  const session = starrocks(world);
  const { label, db } = transactionOf(world);
  const res = await sendHttp(session.info.fe, {
    method: 'GET',
    path: `/api/${db}/get_load_state?label=${encodeURIComponent(label)}`,
    headers: { authorization: basicAuthHeader(session.info.user, session.info.password) },
  });
  const text = res.body.toString('utf8');
  if (res.status !== 200) throw new Error(`get_load_state: ${res.status} ${text}`);
  return String((JSON.parse(text) as { state?: unknown }).state);
}

Then('the transaction\'s state on the FE is {string}', async function (this: OlapWorld, state: string) {
  expect(await stateOnFe(this), 'state').to.equal(state);
});

When('I wait until the transaction\'s state on the FE is {string}', { timeout: 150_000 }, async function (this: OlapWorld, state: string) {
  const until = Date.now() + 120_000;
  let last = '';
  while (Date.now() < until) {
    last = await stateOnFe(this);
    if (last === state) return;
    await sleep(1000);
  }
  throw new Error(`the state stayed ${last}, not ${state}, for 120 s`);
});
