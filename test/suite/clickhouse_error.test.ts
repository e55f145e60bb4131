import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseClickHouseError } from '../../steps/support/clickhouse_error.ts';

test('reads the modern error layout', () => {
  assert.deepEqual(parseClickHouseError('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 24.8.1.1)\n'),
    { code: 62, message: 'Empty query', name: 'SYNTAX_ERROR', version: '24.8.1.1' });
});

test('reads an official build suffix and a message with its own final period', () => {
  const parsed = parseClickHouseError("Code: 60. DB::Exception: Table default.x doesn't exist. (UNKNOWN_TABLE) (version 23.8.2.7 (official build))\n");
  assert.equal(parsed?.code, 60);
  assert.equal(parsed?.message, "Table default.x doesn't exist");
  assert.equal(parsed?.version, '23.8.2.7');
});

test('reads the 18.x layout, multi-line messages included', () => {
  assert.deepEqual(parseClickHouseError('Code: 62, e.displayText() = DB::Exception: Empty query, e.what() = DB::Exception\n'),
    { code: 62, message: 'Empty query' });
  const parsed = parseClickHouseError('Code: 62, e.displayText() = DB::Exception: Syntax error: failed at position 1: SEL\nECT 1\n. Expected one of: SELECT, e.what() = DB::Exception\n');
  assert.equal(parsed?.code, 62);
  assert.match(parsed?.message ?? '', /^Syntax error: failed at position 1: SEL\nECT 1\n\. Expected/);
});

test('reads the 19.x–21.7 layout with a version', () => {
  assert.deepEqual(parseClickHouseError('Code: 81, e.displayText() = DB::Exception: Database x doesn\'t exist (version 20.3.4.10 (official build))\n'),
    { code: 81, message: "Database x doesn't exist", version: '20.3.4.10' });
});

test('anything else is not an error body', () => {
  assert.equal(parseClickHouseError('1\n'), undefined);
  assert.equal(parseClickHouseError('Ok.\n'), undefined);
});
