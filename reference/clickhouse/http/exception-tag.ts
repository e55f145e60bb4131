// 25.11's framing of an error that comes after the answer began (PR #88818,
// WriteBufferFromHTTP1ServerResponse::cancelWithException): every answer gets
// a random tag in X-ClickHouse-Exception-Tag, and the error text goes out as
//   \r\n__exception__\r\n<tag>\r\n<text>\n<bytes of text> <tag>\r\n__exception__\r\n
// after which the server closes the connection instead of ending the body.

import { randomBytes } from 'node:crypto';

export const EXCEPTION_TAG_HEADER = 'X-ClickHouse-Exception-Tag';
const MARKER = '__exception__';
const TAG_LENGTH = 16;
/** The whole block stays within 16 KiB: the text is cut to what the framing leaves. */
const MAX_EXCEPTION_SIZE = 16 * 1024;
const FRAMING = 2 + MARKER.length + 2 + TAG_LENGTH + 2 + 8 + 1 + TAG_LENGTH + 2 + MARKER.length + 2;

// Random bytes drawn a few KiB at a time: one system call per answer cost
// more than the rest of a SELECT 1.
let pool = Buffer.alloc(0);
let taken = 0;

/** getRandomASCIIString: lowercase letters. */
export function newExceptionTag(): string {
  if (taken + TAG_LENGTH > pool.length) {
    pool = randomBytes(4096);
    taken = 0;
  }
  let tag = '';
  for (let i = 0; i < TAG_LENGTH; i++) tag += String.fromCharCode(97 + (pool[taken++]! % 26));
  return tag;
}

export function exceptionBlock(text: string, tag: string): Buffer {
  let message = Buffer.from(text, 'utf8');
  if (message.length > MAX_EXCEPTION_SIZE - FRAMING) message = message.subarray(0, MAX_EXCEPTION_SIZE - FRAMING);
  if (message.at(-1) !== 0x0a) message = Buffer.concat([message, Buffer.from('\n')]);
  return Buffer.concat([
    Buffer.from(`\r\n${MARKER}\r\n${tag}\r\n`, 'latin1'),
    message,
    Buffer.from(`${message.length} ${tag}\r\n${MARKER}\r\n`, 'latin1'),
  ]);
}
