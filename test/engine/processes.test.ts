import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Engine, createClickHouseEngine, Settings, context, run } from './helpers.ts';
import type { QueryContext } from '../../reference/engine/api.ts';

/** Start a slow query and keep pulling its blocks in the background. */
async function startSlow(e: Engine, ctx: QueryContext): Promise<{ done: Promise<unknown> }> {
  const settings = ctx.settings;
  settings.set('max_block_size', '1');
  const r = await e.execute(e.parse('SELECT sleepEachRow(0.02) FROM numbers(500)'), ctx);
  assert.equal(r.kind, 'rows');
  const done = (async () => {
    if (r.kind !== 'rows') return;
    for await (const b of r.blocks) void b;
  })();
  done.catch(() => {});
  return { done };
}

test('a running query shows in system.processes and leaves it when done', async () => {
  const e = createClickHouseEngine();
  const slow = context({ queryId: 'q1', settings: new Settings() });
  const { done } = await startSlow(e, slow);
  const r = await run(e, 'SELECT query_id, user, query, is_initial_query, query_kind FROM system.processes ORDER BY query_id', context({ queryId: 'q2' }));
  assert.deepEqual(r.rows, [
    ['q1', 'default', 'SELECT sleepEachRow(0.02) FROM numbers(500)', 1, 'Select'],
    ['q2', 'default', 'SELECT query_id, user, query, is_initial_query, query_kind FROM system.processes ORDER BY query_id', 1, 'Select'],
  ]);
  await assert.rejects(run(e, 'SELECT 1', context({ queryId: 'q1' })), { code: 216, message: 'Query with id = q1 is already running.' });
  const k = await run(e, "KILL QUERY WHERE query_id = 'q1' SYNC", context({ queryId: 'k' }));
  assert.deepEqual(k.columns.map((c) => c.name), ['kill_status', 'query_id', 'user', 'query']);
  assert.deepEqual(k.rows[0]!.slice(0, 3), ['finished', 'q1', 'default']);
  await assert.rejects(done, { code: 394, message: 'Query was cancelled' });
  assert.deepEqual((await run(e, "SELECT count() FROM system.processes WHERE query_id = 'q1'")).rows, [[0n]]);
  assert.deepEqual(await run(e, "KILL QUERY WHERE query_id = 'nothing'"), { columns: [], rows: [] });
});

test('replace_running_query cancels the old query; another user gets its own error', async () => {
  const e = createClickHouseEngine();
  await run(e, 'CREATE USER other IDENTIFIED WITH no_password');
  const { done } = await startSlow(e, context({ queryId: 'dup' }));
  await assert.rejects(run(e, 'SELECT 1', context({ queryId: 'dup', user: 'other' })), { code: 216, message: 'Query with id = dup is already running by user default' });
  const settings = new Settings();
  settings.set('replace_running_query', '1');
  assert.deepEqual((await run(e, 'SELECT 42', context({ queryId: 'dup', settings }))).rows, [[42]]);
  await assert.rejects(done, { code: 394 });
});

test('KILL QUERY ASYNC and TEST report waiting and unknown_status', async () => {
  const e = createClickHouseEngine();
  const { done } = await startSlow(e, context({ queryId: 'a1' }));
  assert.equal((await run(e, "KILL QUERY WHERE query_id = 'a1' TEST")).rows[0]![0], 'unknown_status');
  assert.equal((await run(e, "KILL QUERY WHERE query_id = 'a1'")).rows[0]![0], 'waiting');
  await assert.rejects(done, { code: 394 });
});
