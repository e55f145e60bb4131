// Errors that happen after the answer has begun: the status line is gone, so
// the error can only be told from the body: ClickHouse's error text after the
// partial data (framed differently by version, see support/stream_exception.ts)
// or, with http_write_exception_in_output_format, inside a document of the
// requested format.

import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { parseClickHouseError, type ClickHouseError } from './support/clickhouse_error.ts';
import { unescapeText } from './support/escapes.ts';
import { expectedPattern } from './support/expected_text.ts';
import {
  appendedException, markedException, streamedException, taggedException, type StreamedException,
} from './support/stream_exception.ts';
import type { OlapWorld } from './support/world.ts';

const TAG_HEADER = 'x-clickhouse-exception-tag';

function parsed(found: StreamedException | string, body: Buffer): ClickHouseError {
  if (typeof found === 'string') throw new Error(`${found}: …${JSON.stringify(body.toString('utf8').slice(-400))}`);
  const error = parseClickHouseError(found.text);
  if (!error) throw new Error(`the text at the end of the body is not a ClickHouse error: ${JSON.stringify(found.text)}`);
  return error;
}

/** The error text that ends the body, after whatever data came first (≤ 24.10). */
function trailingError(world: OlapWorld): ClickHouseError {
  world.outcomeChecked = true;
  return parsed(appendedException(world.response.body), world.response.body);
}

function tagOf(world: OlapWorld): string {
  const tag = world.response.headers[TAG_HEADER];
  if (!tag) throw new Error('the answer has no X-ClickHouse-Exception-Tag header');
  return tag;
}

/** The error at the end of the body in whichever framing the server uses. */
function streamedError(world: OlapWorld): StreamedException {
  world.outcomeChecked = true;
  const found = streamedException(world.response.body, world.response.headers[TAG_HEADER]);
  if (!found) throw new Error(`the body does not end with a ClickHouse error: …${JSON.stringify(world.response.body.toString('utf8').slice(-400))}`);
  return found;
}

function jsonBody(world: OlapWorld): Record<string, unknown> {
  world.outcomeChecked = true;
  return JSON.parse(world.response.body.toString('utf8')) as Record<string, unknown>;
}

/** Text with run-time placeholders such as {version} and {any} (see expected_text.ts). */
function matches(text: string, expected: string, version: string): boolean {
  return expectedPattern(expected, version).test(text);
}

Then('the body starts with {string}', function (this: OlapWorld, start: string) {
  const body = this.response.body.toString('utf8');
  expect(body.startsWith(this.resolve(unescapeText(start))), `body: ${JSON.stringify(body.slice(0, 300))}`).to.equal(true);
});

Then('the body ends with a ClickHouse error with code {int}', function (this: OlapWorld, code: number) {
  expect(trailingError(this).code, 'code of the error at the end of the body').to.equal(code);
});

Then('the body ends with an "__exception__" line and then a ClickHouse error with code {int}', function (this: OlapWorld, code: number) {
  this.outcomeChecked = true;
  expect(parsed(markedException(this.response.body), this.response.body).code, 'code of the error at the end of the body').to.equal(code);
});

Then('the body ends with an exception block framed with the answer\'s X-ClickHouse-Exception-Tag, with code {int}', function (this: OlapWorld, code: number) {
  this.outcomeChecked = true;
  const error = parsed(taggedException(this.response.body, tagOf(this)), this.response.body);
  expect(error.code, 'code of the error in the exception block').to.equal(code);
});

Then('the message of the error at the end of the body starts with {string}', function (this: OlapWorld, start: string) {
  const error = parseClickHouseError(streamedError(this).text);
  if (!error) throw new Error('the text at the end of the body is not a ClickHouse error');
  expect(error.message.startsWith(this.resolve(start)), `message: ${error.message}`).to.equal(true);
});

Then('the body before the error at its end is {string}', function (this: OlapWorld, expected: string) {
  expect(streamedError(this).before, 'data before the error').to.equal(this.resolve(unescapeText(expected)));
});

// Before 24.11 the chunked body still ended with its last chunk after the error text.
Then('the body came to its proper end', function (this: OlapWorld) {
  expect(this.response.cutOff ?? false, 'the server closed the connection in the middle of the body').to.equal(false);
});

Then('the server closed the connection before the body came to its end', function (this: OlapWorld) {
  expect(this.response.cutOff ?? false, 'the body was cut off by the server closing the connection').to.equal(true);
});

Then('the body is a JSON document with the keys {string} in that order', function (this: OlapWorld, keys: string) {
  expect(Object.keys(jsonBody(this))).to.deep.equal(keys.split(',').map((key) => key.trim()));
});

Then('the JSON body\'s {string} is {int}', function (this: OlapWorld, key: string, value: number) {
  expect(jsonBody(this)[key], key).to.equal(value);
});

Then('the JSON body\'s {string} holds {int} rows', function (this: OlapWorld, key: string, count: number) {
  expect(jsonBody(this)[key], key).to.be.an('array').with.lengthOf(count);
});

Then('the JSON body\'s {string} matches {string}', function (this: OlapWorld, key: string, expected: string) {
  const value = jsonBody(this)[key];
  expect(value, key).to.be.a('string');
  expect(matches(value as string, this.resolve(expected), this.target.version), `${key}: ${value as string}`).to.equal(true);
});

Then('the last line of the body matches {string}', function (this: OlapWorld, expected: string) {
  this.outcomeChecked = true;
  const body = this.response.body.toString('utf8');
  const lines = body.replace(/\n$/, '').split('\n');
  const last = lines.at(-1) ?? '';
  expect(matches(last, this.resolve(expected), this.target.version), `last line: ${last}`).to.equal(true);
});

Then('the body has {int} lines before the last', function (this: OlapWorld, count: number) {
  const lines = this.response.body.toString('utf8').replace(/\n$/, '').split('\n');
  expect(lines.length - 1).to.equal(count);
});

Then('the body contains the line {string}', function (this: OlapWorld, line: string) {
  const lines = this.response.body.toString('utf8').split('\n');
  expect(lines).to.include(this.resolve(unescapeText(line)));
});

Then('the body contains a line matching {string}', function (this: OlapWorld, expected: string) {
  this.outcomeChecked = true;
  const lines = this.response.body.toString('utf8').split('\n');
  const wanted = this.resolve(unescapeText(expected));
  expect(lines.some((line) => matches(line, wanted, this.target.version)), `no line matches ${wanted}`).to.equal(true);
});
