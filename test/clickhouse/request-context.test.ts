import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GET_READONLY_HINT, buildQueryContext } from '../../reference/clickhouse/request-context.ts';
import { parseQueryString } from '../../reference/clickhouse/url-params.ts';
import { UserStore } from '../../reference/clickhouse/users.ts';
import type { IncomingHttpHeaders } from 'node:http';

const users = new UserStore([{ name: 'default', password: '' }, { name: 'alice', password: 'p:w' }]);

function build(method: string, uri: string, headers: IncomingHttpHeaders = {}) {
  return buildQueryContext({ method, headers, params: parseQueryString(uri) }, { users });
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
  const rc = build('POST', '/?database=a&default_format=CSV', { 'x-clickhouse-database': 'b', 'x-clickhouse-format': 'JSON' });
  assert.equal(rc.database, 'b');
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
