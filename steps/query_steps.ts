// Queries as a client sends them: in the POST body, or in the URL of a GET; as
// the target's user or as a user of the suite's own configuration
// (steps/targets/config/users.xml).

import { Given, When } from '@cucumber/cucumber';
import type { Credentials } from './support/credentials.ts';
import { unescapeText } from './support/escapes.ts';
import type { OlapWorld } from './support/world.ts';

Given('I ran {string}', async function (this: OlapWorld, sql: string) {
  await this.exec(unescapeText(sql));
});

When('I run {string}', async function (this: OlapWorld, sql: string) {
  await this.send('POST', '/', this.bytes(sql));
});

When('I run {string} with the URL parameters {string}', async function (this: OlapWorld, sql: string, params: string) {
  await this.send('POST', `/?${params}`, this.bytes(sql));
});

When('I run {string} over GET', async function (this: OlapWorld, sql: string) {
  await this.send('GET', `/?query=${encodeURIComponent(this.resolve(unescapeText(sql)))}`);
});

When('I run {string} {credentials}', async function (this: OlapWorld, sql: string, credentials: Credentials) {
  this.nextCredentials = credentials;
  await this.send('POST', '/', this.bytes(sql));
});

When('I run {string} {credentials} and the URL parameters {string}', async function (this: OlapWorld, sql: string, credentials: Credentials, params: string) {
  this.nextCredentials = credentials;
  await this.send('POST', `/?${params}`, this.bytes(sql));
});

// Quotas count queries: each run is a request of its own.
When('I run {string} {int} times {credentials} and the URL parameters {string}', async function (this: OlapWorld, sql: string, times: number, credentials: Credentials, params: string) {
  for (let i = 0; i < times; i++) {
    this.nextCredentials = credentials;
    await this.send('POST', `/?${params}`, this.bytes(sql));
  }
});
