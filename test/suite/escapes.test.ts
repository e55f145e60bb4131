import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unescapeBytes, unescapeText } from '../../steps/support/escapes.ts';

test('escapes in step text become the bytes they name', () => {
  assert.equal(unescapeText('Ok.\\n'), 'Ok.\n');
  assert.equal(unescapeText('a\\tb\\\\c'), 'a\tb\\c');
  assert.deepEqual([...unescapeBytes('\\x00\\x01\\0\\r')], [0, 1, 0, 13]);
  assert.equal(unescapeText('say \\"hi\\"'), 'say "hi"');
});

test('a backslash before anything else stays as it is', () => {
  assert.equal(unescapeText('\\N and \\d'), '\\N and \\d');
  assert.equal(unescapeText('ends with \\'), 'ends with \\');
});

test('text outside escapes keeps its UTF-8', () => {
  assert.equal(unescapeText('┏━┓\\n'), '┏━┓\n');
});
