import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, context, run } from './helpers.ts';
import { parseParameterValue } from '../../reference/engine/index.ts';

const params = (o: Record<string, string>): Map<string, string> => new Map(Object.entries(o));

test('placeholders are substituted: String literal, other types as _CAST', async () => {
  const e = createClickHouseEngine();
  const r = await run(e, 'SELECT {s:String}, {n:UInt8}, {f:Float64} AS f, {a:Array(UInt16)}', context({ queryParameters: params({ s: 'a\\tb', n: '42', f: '1.5', a: '[1,2]' }) }));
  assert.deepEqual(r.columns.map((c) => c.name), ["'a\\tb'", "_CAST(42, 'UInt8')", 'f', "_CAST([1, 2], 'Array(UInt16)')"]);
  assert.deepEqual(r.columns.map((c) => c.type), ['String', 'UInt8', 'Float64', 'Array(UInt16)']);
  assert.deepEqual(r.rows, [['a\tb', 42, 1.5, [1, 2]]]);
});

test('escaped text: \\N, escapes, and a literal TAB ends the value', async () => {
  const e = createClickHouseEngine();
  const r = await run(e, 'SELECT {a:Nullable(String)}, {b:String}, {c:String}', context({ queryParameters: params({ a: '\\N', b: '\\N', c: 'x\\\\y\\%' }) }));
  assert.deepEqual(r.rows, [[null, '', 'x\\y\\%']]);
  await assert.rejects(run(e, 'SELECT {arg1:String}', context({ queryParameters: params({ arg1: 'abc\t123' }) })), {
    code: 457,
    message: "Value abc\t123 cannot be parsed as String for query parameter 'arg1' because it isn't parsed completely: only 3 of 7 bytes was parsed: abc",
  });
});

test('missing and unparsable parameters', async () => {
  const e = createClickHouseEngine();
  await assert.rejects(run(e, 'SELECT {x:UInt8}', context({ queryParameters: params({ y: '1' }) })), { code: 456, message: 'Substitution `x` is not set' });
  await assert.rejects(run(e, 'SELECT {x:UInt8}'), { code: 456, message: 'Substitution `x` is not set' });
  // 24.x left a query without any parameter to the analyzer.
  const analyzer = createClickHouseEngine({ placeholdersWithoutParameters: false });
  await assert.rejects(run(analyzer, 'SELECT {x:UInt8}'), { code: 456, message: 'Query parameter `x` was not set' });
  await assert.rejects(run(e, 'SELECT {x:UInt8}', context({ queryParameters: params({ x: 'abc' }) })), {
    code: 457, message: "Value abc cannot be parsed as UInt8 for query parameter 'x' because it isn't parsed completely: only 0 of 3 bytes was parsed: ",
  });
  await assert.rejects(run(e, 'SELECT {x:UInt8}', context({ queryParameters: params({ x: '' }) })), {
    code: 32, message: "Attempt to read after eof: value  cannot be parsed as UInt8 for query parameter 'x'",
  });
});

test('integers read like readIntTextUnsafe', () => {
  assert.equal(parseParameterValue('x', 'UInt8', '300').value, 44);
  assert.equal(parseParameterValue('x', 'Int64', '-5').value, -5n);
  assert.throws(() => parseParameterValue('x', 'UInt8', '01'), { code: 457, message: /only 1 of 2 bytes was parsed: 0$/ });
  assert.equal(parseParameterValue('x', 'Date', '2024-01-02').value, 19724);
});

test('identifier parameters name tables and columns; parse reports the names', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE TABLE t (a UInt8) ENGINE = Memory');
  await run(e, 'INSERT INTO t VALUES (7)');
  const q = e.parse('SELECT {c:Identifier} AS {al:Identifier} FROM {db:Identifier}.{tb:Identifier} WHERE a = {v:UInt8}');
  assert.deepEqual(q.parameters, ['c', 'al', 'db', 'tb', 'v']);
  const r = await run(e, q.sql, context({ queryParameters: params({ c: 'a', al: 'x', db: 'default', tb: 't', v: '7' }) }));
  assert.deepEqual(r, { columns: [{ name: 'x', type: 'UInt8' }], rows: [[7]] });
  await assert.rejects(run(e, 'SELECT 1 FROM {t:Identifier}', context({ queryParameters: params({ t: '' }) })), { code: 457, message: 'Empty Identifier part after parameter `t` substitution' });
});
