// The StarRocks dialect's statements about users, nodes, PROC and FE
// configuration (run by the FE front-end, refused by the engine alone),
// partition lists, views and `t PARTITION (p)`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStarRocksStatement } from '../../reference/starrocks/dialect/parser.ts';
import { isFrontendStatement } from '../../reference/starrocks/dialect/ast.ts';
import { Settings } from '../../reference/engine/index.ts';
import { createStarRocksEngine } from '../../reference/starrocks/dialect/index.ts';
import type { StarRocksEngine } from '../../reference/starrocks/dialect/index.ts';

const ctx = (database = '') => ({
  database, user: 'root', queryId: 'q', settings: new Settings(), readonly: 0,
  progress: { readRows: 0, readBytes: 0, writtenRows: 0, writtenBytes: 0, totalRowsToRead: 0, resultRows: 0, resultBytes: 0 },
});

async function run(e: StarRocksEngine, sql: string, database = 'd'): Promise<unknown[][]> {
  const r = await e.execute(e.parse(sql), ctx(database));
  const out: unknown[][] = [];
  if (r.kind === 'rows') for await (const b of r.blocks) out.push(...b.rows);
  return out;
}

test('users, roles, PROC, nodes and FE configuration parse as front-end statements', () => {
  const cases: [string, unknown][] = [
    ["CREATE USER IF NOT EXISTS 'u'@'%' IDENTIFIED BY 'p:w' DEFAULT ROLE db_admin", { kind: 'create_user', identity: { user: 'u', host: '%' }, ifNotExists: true, roles: ['db_admin'], password: 'p:w' }],
    ['CREATE USER bob', { kind: 'create_user', identity: { user: 'bob', host: '%' }, ifNotExists: false, roles: [] }],
    ["DROP USER 'u'@'%'", { kind: 'drop_user', identity: { user: 'u', host: '%' }, ifExists: false }],
    ["GRANT db_admin, user_admin TO USER 'u'@'%'", { kind: 'grant_roles', roles: ['db_admin', 'user_admin'], identity: { user: 'u', host: '%' } }],
    ['GRANT SELECT, INSERT ON TABLE d.t TO USER u', { kind: 'grant_privileges', revoke: false, privileges: ['SELECT', 'INSERT'], db: 'd', table: 't', identity: { user: 'u', host: '%' } }],
    ['GRANT SELECT ON ALL TABLES IN DATABASE d TO u', { kind: 'grant_privileges', revoke: false, privileges: ['SELECT'], db: 'd', table: '*', identity: { user: 'u', host: '%' } }],
    ["REVOKE user_admin FROM 'u'", { kind: 'revoke_roles', roles: ['user_admin'], identity: { user: 'u', host: '%' } }],
    ["SET DEFAULT ROLE ALL TO 'u'@'%'", { kind: 'set_default_role', roles: 'ALL', identity: { user: 'u', host: '%' } }],
    ["SHOW PROC '/colocation_group'", { kind: 'show_proc', path: '/colocation_group' }],
    ['SHOW BACKENDS', { kind: 'show_nodes', nodes: 'BACKENDS' }],
    ['SHOW COMPUTE NODES', { kind: 'show_nodes', nodes: 'COMPUTE NODES' }],
    ["ADMIN SHOW FRONTEND CONFIG LIKE 'label_keep%'", { kind: 'show_frontend_config', like: 'label_keep%' }],
    ['ADMIN SET FRONTEND CONFIG ("label_keep_max_second" = "10")', { kind: 'set_frontend_config', settings: [['label_keep_max_second', '10']] }],
  ];
  for (const [sql, want] of cases) {
    const st = parseStarRocksStatement(sql);
    assert.deepEqual(st, want, sql);
    assert.ok(isFrontendStatement(st), sql);
  }
  assert.equal(isFrontendStatement(parseStarRocksStatement('SET enable_profile = true')), false);
});

test('the engine alone refuses front-end statements', async () => {
  const e = createStarRocksEngine({ release: '3.3.0', commit: 'unknown' }, 'UTC');
  await assert.rejects(run(e, 'SHOW BACKENDS'), /SHOW NODES needs the StarRocks front-end/);
});

test('RANGE and LIST partition lists: LESS THAN chains, fixed ranges, values; batches stay unknown', () => {
  const st = parseStarRocksStatement(`CREATE TABLE t (d DATE, k INT) PARTITION BY RANGE(d) (
    PARTITION p1 VALUES LESS THAN ("2024-01-01"), PARTITION p2 VALUES LESS THAN ("2024-02-01"),
    PARTITION p3 VALUES [("2024-02-01"), ("2024-03-01")), PARTITION p4 VALUES LESS THAN MAXVALUE) DISTRIBUTED BY HASH(k)`);
  assert.equal(st.kind, 'create_table');
  assert.deepEqual(st.kind === 'create_table' ? st.partition?.partitions : undefined, [
    { name: 'p1', upper: '2024-01-01' }, { name: 'p2', lower: '2024-01-01', upper: '2024-02-01' },
    { name: 'p3', lower: '2024-02-01', upper: '2024-03-01' }, { name: 'p4', lower: '2024-03-01' },
  ]);
  const list = parseStarRocksStatement(`CREATE TABLE t (c VARCHAR(10), k INT) PARTITION BY LIST(c) (PARTITION pa VALUES IN ("a", "b"), PARTITION pc VALUES IN ("c")) DISTRIBUTED BY HASH(k)`);
  assert.deepEqual(list.kind === 'create_table' ? list.partition?.partitions : undefined, [{ name: 'pa', values: ['a', 'b'] }, { name: 'pc', values: ['c'] }]);
  const batch = parseStarRocksStatement(`CREATE TABLE t (d DATE, k INT) PARTITION BY RANGE(d) (START ("2024-01-01") END ("2024-02-01") EVERY (INTERVAL 1 DAY)) DISTRIBUTED BY HASH(k)`);
  // START … END … EVERY makes the partitions, named as StarRocks names them.
  const days = batch.kind === 'create_table' ? batch.partition?.partitions ?? [] : [];
  assert.equal(days.length, 31);
  assert.deepEqual(days[0], { name: 'p20240101', lower: '2024-01-01', upper: '2024-01-02' });
  assert.deepEqual(days[30], { name: 'p20240131', lower: '2024-01-31', upper: '2024-02-01' });
});

test('views read their query; SELECT … PARTITION (p) reads the rows of those partitions', async () => {
  const e = createStarRocksEngine({ release: '3.3.0', commit: 'unknown' }, 'UTC');
  await run(e, 'CREATE DATABASE d', '');
  await run(e, `CREATE TABLE t (c VARCHAR(10), k INT) DUPLICATE KEY(c) PARTITION BY LIST(c) (PARTITION pa VALUES IN ("a", "b"), PARTITION pc VALUES IN ("c"))
    DISTRIBUTED BY HASH(k) BUCKETS 1`);
  await run(e, 'INSERT INTO t VALUES ("a", 1), ("b", 2), ("c", 3)');
  assert.deepEqual(await run(e, 'SELECT k FROM t PARTITION (pa) ORDER BY k'), [[1], [2]]);
  assert.deepEqual(await run(e, 'SELECT x.k FROM d.t PARTITIONS (pc) x'), [[3]]);
  await assert.rejects(run(e, 'SELECT k FROM t PARTITION (nope)'), /Unknown partition 'nope' in table 't'/);
  await run(e, 'CREATE VIEW v (kk) AS SELECT k FROM t WHERE k > 1');
  assert.deepEqual(await run(e, 'SELECT kk FROM v ORDER BY kk'), [[2], [3]]);
  assert.deepEqual(await run(e, 'SHOW FULL TABLES'), [['t', 'BASE TABLE'], ['v', 'VIEW']]);
  const [[, create]] = (await run(e, 'SHOW CREATE TABLE v')) as [string, string][];
  assert.equal(create, 'CREATE VIEW `v` (`kk`) AS SELECT k FROM t WHERE k > 1;');
  await assert.rejects(run(e, 'INSERT INTO v VALUES (1)'), /not OLAP table/);
  // The view's tables are in the view's database, whichever database the reader is in.
  await run(e, 'CREATE DATABASE other', '');
  assert.deepEqual(await run(e, 'SELECT count(*) FROM d.v', 'other'), [[2n]]);
  await run(e, 'DROP VIEW v');
  assert.deepEqual(await run(e, 'SHOW TABLES'), [['t']]);
});
