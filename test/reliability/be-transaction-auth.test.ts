// Who may do what on the BE's transaction interface, as the source has it
// (transaction_mgr.cpp @ 058edb96bb, transaction_stream_load.cpp @ 057c2a9e26,
// stream_load_executor.cpp @ 037487dfcb, FrontendServiceImpl.java
// checkPasswordAndLoadPriv @ ce6b3b0b81): begin takes the request's Basic
// credentials and the FE checks them with the INSERT privilege; load, prepare,
// commit and rollback send the begin's credentials to the FE again and read
// none of their own. So a later request needs no Authorization, but a user
// dropped, re-passworded or stripped of INSERT after the begin can no longer
// load or commit, and nothing they sent becomes visible.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, basic, createTable, rows, setup } from '../starrocks/helpers.ts';

const DDL = 'CREATE TABLE d.t (k INT NOT NULL) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1';
const H = (label: string, auth: string | undefined, extra: Record<string, string> = {}): Record<string, string> =>
  ({ ...(auth ? { authorization: auth } : {}), label, db: 'd', table: 't', ...extra });

async function count(s: ReturnType<typeof setup>): Promise<bigint> {
  return (await rows(s.cluster, 'SELECT count() FROM d.t'))[0]![0] as bigint;
}

test('begin refuses no credentials, a wrong password, an unknown user and a user without INSERT, and opens nothing', async () => {
  const s = setup();
  await createTable(s.cluster, DDL);
  s.cluster.users.create('reader', 'pw');
  const cases: [string | undefined, RegExp][] = [
    [undefined, /"Message": "no valid Basic authorization"/],
    ['Bearer abc', /"Message": "no valid Basic authorization"/],
    [basic('root', 'wrong'), /"Message": "Access denied for root@127\.0\.0\.1"/],
    [basic('nobody', 'x'), /"Message": "Access denied for nobody@127\.0\.0\.1"/],
    [basic('reader', 'pw'), /"Message": "Access denied; you need \(at least one of\) the INSERT privilege\(s\) for this operation"/],
  ];
  for (const [i, [auth, message]] of cases.entries()) {
    const r = await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H(`refused${i}`, auth) });
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /"Status": "INTERNAL_ERROR"/);
    assert.match(r.body, message);
    const load = await s.be.inject({ method: 'PUT', url: '/api/transaction/load', headers: H(`refused${i}`, ROOT), payload: '1\n' });
    assert.match(load.body, /"Status": "TXN_NOT_EXISTS"/, 'a refused begin left a transaction to load into');
  }
  const list = await s.be.inject({ method: 'POST', url: '/api/transaction/list', headers: {} });
  assert.equal(list.body, '');
  assert.equal(await count(s), 0n);
});

test('load and commit carry the begin\'s credentials: none of their own are needed', async () => {
  const s = setup();
  await createTable(s.cluster, DDL);
  await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('own', ROOT) });
  let r = await s.be.inject({ method: 'PUT', url: '/api/transaction/load', headers: H('own', undefined), payload: '1\n2\n' });
  assert.match(r.body, /"Status": "OK"/);
  r = await s.be.inject({ method: 'PUT', url: '/api/transaction/load', headers: H('own', basic('root', 'wrong')), payload: '3\n' });
  assert.match(r.body, /"Status": "OK"/, 'the load\'s own Authorization is not read');
  r = await s.be.inject({ method: 'POST', url: '/api/transaction/commit', headers: H('own', undefined) });
  assert.match(r.body, /"Status": "OK"/);
  assert.equal(await count(s), 3n);
});

// What DROP USER, ALTER USER … IDENTIFIED BY and REVOKE do to the FE's users.
type Users = ReturnType<typeof setup>['cluster']['users'];
for (const [what, revoke] of [
  ['dropped', (u: Users) => u.drop('loader')],
  ['given a new password', (u: Users) => { u.users.get('loader')!.password = 'other'; }],
  ['stripped of INSERT', (u: Users) => u.grantPrivileges('loader', ['INSERT'], 'd', 't', true)],
] as const) {
  test(`a user ${what} after the begin can neither load nor commit, and their rows never show`, async () => {
    const s = setup();
    await createTable(s.cluster, DDL);
    s.cluster.users.create('loader', 'pw');
    s.cluster.users.grantPrivileges('loader', ['INSERT'], 'd', 't');
    const loader = basic('loader', 'pw');
    let r = await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('l', loader) });
    assert.match(r.body, /"Status": "OK"/, r.body);
    r = await s.be.inject({ method: 'PUT', url: '/api/transaction/load', headers: H('l', loader), payload: '1\n2\n' });
    assert.match(r.body, /"Status": "OK"/, r.body);
    // Another label of the same user, begun and left open, for the load that comes after.
    r = await s.be.inject({ method: 'POST', url: '/api/transaction/begin', headers: H('m', loader) });
    assert.match(r.body, /"Status": "OK"/, r.body);
    revoke(s.cluster.users);
    const refusal = what === 'stripped of INSERT' ? /the INSERT privilege/ : /Access denied for loader@127\.0\.0\.1/;
    r = await s.be.inject({ method: 'PUT', url: '/api/transaction/load', headers: H('m', loader), payload: '3\n' });
    assert.match(r.body, /"Status": "INTERNAL_ERROR"/, r.body);
    assert.match(r.body, refusal);
    r = await s.be.inject({ method: 'POST', url: '/api/transaction/commit', headers: H('l', ROOT) });
    assert.match(r.body, /"Status": "INTERNAL_ERROR"/, r.body);
    assert.match(r.body, refusal);
    // The context stays, aborted: a second commit cannot slip through either.
    r = await s.be.inject({ method: 'POST', url: '/api/transaction/commit', headers: H('l', ROOT) });
    assert.doesNotMatch(r.body, /"Status": "OK"/, r.body);
    assert.equal(await count(s), 0n);
  });
}
