// The three documented ways to name a user, always with the target's own
// credentials so that the same scenarios run against any server.

import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { parseClickHouseError } from './support/clickhouse_error.ts';
import { unescapeText } from './support/escapes.ts';
import { basicAuthorization } from './support/http.ts';
import type { OlapWorld } from './support/world.ts';

When('I POST {string} to {string} with the credentials in HTTP basic authentication', async function (this: OlapWorld, body: string, path: string) {
  const token = Buffer.from(`${this.target.user}:${this.target.password}`).toString('base64');
  await this.send('POST', path, this.bytes(body), { authorization: `Basic ${token}` });
});

When('I POST {string} to {string} with the credentials in the user and password URL parameters', async function (this: OlapWorld, body: string, path: string) {
  const join = path.includes('?') ? '&' : '?';
  const params = `user=${encodeURIComponent(this.target.user)}&password=${encodeURIComponent(this.target.password)}`;
  await this.send('POST', `${path}${join}${params}`, this.bytes(body));
});

When('I POST {string} to {string} with the credentials in the X-ClickHouse-User and X-ClickHouse-Key headers', async function (this: OlapWorld, body: string, path: string) {
  await this.send('POST', path, this.bytes(body), { 'x-clickhouse-user': this.target.user, 'x-clickhouse-key': this.target.password });
});

// Named users of the suite's own configuration (steps/targets/config/users.xml).

function withParams(path: string, params: string): string {
  return params ? `${path}${path.includes('?') ? '&' : '?'}${params}` : path;
}

When('I run {string} as {string} with the password {string} in HTTP basic authentication', async function (this: OlapWorld, sql: string, user: string, password: string) {
  await this.send('POST', '/', this.bytes(sql), { authorization: basicAuthorization(user, password) });
});

When('I run {string} as {string} with the password {string} in the user and password URL parameters', async function (this: OlapWorld, sql: string, user: string, password: string) {
  await this.send('POST', `/?user=${encodeURIComponent(user)}&password=${encodeURIComponent(password)}`, this.bytes(sql));
});

When('I run {string} as {string} with the password {string} in the X-ClickHouse-User and X-ClickHouse-Key headers', async function (this: OlapWorld, sql: string, user: string, password: string) {
  await this.send('POST', '/', this.bytes(sql), { 'x-clickhouse-user': user, 'x-clickhouse-key': password });
});

When('I run {string} as {string} with the password {string} and the URL parameters {string}', async function (this: OlapWorld, sql: string, user: string, password: string, params: string) {
  await this.send('POST', withParams('/', params), this.bytes(sql), { authorization: basicAuthorization(user, password) });
});

When('I run {string} over GET as {string} with the password {string} and the URL parameters {string}', async function (this: OlapWorld, sql: string, user: string, password: string, params: string) {
  const path = withParams(`/?query=${encodeURIComponent(this.resolve(unescapeText(sql)))}`, params);
  await this.send('GET', path, undefined, { authorization: basicAuthorization(user, password) });
});

Given('HTTP basic authentication as {string} with the password {string}', function (this: OlapWorld, user: string, password: string) {
  this.nextHeaders.authorization = basicAuthorization(user, password);
});

// Old servers answered failed logins with 401, newer ones with 403: scenarios
// that hold for both name both, and the modern status has its own scenario.
Then('the request is refused with status {int} or {int}', function (this: OlapWorld, one: number, other: number) {
  this.outcomeChecked = true;
  const body = this.response.body.toString('utf8');
  expect([one, other], `status (body: ${body.slice(0, 300)})`).to.include(this.response.status);
  expect(parseClickHouseError(body), `a ClickHouse error body: ${body.slice(0, 300)}`).to.not.equal(undefined);
});

When('I run {string} {int} times as {string} with the password {string} and the URL parameters {string}', async function (this: OlapWorld, sql: string, times: number, user: string, password: string, params: string) {
  for (let i = 0; i < times; i++) {
    await this.send('POST', withParams('/', params), this.bytes(sql), { authorization: basicAuthorization(user, password) });
  }
});
