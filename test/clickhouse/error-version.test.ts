import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compatFor } from '../../reference/clickhouse/compat.ts';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';

function server(line: string) {
  return buildClickHouseServer({ displayName: 'test-host', compat: compatFor(line) });
}

const FAILED_LOGIN = 'Code: 516. DB::Exception: nobody: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)';

test('26.7 leaves the version out until the login and the session are done, and names it after', async () => {
  const app = server('26.7');
  const login = await app.inject({ method: 'POST', url: '/?user=nobody&password=x', payload: 'SELECT 1' });
  assert.equal(login.statusCode, 403);
  assert.equal(login.body, `${FAILED_LOGIN}\n`);
  const session = await app.inject({ method: 'POST', url: '/?session_id=s&session_timeout=abc', payload: 'SELECT 1' });
  assert.equal(session.body, "Code: 374. DB::Exception: Invalid session timeout: 'abc'. (INVALID_SESSION_TIMEOUT)\n");
  const unsized = await app.inject({ method: 'POST', url: '/', payload: '' });
  assert.equal(unsized.body, 'Code: 381. DB::Exception: The Transfer-Encoding is not chunked and there is no Content-Length header for POST request. (HTTP_LENGTH_REQUIRED)\n');
  const empty = await app.inject({ method: 'POST', url: '/', headers: { 'content-length': '0' }, payload: '' });
  assert.equal(empty.body, 'Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 26.7.2.1)\n');
  await app.close();
});

test('26.7 without a version ends a stack trace with its last frame and one newline', async () => {
  const app = server('26.7');
  const r = await app.inject({ method: 'POST', url: '/?user=nobody&password=x&stacktrace=1', payload: 'SELECT 1' });
  assert.ok(r.body.startsWith(`${FAILED_LOGIN}, Stack trace (when copying this message, always include the lines below):\n\n0. `), r.body);
  assert.match(r.body, /\n\d+\. [^\n]+\n$/);
  await app.close();
});

test('24.8 names its version in every error, a failed login included', async () => {
  const app = server('24.8');
  const login = await app.inject({ method: 'POST', url: '/?user=nobody&password=x', payload: 'SELECT 1' });
  assert.equal(login.body, `${FAILED_LOGIN} (version 24.8.1.1)\n`);
  const unsized = await app.inject({ method: 'POST', url: '/', payload: '' });
  assert.match(unsized.body, /\(HTTP_LENGTH_REQUIRED\) \(version 24\.8\.1\.1\)\n$/);
  await app.close();
});
