// Checks on ClickHouse errors. The code is read from the body in either era's
// format, so a scenario that names only the code and the message holds on old
// and new servers; the message and the name are texts like any other
// ("the error message starts with …", text_steps.ts), and exact modern bodies
// are stated with "the body is like …".

import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import { parseClickHouseError } from './support/clickhouse_error.ts';
import { errorOf } from './support/subjects.ts';
import type { OlapWorld } from './support/world.ts';

Then('the error code is {int}', function (this: OlapWorld, code: number) {
  expect(errorOf(this).code, 'error code').to.equal(code);
});

Then('the request fails with status {int} and error code {int}', function (this: OlapWorld, status: number, code: number) {
  const parsed = errorOf(this);
  expect(this.response.status, `status (error ${parsed.code}: ${parsed.message})`).to.equal(status);
  expect(parsed.code, 'error code').to.equal(code);
});

// Old servers answered failed logins with 401, newer ones with 403: scenarios
// that hold for both name both, and the modern status has its own scenario.
Then('the request is refused with status {int} or {int}', function (this: OlapWorld, one: number, other: number) {
  this.outcomeChecked = true;
  const body = this.response.body.toString('utf8');
  expect([one, other], `status (body: ${body.slice(0, 300)})`).to.include(this.response.status);
  expect(parseClickHouseError(body), `a ClickHouse error body: ${body.slice(0, 300)}`).to.not.equal(undefined);
});
