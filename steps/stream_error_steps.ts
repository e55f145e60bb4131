// Errors that happen after the answer has begun: the status line is gone, so
// the error can only be told from the body: ClickHouse's error text after the
// partial data, framed differently by version (support/stream_exception.ts).
// What comes before it and its message are texts like any other
// ("the body before the error at its end is …", text_steps.ts).

import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { ErrorEnding } from './parameter_types.ts';
import { parseClickHouseError } from './support/clickhouse_error.ts';
import { appendedException, markedException, taggedException } from './support/stream_exception.ts';
import type { OlapWorld } from './support/world.ts';

function endingError(world: OlapWorld, framing: ErrorEnding['framing']) {
  const { body, headers } = world.response;
  if (framing === 'appended') return appendedException(body);
  if (framing === 'marked') return markedException(body);
  const tag = headers['x-clickhouse-exception-tag'];
  if (!tag) throw new Error('the answer has no X-ClickHouse-Exception-Tag header');
  return taggedException(body, tag);
}

Then('the body ends with {error_ending}', function (this: OlapWorld, ending: ErrorEnding) {
  this.outcomeChecked = true;
  const found = endingError(this, ending.framing);
  if (typeof found === 'string') throw new Error(`${found}: …${JSON.stringify(this.response.body.toString('utf8').slice(-400))}`);
  const error = parseClickHouseError(found.text);
  if (!error) throw new Error(`the text at the end of the body is not a ClickHouse error: ${JSON.stringify(found.text)}`);
  expect(error.code, 'code of the error at the end of the body').to.equal(ending.code);
});

// Before 24.11 the chunked body still ended with its last chunk after the error text.
Then('the body came to its proper end', function (this: OlapWorld) {
  expect(this.response.cutOff ?? false, 'the server closed the connection in the middle of the body').to.equal(false);
});

Then('the server closed the connection before the body came to its end', function (this: OlapWorld) {
  expect(this.response.cutOff ?? false, 'the body was cut off by the server closing the connection').to.equal(true);
});
