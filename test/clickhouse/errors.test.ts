import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineError } from '../../reference/engine/errors.ts';
import { ServerError, exceptionText, httpStatusForCode } from '../../reference/clickhouse/errors.ts';

test('the exception text adds a dot only when the message lacks one', () => {
  assert.equal(exceptionText(new EngineError('SYNTAX_ERROR', 'Empty query'), '24.8.1.1'),
    'Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 24.8.1.1)');
  assert.equal(exceptionText(new EngineError('UNKNOWN_TABLE', 'Table default.t does not exist.'), '24.8.1.1'),
    'Code: 60. DB::Exception: Table default.t does not exist. (UNKNOWN_TABLE) (version 24.8.1.1)');
});

test('server-side codes carry their ClickHouse names', () => {
  assert.equal(exceptionText(new ServerError('AUTHENTICATION_FAILED', 'x: Authentication failed'), '24.8.1.1'),
    'Code: 516. DB::Exception: x: Authentication failed. (AUTHENTICATION_FAILED) (version 24.8.1.1)');
});

test('without a version (25.12+, before authentication) the text ends with the error name', () => {
  assert.equal(exceptionText(new ServerError('AUTHENTICATION_FAILED', 'x: Authentication failed'), undefined),
    'Code: 516. DB::Exception: x: Authentication failed. (AUTHENTICATION_FAILED)');
  const traced = exceptionText(new ServerError('AUTHENTICATION_FAILED', 'x: Authentication failed'), undefined, true);
  assert.ok(traced.startsWith('Code: 516. DB::Exception: x: Authentication failed. (AUTHENTICATION_FAILED), Stack trace'), traced);
  assert.match(traced, /\n\d+\. [^\n]+$/);
});

test('errors that are not ClickHouse exceptions read like std::exception', () => {
  assert.equal(exceptionText(new TypeError('boom'), '26.7.2.1'), 'std::exception. Code: 1001, type: TypeError, e.what() = boom (version 26.7.2.1)');
});

test('exception codes map to HTTP statuses as exceptionCodeToHTTPStatus does in 24.8', () => {
  const cases: [number, number][] = [
    [62, 400], [6, 400], [27, 400], [72, 400], [117, 400], [53, 400], [36, 400],
    [60, 404], [81, 404], [73, 404], [115, 404], [46, 404], [47, 404],
    [516, 403], [192, 403], [193, 403], [194, 401],
    [381, 411], [159, 408], [48, 501], [229, 413], [209, 503],
    [164, 500], [395, 500], [396, 500], [497, 500], [1001, 500],
  ];
  for (const [code, status] of cases) assert.equal(httpStatusForCode(code), status, `code ${code}`);
});
