// Queries as a client sends them: in the POST body, or in the URL of a GET.

import { Given, When } from '@cucumber/cucumber';
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

When('I run {string} over GET with the URL parameters {string}', async function (this: OlapWorld, sql: string, params: string) {
  await this.send('GET', `/?query=${encodeURIComponent(this.resolve(unescapeText(sql)))}&${params}`);
});
