// Checks on the shape of the body as bytes and blocks. What the body says is
// checked as text (text_steps.ts), its lines too.

import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { showBytes } from './support/escapes.ts';
import type { OlapWorld } from './support/world.ts';

Then('the body is {int} bytes long', function (this: OlapWorld, length: number) {
  expect(this.response.body.length).to.equal(length);
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
