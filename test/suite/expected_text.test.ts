import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedPattern, hasRunTimePlaceholders } from '../../steps/support/expected_text.ts';

test('{version} matches the target version with or without "(official build)"', () => {
  const pattern = expectedPattern('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version {version})\n', '24.8.1.1');
  assert.ok(pattern.test('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 24.8.1.1)\n'));
  assert.ok(pattern.test('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 24.8.1.1 (official build))\n'));
  assert.ok(!pattern.test('Code: 62. DB::Exception: Empty query. (SYNTAX_ERROR) (version 24.8.1.2)\n'));
});

test('{number} matches decimal numbers only', () => {
  const pattern = expectedPattern('"elapsed": {number},', '1');
  assert.ok(pattern.test('"elapsed": 0.000030034,'));
  assert.ok(pattern.test('"elapsed": 3e-05,'));
  assert.ok(!pattern.test('"elapsed": "x",'));
});

test('text without placeholders is compared as it is', () => {
  assert.equal(hasRunTimePlaceholders('{"a":1}'), false);
  assert.equal(hasRunTimePlaceholders('x {uuid}'), true);
  assert.ok(expectedPattern('a.b(c)', '1').test('a.b(c)'));
  assert.ok(!expectedPattern('a.b', '1').test('axb'));
});

test('{any} matches any text within one line', () => {
  const pattern = expectedPattern("non-zero{any}. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)", '1');
  assert.ok(pattern.test('non-zero. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)'));
  assert.ok(pattern.test("non-zero: while executing 'FUNCTION throwIf(x)'. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)"));
  assert.ok(!pattern.test('non-zero\nmore. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)'));
});
