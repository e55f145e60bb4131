import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CREDENTIALS_PATTERN, credentialParts, parseCredentials, withParams } from '../../steps/support/credentials.ts';

const whole = new RegExp(`^(?:${CREDENTIALS_PATTERN})$`);
const target = { user: 'default', password: '' };

test('each way to name a user is one phrase of the parameter type', () => {
  for (const phrase of [
    ' as "u" with the password "p"',
    ' as "u" with the password "p" in HTTP basic authentication',
    ' as "u" with the password "" in the user and password URL parameters',
    ' as "u" with the password "p" in the X-ClickHouse-User and X-ClickHouse-Key headers',
    ' with the credentials in HTTP basic authentication',
    ' without credentials',
    '',
  ]) assert.ok(whole.test(phrase), phrase);
  assert.ok(!whole.test(' as "u" with the password "p" in a letter'));
  assert.ok(!whole.test(' with the credentials'));
  assert.equal(new RegExp(CREDENTIALS_PATTERN).exec(' with the credentials in HTTP basic authentication')!.length, 1, 'no capture groups');
});

test('a named user goes in basic authentication unless the phrase says otherwise', () => {
  assert.deepEqual(parseCredentials('as "u" with the password "p"'), { user: 'u', password: 'p', way: 'basic' });
  assert.deepEqual(parseCredentials('as "u" with the password "p" in the user and password URL parameters'), { user: 'u', password: 'p', way: 'url' });
  assert.deepEqual(parseCredentials('with the credentials in the X-ClickHouse-User and X-ClickHouse-Key headers'), { way: 'headers' });
  assert.deepEqual(parseCredentials(' without credentials'), { way: 'none' });
  assert.equal(parseCredentials(''), undefined, 'a step that names none');
  assert.equal(parseCredentials(undefined), undefined);
  assert.throws(() => parseCredentials('as u'));
});

test('the parts that carry the user: the target\'s own when the phrase names none', () => {
  assert.deepEqual(credentialParts({ way: 'basic' }, target), { headers: { authorization: 'Basic ZGVmYXVsdDo=' }, params: '' });
  assert.deepEqual(credentialParts({ user: 'a b', password: 'p&q', way: 'url' }, target), { headers: {}, params: 'user=a%20b&password=p%26q' });
  assert.deepEqual(credentialParts({ user: 'u', password: 'p', way: 'headers' }, target),
    { headers: { 'x-clickhouse-user': 'u', 'x-clickhouse-key': 'p' }, params: '' });
  assert.deepEqual(credentialParts({ way: 'none' }, target), { headers: {}, params: '' });
});

test('URL parameters join the query string the path already has', () => {
  assert.equal(withParams('/', 'a=1'), '/?a=1');
  assert.equal(withParams('/?q=1', 'a=1'), '/?q=1&a=1');
  assert.equal(withParams('/?q=1', ''), '/?q=1');
});
