import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClickHouseEngine, context, run, value } from './helpers.ts';

const e = createClickHouseEngine();

test('expressions, aliases, WHERE, ORDER BY, LIMIT, DISTINCT', async () => {
  assert.deepEqual((await run(e, 'SELECT number * 2 AS x FROM numbers(10) WHERE x > 10 ORDER BY x DESC LIMIT 2')).rows, [[18n], [16n]]);
  assert.deepEqual((await run(e, 'SELECT number FROM numbers(10) LIMIT 2, 3')).rows, [[2n], [3n], [4n]]);
  assert.deepEqual((await run(e, 'SELECT number FROM numbers(10) LIMIT 2 OFFSET 7')).rows, [[7n], [8n]]);
  assert.deepEqual((await run(e, 'SELECT DISTINCT number % 3 AS m FROM numbers(10) ORDER BY m')).rows, [[0], [1], [2]]);
  assert.deepEqual((await run(e, 'SELECT n FROM (SELECT number AS n FROM numbers(5)) WHERE n IN (1, 3)')).rows, [[1n], [3n]]);
  const r = await run(e, "SELECT 1 + 2, 'a', [1, 2], number FROM numbers(1)");
  assert.deepEqual(r.columns.map((c) => c.name), ['plus(1, 2)', "'a'", '[1, 2]', 'number']);
});

test('aggregates with GROUP BY and HAVING', async () => {
  const r = await run(e, 'SELECT number % 3 AS k, count(), sum(number), avg(number), min(number), max(number), uniq(number), any(k) FROM numbers(10) GROUP BY k HAVING count() > 3 ORDER BY k');
  assert.deepEqual(r.rows, [[0, 4n, 18n, 4.5, 0n, 9n, 4n, 0]]);
  assert.deepEqual(r.columns.map((c) => c.type), ['UInt8', 'UInt64', 'UInt64', 'Float64', 'UInt64', 'UInt64', 'UInt64', 'UInt8']);
  assert.deepEqual((await run(e, 'SELECT count(), sum(number) FROM numbers(10) WHERE number > 100')).rows, [[0n, 0n]]);
  assert.equal(await value(e, 'SELECT sum(toInt8(-1)) FROM numbers(3)'), -3n);
  assert.equal(await value(e, 'SELECT countIf(number > 5) FROM numbers(10)'), 4n);
  await assert.rejects(run(e, 'SELECT number, count() FROM numbers(3)'), { code: 215 });
});

test('functions', async () => {
  const row = (await run(e, "SELECT lower('AB'), upper('ab'), length('héllo'), substring('hello', 2, 3), position('hello', 'l'), replaceAll('aXbX', 'X', '-'), 'ab' LIKE 'a%', splitByChar(',', 'a,b'), reverse('abc'), trim('  x ')")).rows[0];
  assert.deepEqual(row, ['ab', 'AB', 6n, 'ell', 3n, 'a-b-', 1, ['a', 'b'], 'cba', 'x']);
  const conv = (await run(e, "SELECT toInt8(-3), toUInt64('42'), toFloat64('1.5'), toString(1.5), toDate('2024-01-02'), toDateTime('2024-01-02 03:04:05'), CAST('7' AS UInt8), '8'::Int32")).rows[0];
  assert.deepEqual(conv, [-3, 42n, 1.5, '1.5', 19724, 1704164645, 7, 8]);
  const cond = (await run(e, "SELECT if(1 > 2, 'a', 'b'), multiIf(0, 1, 0, 2, 3), isNull(NULL), ifNull(NULL, 5), coalesce(NULL, 'z')")).rows[0];
  assert.deepEqual(cond, ['b', 3, 1, 5, 'z']);
  const dates = (await run(e, "SELECT toYear(toDate('2024-03-05')), toMonth(toDate('2024-03-05')), toDayOfMonth(toDate('2024-03-05')), toHour(toDateTime('2024-01-01 13:14:15')), toMinute(toDateTime('2024-01-01 13:14:15')), toSecond(toDateTime('2024-01-01 13:14:15'))")).rows[0];
  assert.deepEqual(dates, [2024, 3, 5, 13, 14, 15]);
  assert.deepEqual((await run(e, 'SELECT arrayJoin([1, 2, 3]) AS x, x * 10')).rows, [[1, 10], [2, 20], [3, 30]]);
  assert.equal(await value(e, 'SELECT version()'), '26.7.2.1');
  await assert.rejects(run(e, 'SELECT throwIf(number = 2) FROM numbers(3)'), { code: 395, message: "Value passed to 'throwIf' function is non-zero" });
  await assert.rejects(run(e, 'SELECT nosuch(1)'), { code: 46 });
  await assert.rejects(run(e, 'SELECT x FROM numbers(1)'), { code: 47, message: "Unknown expression identifier `x` in scope SELECT x FROM numbers(1)" });
  await assert.rejects(run(e, 'SELECT * FROM nosuch'), { code: 60, message: "Unknown table expression identifier 'nosuch' in scope SELECT * FROM nosuch" });
  await assert.rejects(run(e, "SELECT toUInt8('abc')"), { code: 6 });
});

test('errors raised while resolving a function carry the scope, as the analyzer adds it', async () => {
  const e = createClickHouseEngine();
  await assert.rejects(run(e, 'SELECT intDiv(1, 0)'), { code: 153, message: 'Division by zero: In scope SELECT intDiv(1, 0)' });
  await assert.rejects(run(e, "SELECT 'a' + 1"), { code: 43, message: /of arguments of function plus: In scope SELECT 'a' \+ 1$/ });
  // Nested: only the call that failed adds it.
  await assert.rejects(run(e, 'SELECT intDiv(1, 0) + 1'), { message: 'Division by zero: In scope SELECT intDiv(1, 0) + 1' });
  // Not a constant: raised while executing, not while resolving.
  await assert.rejects(run(e, 'SELECT intDiv(1, number) FROM numbers(1)'), { message: 'Division by zero' });
  await assert.rejects(run(e, 'SELECT nosuchfunction(1)'), { code: 46, message: 'Function with name `nosuchfunction` does not exist. In scope SELECT nosuchfunction(1)' });
  await assert.rejects(run(e, 'SELECT x'), { code: 47, message: 'Unknown expression identifier `x` in scope SELECT x: Note: the query does not have the FROM clause. Did you forget to add it?' });
});

test('one alias for two different expressions is refused; for the same one twice it is not', async () => {
  const e = createClickHouseEngine();
  await assert.rejects(run(e, 'SELECT 1 AS a, 2 AS a'), { code: 179, message: 'Multiple expressions 2 AS a and 1 AS a for alias a. In scope SELECT 1 AS a, 2 AS a' });
  assert.deepEqual((await run(e, 'SELECT 1 AS a, 1 AS a')).rows, [[1, 1]]);
});

test('has() needs a common type of element and needle, numbers aside', async () => {
  const e = createClickHouseEngine();
  await assert.rejects(run(e, "SELECT has([1, 2], 'a')"), { code: 386, message: /^There is no supertype for types UInt8, String because some of them are String\/FixedString\/Enum and some of them are not: In scope/ });
  assert.equal(await value(e, 'SELECT has([1.5], 1)'), 0);
  assert.equal(await value(e, "SELECT has(['a'], 'a')"), 1);
});

test('a Date with a month or day out of range is day 0; a day past the month end runs over', async () => {
  const e = createClickHouseEngine();
  assert.deepEqual((await run(e, "SELECT toString(toDate('2024-13-45')), toString(toDate('2024-02-30'))")).rows, [['1970-01-01', '2024-03-01']]);
});

test('LIMIT stops pulling blocks from an infinite source', async () => {
  const ctx = context();
  ctx.settings.set('max_block_size', '10');
  const r = await e.execute(e.parse('SELECT number FROM system.numbers LIMIT 25'), ctx);
  assert.equal(r.kind, 'rows');
  let blocks = 0;
  let rows = 0;
  if (r.kind === 'rows') for await (const b of r.blocks) { blocks++; rows += b.rows.length; }
  assert.equal(rows, 25);
  assert.equal(blocks, 3);
  assert.ok(ctx.progress.readRows <= 30);
});

test('nothing is computed before the first block is pulled', async () => {
  const ctx = context();
  const r = await e.execute(e.parse('SELECT number FROM numbers(100)'), ctx);
  assert.equal(ctx.progress.readRows, 0);
  if (r.kind === 'rows') for await (const b of r.blocks) void b;
  assert.equal(ctx.progress.readRows, 100);
  assert.equal(ctx.progress.resultRows, 100);
});

test('max_result_rows throws or breaks', async () => {
  const ctx = context();
  ctx.settings.set('max_result_rows', '1');
  await assert.rejects(run(e, 'SELECT number FROM numbers(3)', ctx), { code: 396, message: 'Limit for result exceeded, max rows: 1.00, current rows: 3.00' });
  const brk = context();
  brk.settings.set('max_result_rows', '1');
  brk.settings.set('result_overflow_mode', 'break');
  brk.settings.set('max_block_size', '2');
  assert.equal((await run(e, 'SELECT number FROM numbers(10)', brk)).rows.length, 2);
});

test('sleepEachRow yields to the event loop and honours max_execution_time', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const started = Date.now();
  await run(e, 'SELECT sleepEachRow(0.05) FROM numbers(3)');
  clearInterval(timer);
  assert.ok(Date.now() - started >= 140);
  assert.ok(ticks > 5);
  const ctx = context();
  ctx.settings.set('max_execution_time', '0.1');
  await assert.rejects(run(e, 'SELECT sleepEachRow(0.1) FROM numbers(5)', ctx), { code: 159 });
});

test('an aborted signal stops the query', async () => {
  const ac = new AbortController();
  const ctx = context({ signal: ac.signal });
  ctx.settings.set('max_block_size', '1');
  const r = await e.execute(e.parse('SELECT sleepEachRow(0.05) FROM numbers(100)'), ctx);
  setTimeout(() => ac.abort(), 60);
  await assert.rejects((async () => { if (r.kind === 'rows') for await (const b of r.blocks) void b; })(), { code: 394 });
});
