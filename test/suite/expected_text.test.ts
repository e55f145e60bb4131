import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedPattern, isLike } from '../../steps/support/expected_text.ts';

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

test('{uuid} matches a lower-case UUID only', () => {
  assert.ok(isLike('id 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', 'id {uuid}', '1'));
  assert.ok(!isLike('id 0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0', 'id {uuid}', '1'));
});

test('text without placeholders is compared as it is, regular expression characters included', () => {
  assert.ok(isLike('a.b(c)', 'a.b(c)', '1'));
  assert.ok(!isLike('axb', 'a.b', '1'));
  assert.ok(!isLike('a.b(c) and more', 'a.b(c)', '1'));
});

test('{any} matches any text within one line', () => {
  const template = 'non-zero{any}. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)';
  assert.ok(isLike('non-zero. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)', template, '1'));
  assert.ok(isLike("non-zero: while executing 'FUNCTION throwIf(x)'. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)", template, '1'));
  assert.ok(!isLike('non-zero\nmore. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO)', template, '1'));
});

test('{anything} matches any text, line breaks included', () => {
  const template = '{anything}\n (version {version})\n';
  assert.ok(isLike('Code: 62. Syntax error\n\nStack trace:\n0. foo\n (version 24.8.1.1)\n', template, '24.8.1.1'));
  assert.ok(isLike('\n (version 24.8.1.1)\n', template, '24.8.1.1'));
  assert.ok(!isLike('Code: 62.\n (version 24.8.1.1)\nmore', template, '24.8.1.1'));
});
