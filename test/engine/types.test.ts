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

// Expected values below are real ClickHouse 26.7's answers (libchdb).
test('composite and special type names parse to canonical names', () => {
  const names: [string, string][] = [
    ['Tuple(UInt8,String)', 'Tuple(UInt8, String)'], ['Tuple(x UInt8, y Nullable(String))', 'Tuple(x UInt8, y Nullable(String))'],
    ['Map(String,Array(UInt8))', 'Map(String, Array(UInt8))'], ['LowCardinality(Nullable(String))', 'LowCardinality(Nullable(String))'],
    ["Enum8('a'=1,'b'=2)", "Enum8('a' = 1, 'b' = 2)"], ["Enum('a','b')", "Enum8('a' = 1, 'b' = 2)"], ["Enum('x' = 1000)", "Enum16('x' = 1000)"],
    ['FixedString(3)', 'FixedString(3)'], ['DateTime64(3)', 'DateTime64(3)'], ["DateTime64(6, 'Asia/Tokyo')", "DateTime64(6, 'Asia/Tokyo')"],
    ['UUID', 'UUID'], ['IPv4', 'IPv4'], ['IPv6', 'IPv6'], ['Date32', 'Date32'], ['Int256', 'Int256'], ['UInt128', 'UInt128'],
  ];
  for (const [text, name] of names) assert.equal(parseType(text).name, name, text);
  assert.throws(() => parseType('Nullable(Array(UInt8))'), { code: 43 });
  assert.throws(() => parseType('DateTime64(10)'), { code: 69 });
});

test('values of the special types read and print as ClickHouse does', () => {
  const rt = (type: string, text: string): string => serializeText(parseType(type), parseText(parseType(type), text));
  assert.equal(rt('FixedString(3)', 'q'), 'q\0\0');
  assert.throws(() => parseText(parseType('FixedString(3)'), 'abcd'), { code: 131 });
  assert.equal(rt('UUID', '61F0C404-5CB3-11E7-907B-A6006AD3DBA0'), '61f0c404-5cb3-11e7-907b-a6006ad3dba0');
  assert.throws(() => parseText(T.UUID, 'abc'), { code: 376 });
  assert.equal(rt('IPv4', '1.2.3.4'), '1.2.3.4');
  assert.equal(rt('IPv6', '::1'), '::1');
  assert.equal(rt('IPv6', '1.2.3.4'), '::ffff:1.2.3.4');
  assert.equal(rt('IPv6', '2001:db8:0:0:1:0:0:1'), '2001:db8::1:0:0:1');
  assert.equal(rt("Enum8('a' = 1, 'b' = 2)", 'b'), 'b');
  assert.throws(() => parseText(parseType("Enum8('a' = 1)"), 'c'), { code: 691 });
  assert.equal(rt('DateTime64(3)', '2024-01-08 00:00:00.2'), '2024-01-08 00:00:00.200');
  assert.equal(rt('DateTime64(1)', '1969-12-31 23:59:59.5'), '1969-12-31 23:59:59.5');
  assert.equal(rt('Date32', '1800-01-01'), '1900-01-01');
  assert.equal(rt('Tuple(UInt8, String)', "(6, 's\\t6')"), "(6,'s\\t6')");
  assert.equal(rt('Map(String, UInt8)', "{'k3': 4, 'a\\'b': 1}"), "{'k3':4,'a\\'b':1}");
  assert.equal(rt('UInt256', '123456789012345678901234567890'), '123456789012345678901234567890');
  assert.equal(serializeQuoted(parseType('Tuple(x UInt8, y Nullable(String))'), [1, null]), '(1,NULL)');
});

test('Decimal arithmetic is exact with ClickHouse result types', async () => {
  const engine = createClickHouseEngine();
  const cases: [string, string][] = [
    ['toDecimal32(1.5, 2) + toInt64(1)', '2.5 Decimal(9, 2)'], ['toDecimal32(1.5, 2) * toDecimal32(2.5, 3)', '3.75 Decimal(9, 5)'],
    ['toDecimal64(3, 4) / toDecimal32(1, 2)', '3 Decimal(18, 4)'], ['CAST(1.25 AS Decimal(10, 2)) + 1', '2.25 Decimal(10, 2)'],
    ['2 / toDecimal32(5, 2)', '0.4 Decimal(9, 2)'], ['toDecimal32(5, 2) % 3', '0.02 Decimal(9, 2)'],
    ['CAST(1 AS Decimal(10,2)) + CAST(1 AS Decimal(12,3))', '2 Decimal(18, 3)'], ['toDecimal32(1, 2) + toDecimal256(1, 3)', '2 Decimal(76, 3)'],
    ["CAST('12345678901234567890.1234567891' AS Decimal(38,10)) * 3", '37037036703703703670.3703703673 Decimal(38, 10)'],
    ['toDecimal32(1.5, 2) + 1.5', '3 Float64'], ['toDecimal32(2.675, 2)', '2.67 Decimal(9, 2)'], ['toDecimal64(-123.456, 2)', '-123.45 Decimal(18, 2)'],
    ['[CAST(1 AS Decimal(5,2)), toInt64(1)]', '[1,1] Array(Decimal(38, 2))'], ['toDecimalString(toDecimal64(1.23456, 5), 2)', '1.23 String'],
    ['round(toDecimal64(-2.5, 1))', '-3 Decimal(18, 1)'], ['floor(toDecimal64(-1.25, 2), 1)', '-1.3 Decimal(18, 2)'],
    ['round(toDecimal64(125.5, 1), -1)', '130 Decimal(18, 1)'], ['roundBankers(toDecimal64(2.5, 1))', '2 Decimal(18, 1)'],
    ['intDiv(toDecimal64(7.5, 1), 2)', '3 Int64'], ['avg(toDecimal64(1.1, 1))', '1.1 Float64'],
    ['coalesce(NULL, 1)', '1 UInt8'], ['coalesce(toNullable(1), NULL)', '1 Nullable(UInt8)'], ["ifNull(NULL, 'a')", 'a String'],
  ];
  for (const [expr, want] of cases) {
    const got = await value(engine, `SELECT concat(toString(${expr}), ' ', toTypeName(${expr}))`);
    assert.equal(got, want, expr);
  }
  await assert.rejects(engine.execute(engine.parse('SELECT toDecimal32(9999999, 2) * 1000'), (await import('./helpers.ts')).context()), { code: 407 });
  await assert.rejects(engine.execute(engine.parse('SELECT toDecimal32(1, 2) / toDecimal64(3, 4)'), (await import('./helpers.ts')).context()), { code: 69 });
});

test('tuples, maps, UUIDs and LowCardinality in expressions', async () => {
  const engine = createClickHouseEngine();
  const cases: [string, string][] = [
    ["toTypeName((1, 'a'))", 'Tuple(UInt8, String)'], ["tupleElement((1, 'a'), 2)", 'a'], ["toString((1, 'a').1)", '1'],
    ["toTypeName(map('a', 1)['a'] + 1)", 'UInt16'], ["toString(mapKeys(map('a', 1, 'b', 2)))", "['a','b']"],
    ["toTypeName([(1, NULL), (2, 'a')])", 'Array(Tuple(UInt8, Nullable(String)))'], ["toTypeName([(1, 'a'), NULL])", 'Array(Nullable(Tuple(UInt8, String)))'],
    ["toTypeName([CAST('a' AS Enum8('a' = 1)), 'b'])", 'Array(String)'], ["toTypeName([CAST('a' AS Enum8('a' = 1)), 1])", 'Array(Int16)'], ['toString((1, 2) < (1, 3))', '1'],
    ["toTypeName(upper(toLowCardinality('a')))", 'LowCardinality(String)'], ['toTypeName(now64())', 'DateTime64(3)'],
    ["toString(toDateTime64('2024-01-01 00:00:00.123456', 3))", '2024-01-01 00:00:00.123'], ['toTypeName(generateUUIDv4())', 'UUID'],
    ["toTypeName(toUInt128(1) + toInt8(1))", 'Int128'], ['toString(toUInt256(-1))', '115792089237316195423570985008687907853269984665640564039457584007913129639935'],
  ];
  for (const [expr, want] of cases) assert.equal(await value(engine, `SELECT ${expr}`), want, expr);
  const { rows } = await (await import('./helpers.ts')).run(engine, "SELECT arrayJoin([toUUID('00000000-0000-0001-0000-000000000000'), toUUID('00000000-0000-0000-0000-000000000002'), toUUID('00000001-0000-0000-0000-000000000000')]) AS u ORDER BY u");
  // ClickHouse orders UUIDs by their second half first.
  assert.deepEqual(rows.map((r) => String(r[0])), ['00000000-0000-0001-0000-000000000000', '00000001-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000002']);
});

test('stored values keep UUIDs and decimals exactly', async () => {
  const { stringifyValue, parseValue } = await import('../../reference/engine/storage/values.ts');
  const u = parseText(T.UUID, '61f0c404-5cb3-11e7-907b-a6006ad3dba0');
  const back = parseValue(stringifyValue([u, parseText(parseType('Decimal(38, 10)'), '1.5')])) as unknown[];
  assert.equal(String(back[0]), '61f0c404-5cb3-11e7-907b-a6006ad3dba0');
  assert.equal(String(back[1]), '1.5000000000');
});

test('toDecimalString rounds the fraction alone, as 26.7 does', async () => {
  const engine = createClickHouseEngine();
  const cases: [string, string][] = [
    ['toDecimal64(324.435, 3), 2', '324.44'], ['toDecimal64(-718.6, 1), 0', '-718.'], ['toDecimal64(1.99, 2), 1', '1.0'],
    ['toDecimal64(718, 0), 0', '718'], ['toDecimal64(1.5, 1), 3', '1.500'], ['toDecimal64(-1.95, 2), 1', '-1.0'],
  ];
  for (const [args, want] of cases) assert.equal(await value(engine, `SELECT toDecimalString(${args})`), want, args);
});

test('Enum names sort by number; unknown names get ClickHouse\'s one hint', () => {
  const e = parseType("Enum8('b' = 2, 'a' = 1, 'abd' = 3, 'apples' = 4)");
  assert.equal(e.name, "Enum8('a' = 1, 'b' = 2, 'abd' = 3, 'apples' = 4)");
  assert.throws(() => parseText(e, 'x'), { code: 691, message: "Unknown element 'x' for enum, maybe you meant: ['a']" });
  assert.throws(() => parseText(e, 'apple'), { code: 691, message: "Unknown element 'apple' for enum, maybe you meant: ['apples']" });
  assert.throws(() => parseText(e, 'zz'), { code: 691, message: "Unknown element 'zz' for enum" });
});

test('SHOW CREATE TABLE breaks tuples of several elements over lines; missing columns take fresh defaults', async () => {
  const engine = createClickHouseEngine();
  const { run } = await import('./helpers.ts');
  await run(engine, 'CREATE TABLE sc (k UInt8, a Tuple(y UInt8), e Tuple(UInt8, String), c Map(String, Tuple(u UInt8, v UInt8))) ENGINE = Memory');
  // 26.7's answer for the same table.
  assert.equal(await value(engine, 'SHOW CREATE TABLE sc'), 'CREATE TABLE default.sc\n(\n    `k` UInt8,\n    `a` Tuple(y UInt8),\n' +
    '    `e` Tuple(\n        UInt8,\n        String),\n    `c` Map(String, Tuple(\n        u UInt8,\n        v UInt8))\n)\nENGINE = Memory');
  await run(engine, 'INSERT INTO sc (k) VALUES (1)');
  assert.equal(await value(engine, 'SELECT toString(e) FROM sc'), "(0,'')");
});

test('Nested(a T, b U) is the columns n.a Array(T) and n.b Array(U) of equal sizes', async () => {
  const engine = createClickHouseEngine();
  const { run } = await import('./helpers.ts');
  await run(engine, 'CREATE TABLE ne (k UInt8, n Nested(a UInt8, b String)) ENGINE = Memory');
  const { rows } = await run(engine, 'DESCRIBE ne');
  assert.deepEqual(rows.map((r) => [r[0], r[1]]), [['k', 'UInt8'], ['n.a', 'Array(UInt8)'], ['n.b', 'Array(String)']]);
  await run(engine, "INSERT INTO ne VALUES (1, [1, 2], ['x', 'y'])");
  assert.equal(await value(engine, 'SELECT toString(n.b) FROM ne'), "['x','y']");
  await assert.rejects(run(engine, "INSERT INTO ne VALUES (2, [1, 2], ['x'])"), { code: 190 });
});
