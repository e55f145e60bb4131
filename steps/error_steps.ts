// Checks on ClickHouse errors. The code and the message are read from the body
// in either era's format, so a scenario that names only them holds on old and
// new servers; exact modern bodies are stated with "the body is …" instead.

import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { parseClickHouseError, type ClickHouseError } from './support/clickhouse_error.ts';
import { unescapeText } from './support/escapes.ts';
import type { OlapWorld } from './support/world.ts';

function errorOf(world: OlapWorld): ClickHouseError {
  world.outcomeChecked = true;
  const body = world.response.body.toString('utf8');
  const parsed = parseClickHouseError(body);
  if (!parsed) throw new Error(`the body is not a ClickHouse error: ${JSON.stringify(body.slice(0, 400))}`);
  return parsed;
}

/** ClickHouse adds a final period to messages that lack one; compare without it. */
const withoutPeriod = (text: string) => text.replace(/\.$/, '');

/** Expected text: placeholders resolved, and \n and the like as in body steps (multi-line messages). */
const expected = (world: OlapWorld, text: string) => world.resolve(unescapeText(text));

Then('the error code is {int}', function (this: OlapWorld, code: number) {
  expect(errorOf(this).code, 'error code').to.equal(code);
});

Then('the request fails with status {int} and error code {int}', function (this: OlapWorld, status: number, code: number) {
  const parsed = errorOf(this);
  expect(this.response.status, `status (error ${parsed.code}: ${parsed.message})`).to.equal(status);
  expect(parsed.code, 'error code').to.equal(code);
});

Then('the error message is {string}', function (this: OlapWorld, message: string) {
  expect(withoutPeriod(errorOf(this).message)).to.equal(withoutPeriod(expected(this, message)));
});

Then('the error message contains {string}', function (this: OlapWorld, part: string) {
  expect(errorOf(this).message).to.include(expected(this, part));
});

Then('the error message starts with {string}', function (this: OlapWorld, start: string) {
  expect(errorOf(this).message.startsWith(expected(this, start)), `message: ${errorOf(this).message}`).to.equal(true);
});

Then('the error name is {string}', function (this: OlapWorld, name: string) {
  expect(errorOf(this).name, 'error name').to.equal(name);
});
