// Checks on the shape of the body: its lines, its length, its JSON. What the
// body says is checked as text (text_steps.ts).

import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { Count } from './parameter_types.ts';
import { showBytes, unescapeText } from './support/escapes.ts';
import { jsonBody } from './support/subjects.ts';
import type { OlapWorld } from './support/world.ts';

const bodyText = (world: OlapWorld) => world.response.body.toString('utf8');

// Like `wc -l`, as ClickHouse's own tests count lines of an answer; an exact count wants every line ended.
Then('the body has {count} line(s)', function (this: OlapWorld, count: Count) {
  const body = bodyText(this);
  const lines = body.split('\n').length - 1;
  if (count.atLeast) {
    expect(lines, 'lines of the body').to.be.at.least(count.n);
  } else {
    expect(body.endsWith('\n'), 'body ends with a newline').to.equal(true);
    expect(lines, 'lines of the body').to.equal(count.n);
  }
});

Then('the body is {int} bytes long', function (this: OlapWorld, length: number) {
  expect(this.response.body.length).to.equal(length);
});

Then('the body contains the line {string}', function (this: OlapWorld, line: string) {
  expect(bodyText(this).split('\n')).to.include(this.resolve(unescapeText(line)));
});

// Line order is up to the server when the query has no ORDER BY (the seed says so).
Then('the body has the lines in any order:', function (this: OlapWorld, expected: string) {
  const body = bodyText(this);
  expect(body.endsWith('\n'), 'body ends with a newline').to.equal(true);
  const sort = (lines: string[]) => [...lines].sort();
  expect(sort(body.slice(0, -1).split('\n'))).to.deep.equal(sort(this.resolve(expected).split('\n')));
});

// For a shape whose values vary (metrics, counters): the regular expression,
// its lines joined by \n, must match each block of lines whole.
Then('the body is made of {int}-line blocks, each matching:', function (this: OlapWorld, size: number, pattern: string) {
  const body = bodyText(this);
  expect(body.endsWith('\n'), 'body ends with a newline').to.equal(true);
  const lines = body.slice(0, -1).split('\n');
  expect(lines.length % size, `${lines.length} lines in blocks of ${size}`).to.equal(0);
  const block = new RegExp(`^(?:${pattern})$`);
  for (let i = 0; i < lines.length; i += size) {
    const text = lines.slice(i, i + size).join('\n');
    expect(block.test(text), `lines ${i + 1}-${i + size} ${showBytes(text)} do not match ${pattern}`).to.equal(true);
  }
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
