import { test } from 'node:test';
import assert from 'node:assert/strict';
import { credentialRulesFor, loginFailure, readCredentials } from '../../reference/clickhouse/auth.ts';
import { compatFor } from '../../reference/clickhouse/compat.ts';
import { parseQueryString } from '../../reference/clickhouse/url-params.ts';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const R26 = credentialRulesFor(compatFor('26.7'));
const R24 = credentialRulesFor(compatFor('24.8'));

test('26.7: the URL parameters win over an Authorization header; 24.8 refuses the two together', () => {
  const headers = { authorization: basic('a', 'pa') };
  const params = parseQueryString('/?user=b&password=pb');
  assert.deepEqual(readCredentials(headers, params, R26), { user: 'b', password: 'pb', source: 'authentication via parameters', browserMayAsk: true });
  assert.throws(() => readCredentials(headers, params, R24),
    { code: 516, message: 'Invalid authentication: it is not allowed to use Authorization HTTP header and authentication via parameters simultaneously' });
});

test('the X-ClickHouse headers are still never mixed with an Authorization header', () => {
  const headers = { authorization: basic('a', 'pa'), 'x-clickhouse-user': 'b' };
  assert.throws(() => readCredentials(headers, parseQueryString('/'), R26), { code: 516 });
});

test('Authorization: never (exactly) is no header and keeps the browser from asking', () => {
  const never = readCredentials({ authorization: 'never' }, parseQueryString('/?password=x'), R26);
  assert.deepEqual(never, { user: 'default', password: 'x', source: 'authentication via parameters', browserMayAsk: false });
  assert.deepEqual(loginFailure(never, R26), { browserMayAsk: false, cloudHelp: true });
  assert.throws(() => readCredentials({ authorization: 'Never' }, parseQueryString('/'), R26),
    { message: "Invalid authentication: 'Never' HTTP Authorization scheme is not supported" });
  const plain = readCredentials({}, parseQueryString('/?password=x'), R26);
  assert.deepEqual(loginFailure(plain, R26), { browserMayAsk: true, cloudHelp: true });
  assert.deepEqual(loginFailure(plain, R24), { browserMayAsk: false, cloudHelp: false });
});

test('a failed login as default: 26.7 asks the browser (194, 401, Cloud help first), 24.8 refuses (516, 403)', async () => {
  const { buildClickHouseServer } = await import('../../reference/clickhouse/server.ts');
  const head = 'default: Authentication failed: password is incorrect, or there is no user with such name\n\n';
  const app26 = buildClickHouseServer({ displayName: 't', compat: compatFor('26.7') });
  const r26 = await app26.inject({ method: 'POST', url: '/?password=wrong', payload: 'SELECT 1' });
  assert.equal(r26.statusCode, 401);
  assert.equal(r26.headers['www-authenticate'], 'Basic realm="ClickHouse server HTTP API"');
  assert.ok(r26.body.startsWith(`Code: 194. DB::Exception: ${head}If you use ClickHouse Cloud, the password can be reset at https://clickhouse.cloud/\n`), r26.body);
  assert.ok(r26.body.endsWith('is installed.\n\n. (REQUIRED_PASSWORD)\n'), r26.body);
  const never = await app26.inject({ method: 'POST', url: '/?password=wrong', headers: { authorization: 'never' }, payload: 'SELECT 1' });
  assert.equal(never.statusCode, 403);
  assert.equal(never.headers['www-authenticate'], undefined);
  await app26.close();
  const app24 = buildClickHouseServer({ displayName: 't', compat: compatFor('24.8') });
  const r24 = await app24.inject({ method: 'POST', url: '/?password=wrong', payload: 'SELECT 1' });
  assert.equal(r24.statusCode, 403);
  assert.ok(r24.body.startsWith(`Code: 516. DB::Exception: ${head}If you have installed ClickHouse`), r24.body);
  assert.ok(r24.body.endsWith('. (AUTHENTICATION_FAILED) (version 24.8.1.1)\n'), r24.body);
  await app24.close();
});
