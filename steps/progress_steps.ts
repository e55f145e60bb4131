// X-ClickHouse-Progress: JSON objects whose values are decimal integers written
// as strings, as many as the server sends. Timing is the server's business, so
// the checks are about shape and values that only grow, never about when. How
// many came is `the header "X-ClickHouse-Progress" comes at least 2 times`; the
// summary's values are texts (`the "read_rows" of the header "X-ClickHouse-Summary"`).

import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { OlapWorld } from './support/world.ts';

const PROGRESS_KEYS = ['read_rows', 'read_bytes', 'written_rows', 'written_bytes', 'total_rows_to_read',
  'result_rows', 'result_bytes', 'elapsed_ns', 'memory_usage'];

function progressObjects(world: OlapWorld): Record<string, string>[] {
  const values = world.response.headerLists?.['x-clickhouse-progress'] ?? [];
  return values.map((value) => {
    const parsed = JSON.parse(value) as Record<string, unknown>;
    expect(value, 'a progress header has no spaces').not.to.match(/\s/);
    for (const [key, item] of Object.entries(parsed)) {
      expect(PROGRESS_KEYS, `progress key ${key}`).to.include(key);
      expect(item, `progress ${key}`).to.be.a('string').and.match(/^\d+$/);
    }
    return parsed as Record<string, string>;
  });
}

Then('every X-ClickHouse-Progress header is a JSON object of decimal strings', function (this: OlapWorld) {
  progressObjects(this);
});

Then('the {string} of the X-ClickHouse-Progress headers never decreases', function (this: OlapWorld, key: string) {
  let previous = -1n;
  for (const progress of progressObjects(this)) {
    // Progress headers leave out keys whose value is zero.
    const value = BigInt(progress[key] ?? '0');
    expect(value >= previous, `${key} went from ${previous} to ${value}`).to.equal(true);
    previous = value;
  }
});

Then('the {string} of the last X-ClickHouse-Progress header is at most {int}', function (this: OlapWorld, key: string, limit: number) {
  const last = progressObjects(this).at(-1);
  expect(last, 'a progress header').to.not.equal(undefined);
  expect(Number(last![key] ?? '0')).to.be.at.most(limit);
});
