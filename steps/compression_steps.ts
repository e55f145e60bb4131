// Compressed answers in ClickHouse's own block format (compress=1): its
// header. Compressed request bodies are `I POST "…" with the body "…" compressed with …`
// (http_steps.ts), compressed answers texts like any other
// ("the body decompressed with br is …", text_steps.ts).

import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { OlapWorld } from './support/world.ts';

Then('the body is native compressed blocks with the method byte {int}', function (this: OlapWorld, byte: number) {
  // checksum (16 bytes), then the method byte
  expect(this.response.body.length, 'body length').to.be.greaterThan(25);
  expect(this.response.body[16], 'method byte').to.equal(byte);
});
