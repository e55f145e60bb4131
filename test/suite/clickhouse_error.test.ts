import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseClickHouseError } from '../../steps/support/clickhouse_error.ts';

test('reads the modern error layout', () => {
  assert.deepEqual(parseClickHouseError('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 24.8.1.1)\n'),
    { code: 62, message: 'Empty query', name: 'SYNTAX_ERROR', version: '24.8.1.1', exceptionClass: 'DB::Exception' });
});

test('reads the 25.12+ layout without a version (errors before authentication)', () => {
  assert.deepEqual(parseClickHouseError('Code: 516. DB::Exception: u: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)\n'),
    { code: 516, message: 'u: Authentication failed: password is incorrect, or there is no user with such name',
      name: 'AUTHENTICATION_FAILED', exceptionClass: 'DB::Exception' });
});

test('reads a stack trace with and without the version after it', () => {
  const head = 'Code: 62. DB::Exception: Syntax error: failed at position 1 (SELEC). (SYNTAX_ERROR), Stack trace (when copying this message, always include the lines below):\n\n';
  const frames = '0. ? @ 0x000000001c8fa4b3\n1. ? @ 0x000000000ef1e3de\n';
  const withVersion = parseClickHouseError(`${head}${frames} (version 26.7.2.1)\n`);
  assert.equal(withVersion?.code, 62);
  assert.equal(withVersion?.name, 'SYNTAX_ERROR');
  assert.equal(withVersion?.message, 'Syntax error: failed at position 1 (SELEC)');
  assert.equal(withVersion?.version, '26.7.2.1');
  assert.equal(withVersion?.stackTrace, frames);
  const without = parseClickHouseError(`${head}${frames}`);
  assert.equal(without?.code, 62);
  assert.equal(without?.version, undefined);
  assert.equal(without?.stackTrace, frames.slice(0, -1));
});

test('reads the 18.x stack trace after e.what()', () => {
  const parsed = parseClickHouseError('Code: 193, e.displayText() = DB::Exception: Wrong password for user u, e.what() = DB::Exception, Stack trace:\n\n0. /lib/libclickhouse.so.18.16(StackTrace::StackTrace()+0x16) [0x7f3ffa3798a6]\n\n');
  assert.equal(parsed?.code, 193);
  assert.equal(parsed?.message, 'Wrong password for user u');
  assert.match(parsed?.stackTrace ?? '', /^0\. /);
});

test('reads other exception classes, Poco and std exceptions', () => {
  const errno = parseClickHouseError('Code: 107. DB::ErrnoException: Cannot open file /x, errno: 2, strerror: No such file or directory. (FILE_DOESNT_EXIST) (version 24.8.1.1)\n');
  assert.equal(errno?.code, 107);
  assert.equal(errno?.exceptionClass, 'DB::ErrnoException');
  const oldPoco = parseClickHouseError('Poco::Exception. Code: 1000, e.code() = 0, e.displayText() = No authentication information found: Basic authentication expected, e.what() = No authentication information found\n');
  assert.deepEqual(oldPoco, { code: 1000, message: 'No authentication information found: Basic authentication expected', exceptionClass: 'Poco::Exception' });
  const poco = parseClickHouseError('Poco::Exception. Code: 1000, e.code() = 0, Invalid header (version 24.8.1.1)\n');
  assert.deepEqual(poco, { code: 1000, message: 'Invalid header', exceptionClass: 'Poco::Exception', version: '24.8.1.1' });
  const std = parseClickHouseError('std::exception. Code: 1001, type: std::out_of_range, e.what() = boom (version 24.8.1.1)\n');
  assert.deepEqual(std, { code: 1001, message: 'boom', exceptionClass: 'std::exception', version: '24.8.1.1' });
});

test('reads an official build suffix and a message with its own final period', () => {
  const parsed = parseClickHouseError("Code: 60. DB::Exception: Table default.x doesn't exist. (UNKNOWN_TABLE) (version 23.8.2.7 (official build))\n");
  assert.equal(parsed?.code, 60);
  assert.equal(parsed?.message, "Table default.x doesn't exist");
  assert.equal(parsed?.version, '23.8.2.7');
});

test('reads the 18.x layout, multi-line messages included', () => {
  assert.deepEqual(parseClickHouseError('Code: 62, e.displayText() = DB::Exception: Empty query, e.what() = DB::Exception\n'),
    { code: 62, message: 'Empty query', exceptionClass: 'DB::Exception' });
  const parsed = parseClickHouseError('Code: 62, e.displayText() = DB::Exception: Syntax error: failed at position 1: SEL\nECT 1\n. Expected one of: SELECT, e.what() = DB::Exception\n');
  assert.equal(parsed?.code, 62);
  assert.match(parsed?.message ?? '', /^Syntax error: failed at position 1: SEL\nECT 1\n\. Expected/);
});

test('reads the 19.x–21.7 layout with a version', () => {
  assert.deepEqual(parseClickHouseError('Code: 81, e.displayText() = DB::Exception: Database x doesn\'t exist (version 20.3.4.10 (official build))\n'),
    { code: 81, message: "Database x doesn't exist", version: '20.3.4.10', exceptionClass: 'DB::Exception' });
});

test('anything else is not an error body', () => {
  assert.equal(parseClickHouseError('1\n'), undefined);
  assert.equal(parseClickHouseError('Ok.\n'), undefined);
});
