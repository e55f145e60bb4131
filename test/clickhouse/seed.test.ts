// The seed documentation's examples, end to end on the real engine (inject, no socket).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClickHouseServer } from '../../reference/clickhouse/server.ts';

const app = buildClickHouseServer({ displayName: 'seed' });
const post = (url: string, payload: string) => app.inject({ method: 'POST', url, payload });

test('the seed: queries from the URL, the body, or both', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/?query=SELECT%201' })).body, '1\n');
  assert.equal((await post('/', 'SELECT 1\n')).body, '1\n');
  assert.equal((await post('/?query=', 'SELECT 1\n')).body, '1\n');
  assert.equal((await post('/?query=SELECT', '1\n')).body, '1\n');
  const split = await post('/?query=SEL', 'ECT 1\n');
  assert.equal(split.statusCode, 400);
  assert.match(split.body, /^Code: 62\. DB::Exception: Syntax error/);
  assert.equal((await post('/?output_format_pretty_row_numbers=0', 'SELECT 1 FORMAT Pretty\n')).body, '┏━━━┓\n┃ 1 ┃\n┡━━━┩\n│ 1 │\n└───┘\n');
});

test('the seed: create, insert four ways, read, drop', async () => {
  assert.equal((await post('/', 'CREATE TABLE seed_t (a UInt8) ENGINE = Memory\n')).body, '');
  await post('/', 'INSERT INTO seed_t VALUES (1),(2),(3)\n');
  await post('/?query=INSERT%20INTO%20seed_t%20VALUES', '(4),(5),(6)\n');
  await post('/?query=INSERT%20INTO%20seed_t%20FORMAT%20Values', '(7),(8),(9)\n');
  await post('/?query=INSERT%20INTO%20seed_t%20FORMAT%20TabSeparated', '10\n11\n12\n');
  const rows = (await app.inject({ method: 'GET', url: '/?query=SELECT%20a%20FROM%20seed_t' })).body.trim().split('\n').map(Number);
  assert.deepEqual(rows.sort((x, y) => x - y), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  const drop = await post('/', 'DROP TABLE seed_t\n');
  assert.equal(drop.statusCode, 200);
  assert.equal(drop.body, '');
});

test('the seed: default database from the URL or the header', async () => {
  const expected = '0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n';
  assert.equal((await post('/?database=system', 'SELECT number FROM numbers LIMIT 10\n')).body, expected);
  const h = await app.inject({ method: 'POST', url: '/', payload: 'SELECT number FROM numbers LIMIT 10', headers: { 'X-ClickHouse-Database': 'system' } });
  assert.equal(h.body, expected);
  assert.equal((await post('/?', 'SELECT number FROM system.numbers LIMIT 10\n')).body, expected);
});

test('a session keeps SET and USE between requests', async () => {
  await post('/?session_id=seed-s', 'SET max_result_rows = 7');
  const q = "SELECT value FROM system.settings WHERE name = 'max_result_rows'";
  assert.equal((await post('/?session_id=seed-s', q)).body, '7\n');
  assert.equal((await post('/', q)).body, '0\n');
  await post('/?session_id=seed-s', 'USE system');
  assert.equal((await post('/?session_id=seed-s', 'SELECT currentDatabase()')).body, 'system\n');
});
