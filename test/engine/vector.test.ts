// Column kernels (expr/vector.ts) and the columnar ORDER BY must give what the row path gives: the
// same data is stored once as rows and once as columns, and the queries over
// both must answer alike, in their values and their types.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Block } from '../../reference/engine/columns/block.ts';
import { columnFromValues } from '../../reference/engine/columns/builders.ts';
import { parseType } from '../../reference/engine/types.ts';
import { context, createClickHouseEngine, run } from './helpers.ts';

const TYPES: [string, fc.Arbitrary<unknown>][] = [
  ['UInt8', fc.integer({ min: 0, max: 255 })],
  ['Int16', fc.integer({ min: -32768, max: 32767 })],
  ['Int32', fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })],
  ['UInt64', fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })],
  ['Int64', fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })],
  ['Float64', fc.oneof(fc.double(), fc.constantFrom(NaN, 0, -0, 1, 3))],
];

const QUERIES = [
  'SELECT a < b, a = b, a != b, a >= b, a <= 3, 3 > b, toString(a), toString(b) FROM T',
  'SELECT a, b FROM T WHERE a > b',
  'SELECT toString(a) FROM T WHERE (a = b) OR (a < 3)',
  'SELECT b FROM T WHERE (a != 0) AND (b >= a)',
  'SELECT a FROM T WHERE a',
  'SELECT (a > 1) AND (b > 1), (a < 1) OR (b < 1) FROM T',
  'SELECT a, b FROM T ORDER BY a',
  'SELECT b, a FROM T ORDER BY b DESC, a',
  'SELECT toString(a) FROM T ORDER BY b NULLS FIRST, a DESC',
  'SELECT a FROM T WHERE a > b ORDER BY a DESC LIMIT 3',
];

test('kernels and ORDER BY over columns answer as the row path does', async () => {
  await fc.assert(fc.asyncProperty(
    fc.constantFrom(...TYPES), fc.constantFrom(...TYPES), fc.integer({ min: 1, max: 40 }), fc.nat(), fc.constantFrom(...QUERIES),
    async ([ta, arbA], [tb, arbB], n, seed, query) => {
      const rows = fc.sample(fc.tuple(arbA, arbB), { numRuns: n, seed });
      const e = createClickHouseEngine();
      for (const t of ['r', 'c']) await run(e, `CREATE TABLE ${t} (a ${ta}, b ${tb}) ENGINE = Memory`);
      const types = [parseType(ta), parseType(tb)];
      const q = (t: string) => e.parse(`INSERT INTO ${t} FORMAT Values`);
      await e.insert(q('r'), Block.ofRows(types, rows.map((r) => [...r])).rows, context());
      await e.insert(q('c'), Block.ofColumns(types.map((type, j) => columnFromValues(type, rows.map((r) => r[j])))), context());
      const answer = async (t: string) => run(e, query.replace(' FROM T', ` FROM ${t}`)).then((r) => r, (err: Error) => err.message);
      assert.deepEqual(await answer('c'), await answer('r'), query);
    }), { numRuns: 400, seed: 3 });
});
