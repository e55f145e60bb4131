import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GET_READONLY_HINT, authenticateRequest, buildQueryContext, initialSettings } from '../../reference/clickhouse/request-context.ts';
import { SessionStore } from '../../reference/clickhouse/sessions.ts';
import { parseQueryString } from '../../reference/clickhouse/url-params.ts';
import { createClickHouseEngine } from '../../reference/engine/dialects/clickhouse/index.ts';
import type { IncomingHttpHeaders } from 'node:http';

const engine = createClickHouseEngine({
  access: {
    users: { default: { password: '' }, alice: { password: 'p:w' } },
    profiles: { default: {}, readonly: { settings: { readonly: '1' } } },
  },
});

function build(method: string, uri: string, headers: IncomingHttpHeaders = {}, sessions?: SessionStore) {
  const info = { method, headers, params: parseQueryString(uri) };
  const deps = { engine, ...(sessions ? { sessions } : {}) };
  const principal = authenticateRequest(info, deps);
  return buildQueryContext(info, principal, initialSettings(principal, engine), deps);
}

test('query string parsing: + is a space, empty names are skipped', () => {
  assert.deepEqual(parseQueryString('/?&query=SELECT+1%2B1&&a=b'), [['query', 'SELECT 1+1'], ['a', 'b']]);
});

test('the query parameter, the query id and the defaults', () => {
  const rc = build('POST', '/?query=SELECT%201&query_id=q1');
  assert.equal(rc.queryParam, 'SELECT 1');
  assert.equal(rc.queryId, 'q1');
  assert.equal(rc.defaultFormat, 'TabSeparated');
  assert.equal(rc.database, '');
  assert.equal(rc.user.name, 'default');
  assert.match(build('POST', '/').queryId, /^[0-9a-f]{8}-[0-9a-f]{4}-4/);
});

test('headers win over URL parameters for database and format', () => {
  const rc = build('POST', '/?database=nope&default_format=CSV', { 'x-clickhouse-database': 'system', 'x-clickhouse-format': 'JSON' });
  assert.equal(rc.database, 'system');
  assert.throws(() => build('POST', '/?database=nope'), { code: 81 });
  assert.equal(rc.defaultFormat, 'JSON');
});

test('GET implies readonly=2 with the HTTP hint; POST does not', () => {
  const get = build('GET', '/?query=1');
  assert.equal(get.settings.getNumber('readonly'), 2);
  assert.equal(get.readonlyHint, `. ${GET_READONLY_HINT}`);
  assert.equal(build('HEAD', '/?query=1').settings.getNumber('readonly'), 2);
  assert.equal(build('HEAD', '/?query=1').readonlyHint, undefined);
  assert.equal(build('POST', '/').settings.getNumber('readonly'), 0);
});

test('readonly given on a GET must stay 2', () => {
  assert.equal(build('GET', '/?readonly=2').settings.getNumber('readonly'), 2);
  assert.throws(() => build('GET', '/?readonly=1'), { code: 164, message: "Cannot modify 'readonly' setting in readonly mode" });
});

test('URL settings are checked against the settings before the request, then applied together', () => {
  const rc = build('POST', '/?readonly=1&max_result_rows=5');
  assert.equal(rc.settings.getNumber('readonly'), 1);
  assert.equal(rc.settings.getNumber('max_result_rows'), 5);
  assert.equal(build('GET', '/?max_result_rows=7').settings.getNumber('max_result_rows'), 7);
});

test('unknown settings are 115; reserved and param_ names are not settings', () => {
  assert.throws(() => build('POST', '/?foo=1'), { code: 115 });
  const rc = build('POST', '/?compress=0&buffer_size=10&session_id=s&param_x=1&param_x=2');
  assert.equal(rc.queryParameters.get('x'), '1');
});

test('credentials: Basic, parameters and X-ClickHouse headers; passwords may hold colons', () => {
  const basic = 'Basic ' + Buffer.from('alice:p:w').toString('base64');
  assert.equal(build('POST', '/', { authorization: basic }).user.name, 'alice');
  assert.equal(build('POST', '/?user=alice&password=p:w').user.name, 'alice');
  assert.equal(build('POST', '/', { 'x-clickhouse-user': 'alice', 'x-clickhouse-key': 'p:w' }).user.name, 'alice');
});

test('a wrong password is 516 with the 24.8 message and, for default, the reset help', () => {
  assert.throws(() => build('POST', '/?user=alice&password=no'), {
    code: 516, message: 'alice: Authentication failed: password is incorrect, or there is no user with such name',
  });
  assert.throws(() => build('POST', '/?password=no'), (err: Error) =>
    err.message.startsWith('default: Authentication failed: password is incorrect, or there is no user with such name\n\nIf you have installed ClickHouse')
    && err.message.endsWith('where ClickHouse is installed.\n\n'));
});

test('mixing authentication methods is refused', () => {
  const basic = 'Basic ' + Buffer.from('alice:p:w').toString('base64');
  assert.throws(() => build('POST', '/?user=alice', { authorization: basic }), {
    code: 516, message: 'Invalid authentication: it is not allowed to use Authorization HTTP header and authentication via parameters simultaneously',
  });
  assert.throws(() => build('POST', '/', { authorization: basic, 'x-clickhouse-user': 'alice' }), {
    message: 'Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers and Authorization HTTP header simultaneously',
  });
  assert.throws(() => build('POST', '/?password=x', { 'x-clickhouse-user': 'alice' }), {
    message: 'Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers and authentication via parameters simultaneously',
  });
  assert.throws(() => build('POST', '/', { authorization: 'Bearer abc' }), {
    message: "Invalid authentication: 'Bearer' HTTP Authorization scheme is not supported",
  });
});

test('quota_key as both header and parameter is BAD_ARGUMENTS', () => {
  assert.equal(build('POST', '/?quota_key=k').quotaKey, 'k');
  assert.equal(build('POST', '/', { 'x-clickhouse-quota': 'h' }).quotaKey, 'h');
  assert.throws(() => build('POST', '/?quota_key=k', { 'x-clickhouse-quota': 'h' }), {
    code: 36, message: 'Invalid authentication: it is not allowed to use quota key as HTTP header and as parameter simultaneously',
  });
});

test('profile applies a settings profile among the URL settings; an unknown one is 180', () => {
  const rc = build('POST', '/?profile=readonly&max_result_rows=3');
  assert.equal(rc.settings.getNumber('readonly'), 1);
  assert.equal(rc.settings.getNumber('max_result_rows'), 3);
  assert.throws(() => build('POST', '/?profile=nope'), { code: 180 });
});

test('role parameters go to the engine: an unknown role is 511', () => {
  assert.throws(() => build('POST', '/?role=nope'), { code: 511 });
});

test('a session keeps its scope across requests and is per user', () => {
  const sessions = new SessionStore();
  const a = build('POST', '/?session_id=s1', {}, sessions);
  assert.ok(a.session);
  assert.equal(a.scope, a.session.scope);
  sessions.release(a.session);
  const b = build('POST', '/?session_id=s1&session_check=1', {}, sessions);
  assert.equal(b.session, a.session);
  sessions.release(b.session!);
  assert.throws(() => build('POST', '/?user=alice&password=p:w&session_id=s1&session_check=1', {}, sessions), { code: 372 });
  sessions.closeAll();
});

test('with multipart bodies the external tables\' metadata parameters are not settings', () => {
  const info = { method: 'POST', headers: {}, params: parseQueryString('/?t_format=CSV&t_types=UInt8&t_structure=a+UInt8'), externalData: true };
  const principal = authenticateRequest(info, { engine });
  assert.doesNotThrow(() => buildQueryContext(info, principal, initialSettings(principal, engine), { engine }));
  assert.throws(() => build('POST', '/?t_types=UInt8'), { code: 115 });
});
