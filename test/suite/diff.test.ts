import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CATEGORIES, generateCase } from '../../cli/diff/cases.ts';
import { agreementOf, belowBaseline } from '../../cli/diff/command.ts';
import { normalise } from '../../cli/diff/compare.ts';

test('a case is the same for the same seed and number, and another for another seed', () => {
  assert.deepEqual(generateCase(7, 42), generateCase(7, 42));
  assert.notDeepEqual(generateCase(7, 42).requests, generateCase(8, 42).requests);
  assert.deepEqual(CATEGORIES.map((_, i) => generateCase(1, i).category), [...CATEGORIES]);
  assert.equal(generateCase(1, 5, 'tables').category, 'tables');
});

test('only what must differ between servers is normalised', () => {
  assert.equal(normalise('Code: 62. DB::Exception: x. (SYNTAX_ERROR) (version 26.7.2.1 (official build))\n'),
    'Code: 62. DB::Exception: x. (SYNTAX_ERROR) (version …)\n');
  assert.equal(normalise('{"elapsed": 0.000123, "rows_read": 1}'), '{"elapsed": …, "rows_read": 1}');
  assert.equal(normalise('{"progress":{"read_rows":"1","elapsed_ns":"12345"}}'), '{"progress":{"read_rows":"1","elapsed_ns":"…"}}');
  assert.equal(normalise('1\t2\n'), '1\t2\n');
});

test('agreement per category, and the categories below a baseline', () => {
  const c = (category: 'scalar' | 'errors', agreed: boolean) => ({ case: { ...generateCase(1, 0, category) }, agreed });
  const agreement = agreementOf([c('scalar', true), c('scalar', false), c('scalar', true), c('errors', true)]);
  assert.deepEqual(agreement.scalar, { agreed: 2, total: 3, percent: 66.6 });
  assert.deepEqual(belowBaseline(agreement, { scalar: 70, errors: 100 }), ['scalar: 66.6% < baseline 70%']);
  assert.deepEqual(belowBaseline(agreement, { scalar: 66.6 }), []);
  // A run of one category (--only) is held to that category's baseline alone; a category run on
  // its own (queries) is not checked in the rotation's run.
  assert.deepEqual(belowBaseline(agreement, { scalar: 70, errors: 100 }, 'errors'), []);
  assert.deepEqual(belowBaseline(agreement, { scalar: 50, queries: 90 }), []);
  assert.deepEqual(belowBaseline(agreement, { scalar: 50, queries: 90 }, 'queries'), ['queries: 0% < baseline 90%']);
});
