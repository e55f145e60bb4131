// HTTP requests as bytes, including the ways a client can get them wrong:
// framing that lies (duplicate or conflicting lengths, bad chunk sizes, no
// last chunk), HTTP/1.0, huge or many headers, bytes that are not UTF-8, and
// requests cut short. Arbitraries build them; `toWire` writes them.

import fc from 'fast-check';

export type Framing =
  | 'length' | 'chunked' | 'none'
  | 'length-twice' | 'length-conflict' | 'length-short' | 'length-long' | 'length-garbage'
  | 'chunked-bad-size' | 'chunked-no-last' | 'chunked-size-lies' | 'chunked-and-length' | 'te-unknown' | 'te-twice';

export interface RawRequest {
  method: string;
  target: string;
  version: string;
  headers: [string, string][];
  body: Buffer;
  framing: Framing;
  /** Chunk sizes to split a chunked body into (cycled). */
  chunkSizes?: number[];
}

/** Framings after which the server cannot tell where the request ends without the client's FIN. */
export function waitsForMore(f: Framing): boolean {
  return f === 'length-long' || f === 'chunked-no-last' || f === 'chunked-size-lies';
}

/** Whether the request is one a correct server reads as exactly one well-formed request. */
export function wellFramed(r: RawRequest): boolean {
  return (r.framing === 'length' || r.framing === 'chunked' || (r.framing === 'none' && r.body.length === 0))
    && (r.version === 'HTTP/1.1' || (r.version === 'HTTP/1.0' && r.framing !== 'chunked'));
}

function chunked(body: Buffer, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  let i = 0;
  while (at < body.length) {
    const n = Math.max(1, Math.min(body.length - at, sizes[i++ % sizes.length] ?? body.length));
    out.push(Buffer.from(`${n.toString(16)}\r\n`), body.subarray(at, at + n), Buffer.from('\r\n'));
    at += n;
  }
  return out;
}

export function toWire(r: RawRequest): Buffer {
  const h = r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('');
  const len = r.body.length;
  const sizes = r.chunkSizes && r.chunkSizes.length > 0 ? r.chunkSizes : [len || 1];
  let framing = '';
  let body: Buffer[] = [r.body];
  switch (r.framing) {
    case 'length': framing = `Content-Length: ${len}\r\n`; break;
    case 'none': break;
    case 'length-twice': framing = `Content-Length: ${len}\r\nContent-Length: ${len}\r\n`; break;
    case 'length-conflict': framing = `Content-Length: ${len}\r\nContent-Length: ${len + 1}\r\n`; break;
    case 'length-short': framing = `Content-Length: ${Math.max(0, len - 1 - (len >> 1))}\r\n`; break;
    case 'length-long': framing = `Content-Length: ${len + 1 + (len >> 1)}\r\n`; break;
    case 'length-garbage': framing = `Content-Length: ${len}x\r\n`; break;
    case 'chunked': framing = 'Transfer-Encoding: chunked\r\n'; body = [...chunked(r.body, sizes), Buffer.from('0\r\n\r\n')]; break;
    case 'chunked-bad-size': framing = 'Transfer-Encoding: chunked\r\n'; body = [Buffer.from(`${len.toString(16)}g\r\n`), r.body, Buffer.from('\r\n0\r\n\r\n')]; break;
    case 'chunked-no-last': framing = 'Transfer-Encoding: chunked\r\n'; body = chunked(r.body, sizes); break;
    case 'chunked-size-lies': framing = 'Transfer-Encoding: chunked\r\n'; body = [Buffer.from(`${(len + 7).toString(16)}\r\n`), r.body, Buffer.from('\r\n0\r\n\r\n')]; break;
    case 'chunked-and-length': framing = `Transfer-Encoding: chunked\r\nContent-Length: ${len}\r\n`; body = [...chunked(r.body, sizes), Buffer.from('0\r\n\r\n')]; break;
    case 'te-unknown': framing = `Transfer-Encoding: gzip\r\n`; break;
    case 'te-twice': framing = 'Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n'; body = [...chunked(r.body, sizes), Buffer.from('0\r\n\r\n')]; break;
  }
  return Buffer.concat([Buffer.from(`${r.method} ${r.target} ${r.version}\r\n${h}${framing}\r\n`, 'latin1'), ...body]);
}

/** A readable form of bytes for a failure report. */
export function show(b: Buffer, max = 2000): string {
  const s = JSON.stringify(b.subarray(0, max).toString('latin1'));
  return b.length > max ? `${s}… (${b.length} bytes)` : s;
}

// ---- arbitraries shared by every HTTP server ----

export const framingArb: fc.Arbitrary<Framing> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<Framing>('length', 'chunked') },
  { weight: 1, arbitrary: fc.constantFrom<Framing>('none', 'length-twice', 'length-conflict', 'length-short', 'length-long', 'length-garbage',
    'chunked-bad-size', 'chunked-no-last', 'chunked-size-lies', 'chunked-and-length', 'te-unknown', 'te-twice') },
);

export const versionArb = fc.oneof(
  { weight: 10, arbitrary: fc.constant('HTTP/1.1') },
  { weight: 2, arbitrary: fc.constant('HTTP/1.0') },
  { weight: 1, arbitrary: fc.constantFrom('HTTP/2.0', 'HTTP/1.2', 'HTTP/1', 'http/1.1', 'HTTP/1.1x', '') },
);

const TOKEN_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_!#$%&\'*+.^`|~';
export const tokenArb = (max = 20): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...TOKEN_CHARS.split('')), minLength: 1, maxLength: max });

/** Bytes that are not valid UTF-8: lone continuation bytes, overlongs, surrogates, truncated sequences. */
export const invalidUtf8Arb: fc.Arbitrary<Buffer> = fc.constantFrom(
  [0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xff], [0xfe], [0xe2, 0x82], [0xf0, 0x9f, 0x98],
).map((b) => Buffer.from(b));

/** Text with some invalid UTF-8 spliced in. */
export const dirtyTextArb = (max = 40): fc.Arbitrary<Buffer> => fc.tuple(fc.string({ maxLength: max }), fc.array(invalidUtf8Arb, { maxLength: 3 }), fc.nat())
  .map(([s, bad, at]) => {
    const b = Buffer.from(s, 'utf8');
    if (bad.length === 0) return b;
    const i = b.length === 0 ? 0 : at % b.length;
    return Buffer.concat([b.subarray(0, i), ...bad, b.subarray(i)]);
  });

/** Extra header lines: noise, duplicates, odd but legal values, the occasional huge value or huge count. */
export const noiseHeadersArb: fc.Arbitrary<[string, string][]> = fc.oneof(
  { weight: 20, arbitrary: fc.array(fc.tuple(tokenArb(), fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((v) => v.replace(/[\r\n]/g, ''))), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 128 }).map((kb) => [['X-Fuzz-Huge', 'v'.repeat(kb * 1024)]] as [string, string][]) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 1200 }).map((n) => Array.from({ length: n }, (_, i) => [`X-Fuzz-${i}`, String(i)] as [string, string])) },
  { weight: 1, arbitrary: fc.constantFrom<[string, string][]>(
    [['Bad Header', 'x']], [['X-Ctl', 'a\u0001b']], [['', 'empty name']], [['X-Fold', 'a\r\n b']], [['X-Lf', 'a\nb']], [['X-Nul', 'a\u0000b']],
    [['X-Latin', 'caf\u00e9']], [['Host', 'a'], ['Host', 'b']], [[':authority', 'x']],
  ) },
);

export const percentGarbageArb = fc.constantFrom('%', '%z', '%zz', '%00', '%ff', '%c0%af', '%ed%a0%80', '%2e%2e%2f', '..%2f', '%25', '+', '&&', '=', '==', '?', '#', ';');
