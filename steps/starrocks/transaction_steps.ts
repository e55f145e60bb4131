// The Stream Load transaction interface as a client drives it: every operation
// is a request to /api/transaction/{op} carrying the label, db and table
// headers; through the FE the client follows 307s to the coordinator BE.

import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpResponse } from '../support/http.ts';
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

When(/^I (begin|prepare|commit|roll back) the transaction$/, async function (this: OlapWorld, op: string) {
  await operate(this, OPS[op]!, { via: 'FE', follow: true });
});

Given(/^I (began|prepared|committed|rolled back) the transaction$/, async function (this: OlapWorld, op: string) {
  expectOk(await operate(this, OPS[op]!, { via: 'FE', follow: true }), `${op} the transaction`);
  this.outcomeChecked = true;
});

When(/^I (begin|prepare|commit|roll back) the transaction on the BE$/, async function (this: OlapWorld, op: string) {
  await operate(this, OPS[op]!, { via: 'BE', follow: false });
});

When(/^I ask the FE to (begin|prepare|commit|roll back) the transaction$/, async function (this: OlapWorld, op: string) {
  await operate(this, OPS[op]!, { via: 'FE', follow: false });
});

When('I ask the FE to commit the transaction with the body {string}', async function (this: OlapWorld, body: string) {
  await operate(this, 'commit', { via: 'FE', follow: false, body: this.bytes(body) });
});

When('I load {string} in the transaction', async function (this: OlapWorld, data: string) {
  await operate(this, 'load', { via: 'FE', follow: true, body: this.bytes(data) });
});

Given('I loaded {string} in the transaction', async function (this: OlapWorld, data: string) {
  expectOk(await operate(this, 'load', { via: 'FE', follow: true, body: this.bytes(data) }), 'load in the transaction');
  this.outcomeChecked = true;
});

When('I load {string} in the transaction on the BE', async function (this: OlapWorld, data: string) {
  await operate(this, 'load', { via: 'BE', follow: false, body: this.bytes(data) });
});

When('I ask the FE to load {string} in the transaction', async function (this: OlapWorld, data: string) {
  await operate(this, 'load', { via: 'FE', follow: false, body: this.bytes(data) });
});

When('I {word} {string} on the {starrocks_node} with the transaction\'s headers',
  async function (this: OlapWorld, method: string, path: string, kind: 'FE' | 'BE' | 'CN') {
    await starrocks(this).send(kind, method, path, { headers: transactionHeaders(this) });
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
