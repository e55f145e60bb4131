// Compressed request bodies and compressed answers (HTTP Content-Encoding).

import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { unescapeText } from './support/escapes.ts';
import type { OlapWorld } from './support/world.ts';

When('I POST gzip-compressed {string} to {string}', async function (this: OlapWorld, body: string, path: string) {
  await this.send('POST', path, gzipSync(this.bytes(body)));
});

Then('the body decompressed with {word} is {string}', function (this: OlapWorld, method: string, expected: string) {
  const body = this.response.body;
  const plain = method === 'gzip' ? gunzipSync(body) : method === 'deflate' ? inflateSync(body) : undefined;
  if (!plain) throw new Error(`no decompressor for ${method} in the suite`);
  expect(plain.toString('utf8')).to.equal(this.resolve(unescapeText(expected)));
});
