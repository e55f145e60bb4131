// engine/storage/: exact values and column layouts through part files, and a
// data directory's life: what each change writes, what a restart gives back,
// what a crash can leave and the start-up removes, what it refuses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Block } from '../../reference/engine/columns/block.ts';
import { columnFromValues, StringBuilder } from '../../reference/engine/columns/builders.ts';
import { NullableColumn, StringColumn } from '../../reference/engine/columns/column.ts';
import { parseType } from '../../reference/engine/types.ts';
import { Dec } from '../../reference/engine/values/decimal.ts';
import { decodePart, encodePart } from '../../reference/engine/storage/part-file.ts';
import { decodeValue, encodeValue, parseValue, stringifyValue } from '../../reference/engine/storage/values.ts';
import { escapeForFileName } from '../../reference/engine/storage/files.ts';
import { COMPACT_AFTER_FILES } from '../../reference/engine/storage/load.ts';
import { DataDirError } from '../../reference/engine/storage/errors.ts';
import { createClickHouseEngine, run } from './helpers.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'olapspec-storage-'));
}

test('values: bigint, Decimal, NaN, ±Infinity, -0, undefined, bytes, Map, Set and $-keyed objects come back exactly', () => {
  const v = [
    2n ** 127n - 1n, -(2n ** 63n), new Dec(-123456789012345678901234567890n, 10), Number.NaN, Infinity, -Infinity, -0, 0.1, undefined,
    new Uint8Array([0, 255, 128]), new Map([[1n, 'a']]), new Set(['x']), { $big: 'not a bigint', plain: [1, null, 'é\u0000\ud800'] },
  ];
  const back = parseValue(stringifyValue(v)) as unknown[];
  assert.equal(back.length, v.length);
  assert.equal(back[0], v[0]);
  assert.equal(back[1], v[1]);
  assert.ok(back[2] instanceof Dec && back[2].toString() === '-12345678901234567890.1234567890');
  assert.ok(Number.isNaN(back[3]));
  assert.equal(back[4], Infinity);
  assert.equal(back[5], -Infinity);
  assert.ok(Object.is(back[6], -0));
  assert.equal(back[7], 0.1);
  assert.equal(back[8], undefined);
  assert.deepEqual(back.slice(9), v.slice(9));
  assert.throws(() => encodeValue(new (class Odd {})()), /cannot store a value of class Odd/);
  assert.deepEqual(decodeValue(encodeValue({ a: 1 })), { a: 1 });
});

test('part files: every column layout, sliced strings with invalid UTF-8, row blocks and empty blocks round-trip', () => {
  const types = ['UInt8', 'Int64', 'UInt64', 'Float32', 'String', 'Nullable(String)', 'Nullable(Int64)', 'Decimal(38, 10)', 'Array(Nullable(String))', 'Int128', 'Bool', "DateTime('Asia/Tokyo')"].map(parseType);
  const values: unknown[][] = [
    [0, 255, 7], [-(2n ** 63n), 2n ** 63n - 1n, 0n], [2n ** 64n - 1n, 0n, 1n], [1.5, -0, Number.NaN], ['a', '', 'ü'], [null, 'x', ''],
    [1n, null, -5n], [Dec.parse('12345678901234567890.0123456789', 10)!, Dec.zero(10), Dec.parse('-1e-10', 10)!],
    [[], ['a', null], [null]], [2n ** 120n, -1n, 0n], [true, false, true], [0, 4294967295, 1700000000],
  ];
  const block = Block.ofColumns(types.map((t, j) => columnFromValues(t, values[j]!)));
  const back = decodePart(encodePart({ reset: false, bytes: 99, blocks: [block] }));
  assert.equal(back.reset, false);
  assert.equal(back.bytes, 99);
  assert.deepEqual(back.blocks[0]!.types.map((t) => t.name), types.map((t) => t.name));
  assert.deepEqual(back.blocks[0]!.rows, block.rows);
  // A String column sliced out of a larger buffer, bytes that are no UTF-8, inside a Nullable.
  const sb = new StringBuilder(parseType('String'));
  sb.appendString('skip');
  sb.appendBytes(new Uint8Array([0xff, 0xfe, 0x41]), 0, 3);
  sb.appendString('tail');
  const strings = sb.finish().slice(1, 3);
  const nullable = new NullableColumn(parseType('Nullable(String)'), new Uint8Array([0, 1]), strings);
  const cut = decodePart(encodePart({ reset: true, bytes: 0, blocks: [Block.ofColumns([strings, nullable]), Block.ofRows([parseType('UInt8')], [[1], [2]]), Block.ofColumns([], 3)] }));
  const s = cut.blocks[0]!.columns[0] as StringColumn;
  assert.ok(s instanceof StringColumn);
  assert.deepEqual([...s.bytes.subarray(s.offsets[0]!, s.offsets[1]!)], [0xff, 0xfe, 0x41], 'the raw bytes, not their decoding');
  assert.deepEqual(cut.blocks[0]!.rows, [['\ufffd\ufffdA', '\ufffd\ufffdA'], ['tail', null]]);
  assert.deepEqual(cut.blocks[1]!.rows, [[1], [2]]);
  assert.equal(cut.blocks[2]!.length, 3);
  assert.equal(cut.reset, true);
  // The loads' records travel with the rows, exactly (a txn id as bigint, a label).
  const withCommits = decodePart(encodePart({ reset: false, bytes: 0, commits: [{ label: 'l1', txnId: 7n }, { label: 'l2' }], blocks: [] }));
  assert.deepEqual(withCommits.commits, [{ label: 'l1', txnId: 7n }, { label: 'l2' }]);
  assert.equal(decodePart(encodePart({ reset: false, bytes: 0, blocks: [] })).commits, undefined);
});

test('part files: a damaged or foreign file is refused', () => {
  const buf = encodePart({ reset: false, bytes: 1, blocks: [Block.ofRows([parseType('String')], [['hello']])] });
  const flipped = Buffer.from(buf);
  flipped[flipped.length - 8] ^= 1;
  assert.throws(() => decodePart(flipped), /checksum mismatch/);
  assert.throws(() => decodePart(buf.subarray(0, buf.length - 3)), /checksum|not a part file/);
  assert.throws(() => decodePart(Buffer.from('{"json": true}')), /not a part file/);
});

test('file names are escaped as ClickHouse escapes them', () => {
  assert.equal(escapeForFileName('my db.t-1/é'), 'my%20db%2Et%2D1%2F%C3%A9');
});

test('a data directory keeps DDL and inserts across engines; TRUNCATE replaces the older parts; RENAME rewrites one file; DROP removes', async () => {
  const dir = tempDir();
  try {
    let e = createClickHouseEngine();
    e.openDataDir(dir);
    await run(e, 'CREATE DATABASE d');
    await run(e, 'CREATE TABLE d.t (k UInt64, s String) ENGINE = MergeTree ORDER BY k');
    await run(e, "INSERT INTO d.t VALUES (1, 'a')");
    await run(e, "INSERT INTO d.t VALUES (2, 'b'), (3, 'c')");
    const uuid = e.catalog.table('d', 't').uuid;
    const tdir = join(dir, 'tables', uuid);
    assert.deepEqual(readdirSync(tdir).sort(), ['000000000001.part', '000000000002.part', 'table.json']);
    await run(e, 'TRUNCATE TABLE d.t');
    await run(e, "INSERT INTO d.t VALUES (4, 'd')");
    assert.deepEqual(readdirSync(tdir).sort(), ['000000000003.part', '000000000004.part', 'table.json'], 'the reset part replaced parts 1 and 2');
    await run(e, 'RENAME TABLE d.t TO default.moved');
    assert.equal(JSON.parse(readFileSync(join(tdir, 'table.json'), 'utf8')).table.database, 'default');
    await run(e, 'CREATE TABLE d.gone (x UInt8) ENGINE = Log');
    const gone = join(dir, 'tables', e.catalog.table('d', 'gone').uuid);
    assert.ok(existsSync(gone));
    await run(e, 'DROP TABLE d.gone');
    assert.ok(!existsSync(gone));

    e = createClickHouseEngine();
    e.openDataDir(dir);
    assert.deepEqual((await run(e, 'SELECT * FROM default.moved')).rows, [[4n, 'd']]);
    assert.ok(e.catalog.databases.has('d'));
    assert.equal(e.catalog.findTable('d', 'gone'), undefined);
    await run(e, 'CREATE TABLE d.more (x UInt8) ENGINE = TinyLog');
    await run(e, 'DROP DATABASE d');
    assert.ok(!existsSync(join(dir, 'databases', 'd.json')));
    assert.deepEqual(readdirSync(join(dir, 'tables')), [uuid], 'the dropped database took its tables along');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('start-up removes what a crash leaves (temporary files, tables without table.json or database) and refuses a damaged part', async () => {
  const dir = tempDir();
  try {
    let e = createClickHouseEngine();
    e.openDataDir(dir);
    await run(e, 'CREATE TABLE default.t (x UInt8) ENGINE = Log');
    await run(e, 'INSERT INTO default.t VALUES (1)');
    const tdir = join(dir, 'tables', e.catalog.table('default', 't').uuid);
    writeFileSync(join(tdir, '000000000002.part.tmp'), 'half a part');
    writeFileSync(join(dir, 'databases', 'half.json.tmp'), '{');
    // A table whose table.json was removed (a DROP cut short), one whose database is gone.
    const orphan = join(dir, 'tables', 'no-meta');
    mkdirSync(orphan);
    writeFileSync(join(orphan, '000000000001.part'), 'x');
    const stray = join(dir, 'tables', 'stray');
    mkdirSync(stray);
    writeFileSync(join(stray, 'table.json'), readFileSync(join(tdir, 'table.json'), 'utf8').replace('"database": "default"', '"database": "dropped_db"'));
    e = createClickHouseEngine();
    e.openDataDir(dir);
    assert.deepEqual((await run(e, 'SELECT * FROM t')).rows, [[1]]);
    assert.deepEqual(readdirSync(tdir).sort(), ['000000000001.part', 'table.json']);
    assert.ok(!existsSync(join(dir, 'databases', 'half.json.tmp')));
    assert.ok(!existsSync(orphan) && !existsSync(stray));
    await run(e, 'INSERT INTO default.t VALUES (2)');
    assert.deepEqual(readdirSync(tdir).sort(), ['000000000001.part', '000000000002.part', 'table.json'], 'numbering goes on after the last part');

    const part = join(tdir, '000000000002.part');
    const buf = readFileSync(part);
    buf[20] ^= 0xff;
    writeFileSync(part, buf);
    assert.throws(() => createClickHouseEngine().openDataDir(dir), (err: Error) => err instanceof DataDirError && err.message.includes(tdir) && /checksum/.test(err.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a table of many small parts is rewritten as one file at start-up, rows and their order kept', async () => {
  const dir = tempDir();
  try {
    let e = createClickHouseEngine();
    e.openDataDir(dir);
    await run(e, 'CREATE TABLE t (x UInt32, s String) ENGINE = Log');
    for (let i = 0; i < COMPACT_AFTER_FILES + 1; i++) await run(e, `INSERT INTO t VALUES (${i}, 'v${i}'), (${i}, 'w')`);
    const tdir = join(dir, 'tables', e.catalog.table('default', 't').uuid);
    assert.equal(readdirSync(tdir).length, COMPACT_AFTER_FILES + 2);
    const before = (await run(e, 'SELECT * FROM t')).rows;
    e = createClickHouseEngine();
    e.openDataDir(dir);
    assert.deepEqual(readdirSync(tdir).sort(), [`${String(COMPACT_AFTER_FILES + 2).padStart(12, '0')}.part`, 'table.json']);
    assert.deepEqual((await run(e, 'SELECT * FROM t')).rows, before);
    await run(e, "INSERT INTO t VALUES (1000, 'after')");
    e = createClickHouseEngine();
    e.openDataDir(dir);
    assert.deepEqual((await run(e, 'SELECT * FROM t')).rows, [...before, [1000, 'after']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a data directory held by a live process is refused; a lock left by a dead one is taken over', async () => {
  const dir = tempDir();
  try {
    createClickHouseEngine().openDataDir(dir);
    const lock = join(dir, 'lock');
    assert.equal(JSON.parse(readFileSync(lock, 'utf8')).pid, process.pid);
    // process.ppid: alive, and not us.
    writeFileSync(lock, JSON.stringify({ pid: process.ppid }));
    assert.throws(() => createClickHouseEngine().openDataDir(dir), new RegExp(`in use by another server \\(process ${process.ppid}\\)`));
    // A pid no process has (above the kernel's pid_max).
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 1 }));
    createClickHouseEngine().openDataDir(dir);
    assert.equal(JSON.parse(readFileSync(lock, 'utf8')).pid, process.pid);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without a data directory nothing is written; a Memory table keeps its definition only, a Memory database nothing', async () => {
  const mem = createClickHouseEngine();
  assert.equal(mem.catalog.storage, undefined);
  const dir = tempDir();
  try {
    let e = createClickHouseEngine();
    e.openDataDir(dir);
    await run(e, 'CREATE TABLE m (x UInt8) ENGINE = Memory');
    await run(e, 'INSERT INTO m VALUES (1)');
    await run(e, 'CREATE DATABASE md ENGINE = Memory');
    await run(e, 'CREATE TABLE md.t (x UInt8) ENGINE = Log');
    assert.throws(() => e.openDataDir(dir), /already has a data directory/);
    e = createClickHouseEngine();
    e.openDataDir(dir);
    assert.deepEqual((await run(e, 'SELECT count() FROM m')).rows, [[0n]]);
    assert.ok(e.catalog.databases.has('md'));
    assert.equal(e.catalog.database('md').tables.size, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
