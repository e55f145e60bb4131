// The `queries` category: JOINs, subqueries, set operations and window
// functions over two small seeded tables whose key columns repeat and clash in
// name, so matches, duplicates, misses and qualified names all occur. Every
// query ends in ORDER BY ALL: row order without ORDER BY is an engine's choice.

import type { Random } from './random.ts';

export interface QueryCase {
  setup: string[];
  /** Statements whose answers are compared too, before the query (ALTER …). */
  before: string[];
  query: string;
  cleanup: string[];
}

function rows(r: Random, n: number, row: () => string): string {
  return Array.from({ length: n }, row).join(', ');
}

const JOIN_HEADS = ['JOIN', 'INNER JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'FULL JOIN', 'LEFT OUTER JOIN', 'ANY LEFT JOIN', 'ANY INNER JOIN',
  'ANY RIGHT JOIN', 'SEMI LEFT JOIN', 'ANTI LEFT JOIN', 'SEMI RIGHT JOIN', 'ANTI RIGHT JOIN', 'ALL FULL JOIN', 'CROSS JOIN', ',',
  'ASOF JOIN', 'ASOF LEFT JOIN'] as const;

function join(r: Random, a: string, b: string, keyType: string): string {
  const head = r.pick(JOIN_HEADS);
  const [x, y] = r.chance(0.4) ? ['x', 'y'] : [a, b];
  const from = x === 'x' ? `${a} AS x` : a;
  const to = y === 'y' ? `${b} AS y` : b;
  if (head === 'CROSS JOIN' || head === ',') {
    const select = r.pick(['*', `${x}.k, ${y}.k`, 'count()']);
    const where = r.chance(0.5) ? ` WHERE ${x}.k = ${y}.k` : '';
    return `SELECT ${select} FROM ${from}${head === ',' ? ',' : ` ${head}`} ${to}${where} ORDER BY ALL`;
  }
  if (head === 'ASOF JOIN' || head === 'ASOF LEFT JOIN') {
    const cond = r.pick([`ON ${x}.v = 'a' AND ${x}.k = ${y}.k AND ${x}.k >= ${y}.k`, `ON ${x}.k = ${y}.k AND ${x}.k <= ${y}.w`, `ON ${x}.k = ${y}.k AND ${y}.w < ${x}.k`]);
    return `SELECT ${x}.k, v, w FROM ${from} ${head} ${to} ${cond} ORDER BY ALL`;
  }
  const condition = r.pick([
    () => 'USING (k)', () => 'USING k', () => `ON ${x}.k = ${y}.k`, () => `ON ${y}.k = ${x}.k`,
    () => `ON ${x}.k = ${y}.k AND ${y}.n > ${r.int(-3, 3)}`, () => `ON ${x}.k = ${y}.k AND ${x}.v != 'b'`,
    () => `ON ${x}.k + 1 = ${y}.k`, () => `ON ${x}.k = ${y}.k AND ${x}.n = ${y}.n`,
  ])();
  const select = r.pick(['*', `${x}.k, ${y}.k, v, w`, 'k, v, w', `${x}.*`, `${y}.*`, `v, ${y}.n`, `${x}.n + ${y}.n`, `k, count() AS c`]);
  const group = select.includes('count()') ? ' GROUP BY k' : '';
  const settings = r.chance(0.3) ? ' SETTINGS join_use_nulls = 1' : '';
  const where = !group && r.chance(0.3) ? ` WHERE ${r.pick([`${x}.k > 1`, 'w > 0', `${y}.n IS NULL`])}` : '';
  // Now and then no ORDER BY: the order a join emits its rows in (the smaller side is the hash table);
  // with a one-byte key, whose unjoined rows come by key (wider keys come in hash order).
  const ordered = ['JOIN', 'INNER JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'ANY LEFT JOIN', 'ANY INNER JOIN', 'SEMI LEFT JOIN', 'ANTI LEFT JOIN'];
  const order = !group && keyType === 'UInt8' && ordered.includes(head) && r.chance(0.3) ? '' : ' ORDER BY ALL';
  return `SELECT ${select} FROM ${from} ${head} ${to} ${condition}${where}${group}${order}${settings}`;
}

function subquery(r: Random, a: string, b: string): string {
  return r.pick([
    () => `SELECT k, v FROM ${a} WHERE k IN (SELECT k FROM ${b}) ORDER BY ALL`,
    () => `SELECT k, v FROM ${a} WHERE k NOT IN (SELECT k FROM ${b} WHERE n IS NOT NULL) ORDER BY ALL`,
    () => `SELECT k, (SELECT max(w) FROM ${b}) AS m FROM ${a} ORDER BY ALL`,
    () => `SELECT (SELECT min(k), max(w) FROM ${b}${r.pick(['', ' WHERE w > 100'])}), (SELECT count() FROM ${a})`,
    () => `SELECT k, v FROM ${a} WHERE (k, n) IN (SELECT k, n FROM ${b}) ORDER BY ALL`,
    () => `SELECT s.k, s.c FROM (SELECT k, count() AS c FROM ${a} GROUP BY k) AS s ORDER BY ALL`,
    () => `SELECT * FROM (SELECT k FROM ${a}) AS s JOIN (SELECT k, w FROM ${b}) AS t USING k ORDER BY ALL`,
    () => `WITH ${r.int(1, 3)} AS lim SELECT k, v FROM ${a} WHERE k > lim ORDER BY ALL`,
    () => `WITH s AS (SELECT k, v FROM ${a} WHERE k > ${r.int(0, 2)}) SELECT * FROM s ORDER BY ALL`,
    () => `WITH s AS (SELECT k FROM ${b}) SELECT k, v FROM ${a} WHERE k IN s ORDER BY ALL`,
    () => `SELECT k, v FROM ${a} ORDER BY k, v LIMIT ${r.int(0, 2)}${r.chance(0.5) ? ` OFFSET ${r.int(0, 1)}` : ''} BY ${r.pick(['k', 'v', 'k, v'])}`,
    () => `SELECT * FROM ${a} AS x JOIN ${b} AS y ON x.k = y.k ${r.pick(['LEFT ', 'INNER ', ''])}JOIN ${a} AS z ON z.k = y.k ORDER BY ALL`,
    () => `SELECT x.k, y.w, z.v FROM ${a} AS x JOIN ${b} AS y USING (k) JOIN ${a} AS z ON z.k = x.k ORDER BY ALL`,
    () => `SELECT v, count() AS c FROM ${a} WHERE k IN (SELECT k FROM ${b} WHERE w > 0) GROUP BY v ORDER BY ALL`,
    () => `SELECT k FROM ${a} WHERE n = (SELECT min(n) FROM ${b}) ORDER BY ALL`,
  ])();
}

function setOperation(r: Random, a: string, b: string): string {
  const op = r.pick(['UNION ALL', 'UNION DISTINCT', 'INTERSECT', 'EXCEPT', 'INTERSECT DISTINCT', 'EXCEPT DISTINCT']);
  const left = r.pick([`SELECT k FROM ${a}`, `SELECT k, n FROM ${a}`]);
  const right = left.includes(', n') ? `SELECT k, n FROM ${b}` : r.pick([`SELECT k FROM ${b}`, `SELECT toUInt8(k + 1) FROM ${b}`]);
  return `SELECT * FROM (${left} ${op} ${right}) ORDER BY ALL`;
}

function windowQuery(r: Random, a: string): string {
  const fn = r.pick(['row_number()', 'rank()', 'dense_rank()', 'count()', 'sum(k)', 'max(n)', 'lagInFrame(k)', 'leadInFrame(k)', 'min(v)', 'avg(k)']);
  const over = r.pick([
    'ORDER BY k', 'PARTITION BY v ORDER BY k', 'PARTITION BY v', '', 'ORDER BY k ROWS BETWEEN 1 PRECEDING AND CURRENT ROW',
    'PARTITION BY v ORDER BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING', 'ORDER BY k RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING',
    'ORDER BY k DESC',
  ]);
  if (r.chance(0.25)) {
    // Over groups: the window reads the grouped rows.
    const g = r.pick(['sum(count())', 'rank()', 'max(sum(k))', 'row_number()', 'lagInFrame(count())']);
    return `SELECT v, count() AS c, ${g} OVER (${r.pick(['', 'ORDER BY v', 'ORDER BY count() DESC, v'])}) AS f FROM ${a} GROUP BY v ORDER BY ALL`;
  }
  return `SELECT k, v, ${fn} OVER (${over}) AS f FROM ${a} ORDER BY ALL`;
}

/** ALTER TABLE commands on the first table: columns changed, rows mutated. */
function alterations(r: Random, a: string): string[] {
  return Array.from({ length: r.int(1, 3) }, () => `ALTER TABLE ${a} ${r.pick([
    () => `ADD COLUMN ${r.pick(['x', 'k'])} ${r.pick(['UInt16', 'String', 'Nullable(Int8)'])}${r.chance(0.5) ? ` DEFAULT ${r.pick(['k + 1', "'d'", '7'])}` : ''}${r.pick(['', ' FIRST', ' AFTER k', ' AFTER nope'])}`,
    () => `DROP COLUMN ${r.pick(['v', 'n', 'nope', 'IF EXISTS nope'])}`,
    () => `MODIFY COLUMN ${r.pick(['k UInt64', 'n Nullable(Int64)', 'v String DEFAULT \'z\'', 'nope UInt8'])}`,
    () => `RENAME COLUMN ${r.pick(['v TO w', 'n TO k', 'nope TO q'])}`,
    () => `DELETE WHERE ${r.pick(['k > 2', 'n IS NULL', "v = 'a'"])}`,
    () => `UPDATE ${r.pick(['v = concat(v, \'!\')', 'n = k * 2', 'nope = 1'])} WHERE ${r.pick(['k < 3', '1'])}`,
  ])()}`);
}

export function queryCase(r: Random, prefix: string): QueryCase {
  const a = `${prefix}_a`;
  const b = `${prefix}_b`;
  const ta = `CREATE TABLE ${a} (k UInt8, v String, n Nullable(Int32)) ENGINE = Memory`;
  const keyType = r.pick(['UInt8', 'UInt32', 'Int64']);
  const tb = `CREATE TABLE ${b} (k ${keyType}, w Float64, n Nullable(Int32)) ENGINE = Memory`;
  const nullable = () => (r.chance(0.3) ? 'NULL' : String(r.int(-5, 5)));
  const setup = [
    `DROP TABLE IF EXISTS ${a}`, `DROP TABLE IF EXISTS ${b}`, ta, tb,
    `INSERT INTO ${a} VALUES ${rows(r, r.int(1, 6), () => `(${r.int(0, 4)}, '${r.pick(['a', 'b', 'c'])}', ${nullable()})`)}`,
    `INSERT INTO ${b} VALUES ${rows(r, r.int(1, 6), () => `(${r.int(0, 5)}, ${r.int(-9, 9)}.5, ${nullable()})`)}`,
  ];
  const kind = r.int(0, 11);
  const view = `${a}_v`;
  const cleanup = [`DROP VIEW IF EXISTS ${view}`, `DROP TABLE IF EXISTS ${a}`, `DROP TABLE IF EXISTS ${b}`];
  if (kind === 11) {
    // A view over the first table, read alone, grouped and joined.
    const before = [`CREATE VIEW ${view} AS SELECT k, upper(v) AS u, n FROM ${a} WHERE k > ${r.int(0, 3)}`];
    const query = r.pick([`SELECT * FROM ${view} ORDER BY ALL`, `SELECT u, count() FROM ${view} GROUP BY u ORDER BY ALL`,
      `SELECT * FROM ${view} JOIN ${b} USING k ORDER BY ALL`, `SELECT u FROM ${view} WHERE n IS NOT NULL ORDER BY ALL`]);
    return { setup: [`DROP VIEW IF EXISTS ${view}`, ...setup], before, query, cleanup };
  }
  const before = kind === 10 ? alterations(r, a) : [];
  const query = kind < 5 ? join(r, a, b, keyType) : kind < 7 ? subquery(r, a, b) : kind < 8 ? setOperation(r, a, b) : kind < 10 ? windowQuery(r, a) : `SELECT * FROM ${a} ORDER BY ALL`;
  return { setup, before, query, cleanup };
}
