import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appendedException, markedException, streamedException, taggedException } from '../../steps/support/stream_exception.ts';

const TEXT = "Code: 395. DB::Exception: Value passed to 'throwIf' function is non-zero. (FUNCTION_THROW_IF_VALUE_IS_NON_ZERO) (version 26.7.2.1)\n";
const TAG = 'zgvlyqbisupqpgxh';
// Bytes as 26.7 sent them (the length counts the text's newline).
const TAGGED = Buffer.from(`0\t0\n0\t0\n\r\n__exception__\r\n${TAG}\r\n${TEXT}${Buffer.byteLength(TEXT)} ${TAG}\r\n__exception__\r\n`, 'utf8');

test('reads the 25.11+ block framed with the tag', () => {
  assert.deepEqual(taggedException(TAGGED, TAG), { before: '0\t0\n0\t0\n', text: TEXT });
});

test('refuses a block with another tag or a wrong length', () => {
  assert.equal(typeof taggedException(TAGGED, 'aaaaaaaaaaaaaaaa'), 'string');
  const wrong = Buffer.from(TAGGED.toString('utf8').replace(`${Buffer.byteLength(TEXT)} ${TAG}`, `7 ${TAG}`), 'utf8');
  assert.match(taggedException(wrong, TAG) as string, /says the text is 7 bytes/);
});

test('reads the 24.11-25.10 marker and the appended text of older servers', () => {
  assert.deepEqual(markedException(Buffer.from(`0\t0\n__exception__\r\n${TEXT}`)), { before: '0\t0\n', text: TEXT });
  assert.deepEqual(appendedException(Buffer.from(`0\t0\n${TEXT}`)), { before: '0\t0\n', text: TEXT });
  assert.equal(typeof appendedException(Buffer.from('0\t0\n')), 'string');
});

test('finds whichever framing ends the body, the tagged one before the others', () => {
  assert.deepEqual(streamedException(TAGGED, TAG), { before: '0\t0\n0\t0\n', text: TEXT });
  assert.deepEqual(streamedException(Buffer.from(`1\n${TEXT}`), undefined), { before: '1\n', text: TEXT });
  assert.equal(streamedException(Buffer.from('1\n2\n'), undefined), undefined);
});
