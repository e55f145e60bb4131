// Requests as a curl user writes them, and checks on status and headers.

import { Given, Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { Count } from './parameter_types.ts';
import type { BodyEncoding } from './support/codecs.ts';
import type { Credentials } from './support/credentials.ts';
import type { OlapWorld } from './support/world.ts';

Given('the request header {string} is {string}', function (this: OlapWorld, name: string, value: string) {
  this.nextHeaders[name] = this.bytes(value).toString('utf8');
});

Given('the next request is sent {credentials}', function (this: OlapWorld, credentials: Credentials) {
  this.nextCredentials = credentials;
});

Given('the requests go over HTTPS', function (this: OlapWorld) {
  this.overHttps = true;
});

When('I {method} {string}', async function (this: OlapWorld, method: string, path: string) {
  await this.send(method, path);
});

When('I {method} {string} with the body {string}', async function (this: OlapWorld, method: string, path: string, body: string) {
  await this.send(method, path, this.bytes(body));
});

When('I POST {string} to {string}', async function (this: OlapWorld, body: string, path: string) {
  await this.send('POST', path, this.bytes(body));
});

When('I POST {string} to {string} {body_encoding}', async function (this: OlapWorld, body: string, path: string, encoding: BodyEncoding) {
  await this.send('POST', path, await encoding(this.bytes(body)));
});

Then('the status is {int}', function (this: OlapWorld, status: number) {
  this.outcomeChecked = true;
  expect(this.response.status, `status (body: ${this.response.body.toString('utf8').slice(0, 300)})`).to.equal(status);
});

// Header checks beyond those of every text (text_steps.ts).
Then('the header {string} matches {string}', function (this: OlapWorld, name: string, pattern: string) {
  const value = this.response.headers[name.toLowerCase()];
  expect(value, `header ${name}`).to.be.a('string');
  expect(value).to.match(new RegExp(pattern));
});

Then('the header {string} is not empty', function (this: OlapWorld, name: string) {
  const value = this.response.headers[name.toLowerCase()];
  expect(value, `header ${name}`).to.be.a('string').and.not.equal('');
});

// X-ClickHouse-Progress comes many times in one answer.
Then('the header {string} comes {count} time(s)', function (this: OlapWorld, name: string, count: Count) {
  const times = this.response.headerLists?.[name.toLowerCase()]?.length ?? 0;
  if (count.atLeast) expect(times, `${name} headers`).to.be.at.least(count.n);
  else expect(times, `${name} headers`).to.equal(count.n);
});
