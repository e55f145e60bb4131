// Checks on the response body, byte for byte unless a placeholder says otherwise.

import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { showBytes, unescapeText } from './support/escapes.ts';
import { expectedPattern, hasRunTimePlaceholders } from './support/expected_text.ts';
import type { OlapWorld } from './support/world.ts';

function expectBody(world: OlapWorld, expected: string): void {
  const actual = world.response.body.toString('utf8');
  const resolved = world.resolve(expected);
  if (hasRunTimePlaceholders(resolved)) {
    expect(expectedPattern(resolved, world.target.version).test(actual),
      `body ${showBytes(actual)} does not match ${showBytes(resolved)}`).to.equal(true);
  } else {
    expect(actual, 'body').to.equal(resolved);
  }
}

Then('the body is {string}', function (this: OlapWorld, expected: string) {
  expectBody(this, unescapeText(expected));
});

Then('the body is the lines:', function (this: OlapWorld, expected: string) {
  expectBody(this, `${expected}\n`);
});

Then('the body is empty', function (this: OlapWorld) {
  expect(this.response.body.toString('utf8'), 'body').to.equal('');
});

Then('the body contains {string}', function (this: OlapWorld, part: string) {
  expect(this.response.body.toString('utf8')).to.include(this.resolve(unescapeText(part)));
});

Then('the body has {int} lines', function (this: OlapWorld, count: number) {
  const body = this.response.body.toString('utf8');
  expect(body.endsWith('\n'), 'body ends with a newline').to.equal(true);
  expect(body.split('\n').length - 1).to.equal(count);
});

// Like `wc -l`, as ClickHouse's own tests count lines of an answer.
Then('the body has at least {int} lines', function (this: OlapWorld, count: number) {
  const lines = this.response.body.toString('utf8').split('\n').length - 1;
  expect(lines, 'lines of the body').to.be.at.least(count);
});

Then('the body is {int} bytes long', function (this: OlapWorld, length: number) {
  expect(this.response.body.length).to.equal(length);
});

Then('the last line of the body is {string}', function (this: OlapWorld, line: string) {
  const body = this.response.body.toString('utf8');
  expect(body.endsWith('\n'), 'body ends with a newline').to.equal(true);
  expect(body.slice(body.lastIndexOf('\n', body.length - 2) + 1, -1)).to.equal(unescapeText(line));
});

// Line order is up to the server when the query has no ORDER BY (the seed says so).
Then('the body has the lines in any order:', function (this: OlapWorld, expected: string) {
  const body = this.response.body.toString('utf8');
  expect(body.endsWith('\n'), 'body ends with a newline').to.equal(true);
  const sort = (lines: string[]) => [...lines].sort();
  expect(sort(body.slice(0, -1).split('\n'))).to.deep.equal(sort(this.resolve(expected).split('\n')));
});

Then('the body ends with {string}', function (this: OlapWorld, end: string) {
  const body = this.response.body.toString('utf8');
  const expected = this.resolve(unescapeText(end));
  const ends = hasRunTimePlaceholders(expected)
    ? new RegExp(`${expectedPattern(expected, this.target.version).source.slice(1, -1)}$`).test(body)
    : body.endsWith(expected);
  expect(ends, `body end: ${showBytes(body.slice(-300))}`).to.equal(true);
});

Then('the body is not {string}', function (this: OlapWorld, unexpected: string) {
  expect(this.response.body.toString('utf8'), 'body').not.to.equal(this.resolve(unescapeText(unexpected)));
});

// For a shape whose values vary (metrics, counters): the regular expression,
// its lines joined by \n, must match each block of lines whole.
Then('the body is made of {int}-line blocks, each matching:', function (this: OlapWorld, size: number, pattern: string) {
  const body = this.response.body.toString('utf8');
  expect(body.endsWith('\n'), 'body ends with a newline').to.equal(true);
  const lines = body.slice(0, -1).split('\n');
  expect(lines.length % size, `${lines.length} lines in blocks of ${size}`).to.equal(0);
  const block = new RegExp(`^(?:${pattern})$`);
  for (let i = 0; i < lines.length; i += size) {
    const text = lines.slice(i, i + size).join('\n');
    expect(block.test(text), `lines ${i + 1}-${i + size} ${showBytes(text)} do not match ${pattern}`).to.equal(true);
  }
});
