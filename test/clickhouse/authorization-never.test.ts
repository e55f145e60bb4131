import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCredentials } from '../../reference/clickhouse/auth.ts';
import type { UrlParams } from '../../reference/clickhouse/url-params.ts';

const params = (query: string): UrlParams => [...new URLSearchParams(query)];
const who = (c: { user: string; password: string; source: string }) => ({ user: c.user, password: c.password, source: c.source });

test("with authorizationNever, 'Authorization: never' is no header: the URL parameters or default apply", () => {
  const never = { authorizationNever: true };
  assert.deepEqual(who(readCredentials({ authorization: 'never' }, params(''), never)),
    { user: 'default', password: '', source: 'authentication via parameters' });
  assert.deepEqual(who(readCredentials({ authorization: 'never' }, params('user=u&password=p'), never)),
    { user: 'u', password: 'p', source: 'authentication via parameters' });
  assert.equal(readCredentials({ authorization: 'never', 'x-clickhouse-user': 'h' }, params(''), never).user, 'h');
});

test("only 'never' exactly is the sentinel; without authorizationNever it is an unknown scheme", () => {
  for (const value of ['Never', 'never x']) {
    assert.throws(() => readCredentials({ authorization: value }, params(''), { authorizationNever: true }),
      /HTTP Authorization scheme is not supported/, value);
  }
  assert.throws(() => readCredentials({ authorization: 'never' }, params('')),
    /Invalid authentication: 'never' HTTP Authorization scheme is not supported/);
});
