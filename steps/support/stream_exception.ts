// An error that comes after the answer has begun (status 200 already sent)
// ends the body in one of three ways, by version:
//   ≤ 24.10  the error text (`Code: …\n`) appended to the data; the body ends normally.
//   24.11–25.10 (PR #68800)  `__exception__\r\n`, the text, and no end of the
//            body: the server breaks the chunked framing and closes the connection.
//   ≥ 25.11 (PR #88818)  a block framed with the answer's X-ClickHouse-Exception-Tag:
//            `\r\n__exception__\r\n<tag>\r\n<text>\n<bytes of text> <tag>\r\n__exception__\r\n`,
//            where <bytes of text> counts the text with its newline; the connection closes.
// (WriteBufferFromHTTP1ServerResponse::cancelWithException in src/Server/HTTP.)

export const EXCEPTION_MARKER = '__exception__';

export interface StreamedException {
  /** The data sent before the error. */
  before: string;
  /** The error text with its trailing newline, as a plain error body would be. */
  text: string;
}

/** The ≥ 25.11 block at the end of `body`; a reason when the body does not end with one. */
export function taggedException(body: Buffer, tag: string): StreamedException | string {
  const closing = `${EXCEPTION_MARKER}\r\n`;
  if (!body.toString('latin1').endsWith(closing)) return `the body does not end with ${JSON.stringify(closing)}`;
  const opening = Buffer.from(`\r\n${EXCEPTION_MARKER}\r\n${tag}\r\n`, 'latin1');
  const start = body.lastIndexOf(opening);
  if (start < 0) return `the body has no ${JSON.stringify(opening.toString('latin1'))} for the tag of the answer`;
  const inner = body.subarray(start + opening.length, body.length - closing.length);
  const trailer = new RegExp(`\\n(\\d+) ${tag}\\r\\n$`).exec(inner.toString('latin1'));
  if (!trailer) return `the block does not end with "<length> ${tag}\\r\\n"`;
  const text = inner.subarray(0, trailer.index + 1);
  if (Number(trailer[1]) !== text.length) return `the block says the text is ${trailer[1]} bytes, it is ${text.length}`;
  return { before: body.subarray(0, start).toString('utf8'), text: text.toString('utf8') };
}

/** The 24.11–25.10 marker and the text after it, at the end of `body`. */
export function markedException(body: Buffer): StreamedException | string {
  const marker = Buffer.from(`${EXCEPTION_MARKER}\r\n`, 'latin1');
  const start = body.lastIndexOf(marker);
  if (start < 0) return `the body has no ${JSON.stringify(marker.toString('latin1'))}`;
  const text = body.subarray(start + marker.length).toString('utf8');
  if (!text.startsWith('Code: ')) return `no error text follows ${JSON.stringify(marker.toString('latin1'))}`;
  return { before: body.subarray(0, start).toString('utf8'), text };
}

/** The ≤ 24.10 error text appended to the data: the last `Code: ` that starts a line. */
export function appendedException(body: Buffer): StreamedException | string {
  const text = body.toString('utf8');
  const at = text.startsWith('Code: ') ? 0 : text.lastIndexOf('\nCode: ') + 1;
  if (at === 0 && !text.startsWith('Code: ')) return 'the body has no line that starts with "Code: "';
  return { before: text.slice(0, at), text: text.slice(at) };
}

/** Whichever of the three ends the body; the tagged block first, as it cannot be data by chance. */
export function streamedException(body: Buffer, tag: string | undefined): StreamedException | undefined {
  for (const found of [tag ? taggedException(body, tag) : '', markedException(body), appendedException(body)]) {
    if (typeof found !== 'string') return found;
  }
  return undefined;
}
