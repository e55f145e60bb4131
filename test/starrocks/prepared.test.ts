// The FE's binary prepared-statement protocol, byte by byte: placeholders,
// COM_STMT_EXECUTE's parameters, the prepare OK and binary rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryRowPayload, bindPlaceholders, placeholderOffsets, prepareOkPayload, readExecute } from '../../reference/starrocks/mysql/prepared.ts';
import { mysqlColumn } from '../../reference/starrocks/mysql/columns.ts';
import { T, nullable } from '../../reference/engine/types.ts';

test('placeholders outside quotes, names and comments; values put in as literals', () => {
  const sql = "SELECT '?', `a?`, \"?\" -- ?\n, ? /* ? */ FROM t WHERE s = ? # ?\n AND x = 'it\\'s ?'";
  const offsets = placeholderOffsets(sql);
  assert.equal(offsets.length, 2);
  assert.equal(bindPlaceholders(sql, offsets, ["o'k\\", null]),
    "SELECT '?', `a?`, \"?\" -- ?\n, 'o\\'k\\\\' /* ? */ FROM t WHERE s = NULL # ?\n AND x = 'it\\'s ?'");
  assert.equal(bindPlaceholders('SELECT ?, ?, ?', placeholderOffsets('SELECT ?, ?, ?'), [5n, 1.5, { date: '2024-02-29 12:00:00' }]),
    "SELECT 5, 1.5, '2024-02-29 12:00:00'");
});

test('COM_STMT_EXECUTE: the NULL bitmap, the types sent once and remembered, each binary value', () => {
  const head = Buffer.alloc(9);
  head.writeUInt32LE(7, 0);
  const types = Buffer.alloc(10);
  [8, 5, 253, 12, 6].forEach((t, i) => types.writeUInt16LE(t, i * 2));
  const bigint = Buffer.alloc(8);
  bigint.writeBigInt64LE(-5n);
  const double = Buffer.alloc(8);
  double.writeDoubleLE(2.5);
  const date = Buffer.from([7, 0xe8, 0x07, 2, 29, 12, 34, 56]);
  // Five parameters, the fifth NULL (bit 4), new types bound.
  const payload = Buffer.concat([head, Buffer.from([0b10000]), Buffer.from([1]), types, bigint, double, Buffer.from([2]), Buffer.from('hi'), date]);
  const read = readExecute(payload, () => 5, () => undefined);
  assert.deepEqual(read, { stmtId: 7, values: [-5n, 2.5, 'hi', { date: '2024-02-29 12:34:56' }, null], types: [8, 5, 253, 12, 6] });
  // Without new types the ones remembered apply.
  const again = readExecute(Buffer.concat([head, Buffer.from([0b11110]), Buffer.from([0]), bigint]), () => 5, () => [8, 5, 253, 12, 6]);
  assert.deepEqual(again, { stmtId: 7, values: [-5n, null, null, null, null], types: [8, 5, 253, 12, 6] });
  assert.deepEqual(readExecute(head, () => undefined, () => undefined), { stmtId: 7, unknown: true });
});

test('the prepare OK and binary rows', () => {
  assert.deepEqual([...prepareOkPayload(7, 0, 1)], [0, 7, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  assert.deepEqual([...prepareOkPayload(7, 0, 0, false)], [0, 7, 0, 0, 0, 0, 0, 0, 0, 0]);
  const columns = [mysqlColumn('i', T.Int32), mysqlColumn('s', nullable(T.String)), mysqlColumn('d', T.DateTime), mysqlColumn('day', T.Date)];
  assert.deepEqual([...binaryRowPayload(columns, ['-2', null, '2024-02-29 12:34:56', '2024-02-29'])],
    [0, 0b1000, 0xfe, 0xff, 0xff, 0xff, 7, 0xe8, 0x07, 2, 29, 12, 34, 56, 4, 0xe8, 0x07, 2, 29]);
});
