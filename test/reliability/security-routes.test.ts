// Every route of every reference server, taken from the servers' own route
// tables, asked with no credentials, a wrong password and a user without the
// privilege, and answered with the refusal the source gives:
// - StarRocks FE: the level each RestBaseAction checks (BaseAction /
//   RestBaseAction.handleRequest): none, basic (401 without or with wrong
//   credentials), admin (401 also for a user without the admin roles),
//   operate (500 with the OPERATE message for such a user), fe-host (the
//   client's address, not its credentials); Stream Load and the transaction
//   interface check their own way (LoadAction, TransactionLoadAction).
// - StarRocks BE and CN: no HTTP authentication at all (the BE trusts its
//   network), but Stream Load and the transaction begin have the FE check the
//   credentials and the INSERT privilege (be-transaction-auth.test.ts walks
//   the rest of the transaction interface).
// - ClickHouse: the static handlers ask no one; the query handler logs in
//   (no credentials = `default`), refuses a wrong password (516) and a user
//   without the grant (497) or read-only (164).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import mysql from 'mysql2/promise';
import { startTarget, type RunningTarget } from '../../steps/targets/start_target.ts';
import { Cluster } from '../../reference/starrocks/cluster/cluster.ts';
import { buildFeRouter } from '../../reference/starrocks/fe/server.ts';
import { buildBeRouter } from '../../reference/starrocks/be/server.ts';
import { buildCnRouter } from '../../reference/starrocks/cn/server.ts';
import type { AuthLevel } from '../../reference/starrocks/fe/action.ts';
import type { DefaultRoute } from '../../reference/clickhouse/routes.ts';
import { defaultRoute } from '../../reference/clickhouse/routes.ts';

let target: RunningTarget;
const basic = (user: string, password = ''): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

type Creds = 'none' | 'wrong' | 'plain' | 'root';
const AUTH: Record<Creds, Record<string, string>> = {
  none: {},
  wrong: { Authorization: basic('root', 'wrong') },
  plain: { Authorization: basic('plain', 'pw') },
  root: { Authorization: basic('root') },
};

before(async () => {
  target = await startTarget('reference');
  const sr = target.starrocks!;
  const db = await mysql.createConnection({ host: sr.queryHost, port: sr.queryPort, user: sr.user, password: sr.password });
  await db.query('CREATE DATABASE sec');
  await db.query('CREATE TABLE sec.t (k INT) DUPLICATE KEY(k) DISTRIBUTED BY HASH(k) BUCKETS 1 PROPERTIES ("replication_num" = "1")');
  // A user who may log in and do nothing else.
  await db.query("CREATE USER 'plain' IDENTIFIED BY 'pw'");
  await db.end();
});
after(async () => {
  await target?.stop();
});

/** A request path for a route pattern: the probe table, a label, an operation. */
function concrete(pattern: string): string {
  const values: Record<string, string> = { db: 'sec', table: 't', label: 'nolabel', name: 'nolabel', txn_op: 'begin', tablet_id: '1', action: 'stat' };
  return pattern.replace(/\{(\w+)\}/g, (_, n: string) => values[n] ?? 'x').replace(/\/\*\w*$/, '/x');
}

/** One request with node:http (fetch refuses Expect: 100-continue), its body read whole. */
function ask(base: string, method: string, path: string, creds: Creds, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const url = new URL(path, base);
  const body = method === 'PUT' || method === 'POST' ? '1\n' : '';
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent: false, headers: { ...AUTH[creds], ...headers, 'Content-Length': String(body.length) }, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in 10 s`)));
    // With Expect: 100-continue the body waits for the server's go (which a refusal never gives).
    if (headers.Expect) req.on('continue', () => req.end(body));
    else req.end(body);
    if (headers.Expect) req.on('response', () => { if (!req.writableEnded) req.end(); });
  });
}

/** The envelope's msg (Gson writes ' as \\u0027), else the body. */
function message(body: string): string {
  try {
    const j = JSON.parse(body) as { msg?: unknown };
    return typeof j.msg === 'string' ? j.msg : body;
  } catch {
    return body;
  }
}

const FE_ROUTES = (() => {
  const cluster = new Cluster();
  return buildFeRouter({ cluster, fe: cluster.leader }).list();
})();

test(`StarRocks FE: each of its ${FE_ROUTES.length} routes refuses as its RestBaseAction level says`, async () => {
  const fe = target.starrocks!.fe;
  const levels = new Set<AuthLevel | undefined>();
  for (const route of FE_ROUTES) {
    const path = concrete(route.pattern);
    const level = route.handler.authLevel;
    levels.add(level);
    const where = `${route.method} ${route.pattern} (${level ?? 'its own check'})`;
    // Stream Load wants 100-continue before it looks at anything but the credentials.
    const extra: Record<string, string> = route.pattern.endsWith('_stream_load') ? { Expect: '100-continue' } : { label: 'nolabel', db: 'sec', table: 't' };
    const answers = {} as Record<Creds, Awaited<ReturnType<typeof ask>>>;
    for (const creds of ['none', 'wrong', 'plain', 'root'] as const) {
      answers[creds] = await ask(fe, route.method, path, creds, extra).catch((e: Error) => assert.fail(`${where} with ${creds}: ${e.message}`));
    }
    const refused401 = (creds: 'none' | 'wrong', text: RegExp): void => {
      const a = answers[creds];
      assert.equal(a.status, 401, `${where} with ${creds} credentials: ${a.status} ${a.body}`);
      assert.equal(a.headers['www-authenticate'], 'Basic realm=""', where);
      if (route.method !== 'HEAD') assert.match(message(a.body), text, `${where} with ${creds} credentials`);
    };
    assert.notEqual(answers.root.status, 401, `${where}: root was refused: ${answers.root.body}`);
    switch (level) {
      case 'none':
      case 'fe-host':
        for (const creds of ['none', 'wrong', 'plain'] as const) assert.notEqual(answers[creds].status, 401, `${where} with ${creds}: ${answers[creds].body}`);
        break;
      case 'basic':
        refused401('none', /^Need auth information\.$/);
        refused401('wrong', /^Access denied for root@127\.0\.0\.1$/);
        assert.notEqual(answers.plain.status, 401, `${where}: a user who logs in passes the basic level: ${answers.plain.body}`);
        break;
      case 'admin':
        refused401('none', /^Need auth information\.$/);
        refused401('wrong', /^Access denied for root@127\.0\.0\.1$/);
        assert.equal(answers.plain.status, 401, `${where} for a user without the admin roles: ${answers.plain.body}`);
        if (route.method !== 'HEAD') assert.match(message(answers.plain.body), /^Access denied for user 'plain'@'%'\. Please ask the admin to grant permission/, where);
        break;
      case 'operate':
        refused401('none', /^Need auth information\.$/);
        refused401('wrong', /^Access denied for root@127\.0\.0\.1$/);
        assert.equal(answers.plain.status, 500, `${where} for a user without OPERATE: ${answers.plain.body}`);
        if (route.method !== 'HEAD') assert.match(message(answers.plain.body), /^Access denied; you need \(at least one of\) the OPERATE privilege\(s\) on SYSTEM/, where);
        break;
      case undefined:
        refused401('none', /^Need auth information\.$/);
        refused401('wrong', /^Access denied for root@127\.0\.0\.1$/);
        if (route.pattern.endsWith('_stream_load')) {
          assert.equal(answers.plain.status, 500, `${where}: a user without INSERT: ${answers.plain.body}`);
          assert.match(message(answers.plain.body), /the INSERT privilege\(s\) on TABLE t/, where);
        } else {
          assert.notEqual(answers.plain.status, 401, `${where}: the FE checks only the login; the BE's begin checks INSERT`);
        }
        break;
    }
  }
  // The walk met every kind of check the FE has (a new one would need its own expectations here).
  assert.deepEqual([...levels].sort(), ['admin', 'basic', 'fe-host', 'none', 'operate', undefined].sort());
});

const BE_ROUTES = (() => {
  const cluster = new Cluster();
  return buildBeRouter({ cluster, node: cluster.backends[0]! }).list();
})();
const CN_ROUTES = (() => buildCnRouter(new Cluster()).list())();

// /api/_stop_be stops the node's loads for the rest of the run (and asks for no credentials, as
// enable_stop_be_action_fe_auth is off by default); the CPU profiles take seconds.
const NOT_WALKED = new Set(['/api/_stop_be', '/pprof/profile', '/pprof/pmuprofile']);

test(`StarRocks BE and CN: ${BE_ROUTES.length} + ${CN_ROUTES.length} routes; none asks for credentials but the loads, which the FE checks`, async () => {
  const sr = target.starrocks!;
  assert.ok(BE_ROUTES.some((r) => r.pattern === '/api/_stop_be'), 'the stop route is in the table, unauthenticated');
  for (const [base, routes] of [[sr.be!, BE_ROUTES], [sr.cn!, CN_ROUTES]] as const) {
    for (const route of routes) {
      if (NOT_WALKED.has(route.pattern)) continue;
      const path = concrete(route.pattern);
      const where = `${base === sr.be ? 'BE' : 'CN'} ${route.method} ${route.pattern}`;
      const loads = route.pattern.endsWith('_stream_load') || (route.pattern === '/api/transaction/{txn_op}');
      const headers = { label: `sec_${Math.random().toString(36).slice(2)}`, db: 'sec', table: 't' };
      for (const creds of ['none', 'wrong', 'plain'] as const) {
        const a = await ask(base, route.method, path, creds, headers);
        assert.notEqual(a.status, 401, `${where} with ${creds}: the BE has no HTTP login`);
        if (!loads) continue;
        const refusal = creds === 'none' ? /no valid Basic authorization/ : creds === 'wrong' ? /Access denied for root@127\.0\.0\.1/
          : /Access denied; you need \(at least one of\) the INSERT privilege\(s\) for this operation/;
        assert.match(a.body, refusal, `${where} with ${creds}: ${a.body}`);
        assert.doesNotMatch(a.body, /"Status": ?"(OK|Success)"/, `${where} with ${creds}`);
      }
    }
  }
  const db = await mysql.createConnection({ host: sr.queryHost, port: sr.queryPort, user: sr.user, password: sr.password });
  const [rows] = await db.query('SELECT COUNT(*) AS n FROM sec.t');
  await db.end();
  assert.equal(Number((rows as { n: number }[])[0]!.n), 0, 'a refused load stored rows');
});

// One request per default route; a Record, so that a route added to DefaultRoute must be added here.
const CLICKHOUSE_ROUTES: Record<DefaultRoute, { method: string; uri: string }> = {
  root: { method: 'GET', uri: '/' },
  ping: { method: 'GET', uri: '/ping' },
  replicas_status: { method: 'GET', uri: '/replicas_status' },
  play: { method: 'GET', uri: '/play' },
  query: { method: 'POST', uri: '/?query=' },
};

test('ClickHouse: the static routes ask no one; the query route refuses a wrong password, a missing grant and read-only users', async () => {
  for (const [route, { method, uri }] of Object.entries(CLICKHOUSE_ROUTES)) {
    assert.equal(defaultRoute(method, uri), route, `${method} ${uri} is routed to ${route}`);
  }
  const run = async (uri: string, user?: string, password?: string, body = 'SELECT 1'): Promise<{ status: number; text: string }> => {
    // Credentials in headers, so that the request-target (and with it the route) stays the same.
    const headers: Record<string, string> = user === undefined ? {} : { 'X-ClickHouse-User': user, 'X-ClickHouse-Key': password ?? '' };
    const query = uri.startsWith('/?');
    const res = await fetch(`${target.url}${uri}`, { method: query ? 'POST' : 'GET', headers, ...(query ? { body } : {}) });
    return { status: res.status, text: await res.text() };
  };
  for (const [route, { uri }] of Object.entries(CLICKHOUSE_ROUTES)) {
    if (route === 'query') continue;
    for (const [user, password] of [[undefined, undefined], ['default', 'wrong'], ['nobody', 'x']] as const) {
      const a = await run(uri, user, password);
      assert.equal(a.status, 200, `${uri} as ${user}: ${a.status} ${a.text.slice(0, 200)}`);
    }
  }
  assert.deepEqual(await run('/?query='), { status: 200, text: '1\n' }, 'no credentials: the default user');
  // 26.7 answers a failed login of `default` with 194 REQUIRED_PASSWORD / 401, any other with 516 / 403 (auth.test.ts).
  for (const user of ['default', 'nobody', 'olapspec_plain']) {
    const wrong = await run('/?query=', user, 'wrong');
    assert.ok(wrong.status === 401 || wrong.status === 403, `${user}: ${wrong.status}`);
    assert.match(wrong.text, new RegExp(`^Code: (194|516)\\. DB::Exception: ${user}: Authentication failed: password is incorrect, or there is no user with such name`), wrong.text);
  }
  // olapspec_roles reads default.* and system.numbers only (system.one is readable by anyone, as ClickHouse has it).
  assert.equal((await run('/?query=', undefined, undefined, 'CREATE DATABASE sec_db')).status, 200);
  assert.equal((await run('/?query=', undefined, undefined, 'CREATE TABLE sec_db.t (x UInt8) ENGINE = Memory')).status, 200);
  const grant = await run('/?query=', 'olapspec_roles', 'olapspec-roles-secret', 'SELECT * FROM sec_db.t');
  assert.match(grant.text, /^Code: 497\. DB::Exception: olapspec_roles: Not enough privileges\./, grant.text);
  const readonly = await run('/?query=', 'olapspec_readonly', 'olapspec-readonly-secret', 'CREATE TABLE sec_ro (x UInt8) ENGINE = Memory');
  assert.match(readonly.text, /^Code: 164\. DB::Exception: olapspec_readonly: Cannot execute query in readonly mode\./, readonly.text);
  const exists = await run('/?query=', undefined, undefined, "EXISTS TABLE sec_ro");
  assert.equal(exists.text, '0\n', 'a refused CREATE left a table');
});
