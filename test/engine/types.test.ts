import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseType, parseText, serializeQuoted, serializeText, T, arrayOf, nullable, formatFloat } from '../../reference/engine/types.ts';
import { createClickHouseEngine, value } from './helpers.ts';

test('type names parse to canonical names', () => {
  assert.equal(parseType('Nullable(UInt8)').name, 'Nullable(UInt8)');
  assert.equal(parseType('Array( Nullable(String) )').name, 'Array(Nullable(String))');
  assert.equal(parseType('BIGINT').name, 'Int64');
  assert.throws(() => parseType('Strin'), { code: 50, message: 'Unknown data type family: Strin' });
});

test('text forms follow ClickHouse', () => {
  assert.equal(formatFloat(1e21), '1e21');
  assert.equal(formatFloat(0.1), '0.1');
  assert.equal(formatFloat(NaN), 'nan');
  assert.equal(formatFloat(-Infinity), '-inf');
  assert.equal(serializeText(T.Float32, Math.fround(0.1)), '0.1');
  assert.equal(serializeText(T.Date, 19724), '2024-01-02');
  assert.equal(serializeText(T.DateTime, 1704164645), '2024-01-02 03:04:05');
  assert.equal(serializeText(arrayOf(T.String), ["a'b", 'c']), "['a\\'b','c']");
  assert.equal(serializeText(T.Bool, true), 'true');
  assert.equal(serializeQuoted(T.String, "a'b"), "'a\\'b'");
  assert.equal(serializeQuoted(nullable(T.UInt8), null), 'NULL');
});

test('parseText is strict and raises ClickHouse codes', () => {
  assert.equal(parseText(T.UInt64, '18446744073709551615'), 18446744073709551615n);
  assert.equal(parseText(T.Int8, '-5'), -5);
  assert.deepEqual(parseText(arrayOf(T.UInt8), '[1,2]'), [1, 2]);
  assert.equal(parseText(nullable(T.String), '\\N'), null);
  assert.throws(() => parseText(T.UInt8, 'abc'), { code: 6 });
  assert.throws(() => parseText(T.Date, 'xx'), { code: 38 });
  assert.throws(() => parseText(T.DateTime, '2024-13-01 00:00:00'), { code: 41 });
});

test('literals and arithmetic infer ClickHouse types', async () => {
  const engine = createClickHouseEngine();
  const cases: [string, string][] = [
    ['1', 'UInt8'], ['256', 'UInt16'], ['-1', 'Int8'], ['1.5', 'Float64'], ["'a'", 'String'], ['NULL', 'Nullable(Nothing)'],
    ['[1, 2]', 'Array(UInt8)'], ['true', 'Bool'], ['1 + 1', 'UInt16'], ['1 - 1', 'Int16'], ['1 / 1', 'Float64'],
    ['intDiv(7, 2)', 'UInt8'], ['count()', 'UInt64'], ['[1, NULL]', 'Array(Nullable(UInt8))'], ['toDate(0)', 'Date'],
    ['if(1, 1, -1)', 'Int16'], ['1 + NULL', 'Nullable(Nothing)'], ['CAST(1 AS Nullable(String))', 'Nullable(String)'],
  ];
  for (const [expr, type] of cases) {
    assert.equal(await value(engine, `SELECT toTypeName(${expr})`), type, expr);
  }
});
