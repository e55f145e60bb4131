// HTTP compression: Content-Encoding of request bodies and, with
// enable_http_compression=1, of responses (chooseHTTPCompressionMethod).
// Node's zlib gives gzip, deflate (zlib format), br and zstd; ClickHouse's
// other methods (xz, lz4, bz2, snappy) are refused with NOT_IMPLEMENTED.

import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Transform } from 'node:stream';
import { ServerError } from '../errors.ts';

export type Encoding = 'gzip' | 'deflate' | 'br' | 'zstd';

const ALL_METHODS = "Only 'auto', 'none', 'gzip', 'deflate', 'br', 'xz', 'zstd', 'lz4', 'bz2', 'snappy' are supported as compression methods";

const REQUEST_TOKENS: Record<string, Encoding | 'none' | 'unsupported'> = {
  '': 'none', auto: 'none', none: 'none',
  gzip: 'gzip', gz: 'gzip', deflate: 'deflate', br: 'br', brotli: 'br', zstd: 'zstd', zst: 'zstd',
  xz: 'unsupported', lzma: 'unsupported', lz4: 'unsupported', bz2: 'unsupported', snappy: 'unsupported',
};

const DECODERS: Record<Encoding, (b: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
  zstd: promisify(zlib.zstdDecompress),
};

const DECODE_ERRORS: Record<Encoding, ['ZLIB_INFLATE_FAILED' | 'ZSTD_DECODER_FAILED' | 'BROTLI_READ_FAILED', string]> = {
  gzip: ['ZLIB_INFLATE_FAILED', 'inflate failed'],
  deflate: ['ZLIB_INFLATE_FAILED', 'inflate failed'],
  br: ['BROTLI_READ_FAILED', 'brotli decode error'],
  zstd: ['ZSTD_DECODER_FAILED', 'ZSTD stream decoding failed'],
};

/** Decode a request body by its Content-Encoding (chooseCompressionMethod: exact, case-insensitive tokens). */
export async function decodeBody(body: Buffer, contentEncoding: string): Promise<Buffer> {
  const token = contentEncoding.trim().toLowerCase();
  const method = REQUEST_TOKENS[token];
  if (method === undefined) {
    throw new ServerError('NOT_IMPLEMENTED', `Unknown compression method '${contentEncoding}'. ${ALL_METHODS}`);
  }
  if (method === 'unsupported') {
    throw new ServerError('NOT_IMPLEMENTED', `Compression method '${token}' is not supported by this reference server`);
  }
  if (method === 'none' || body.length === 0) return body;
  try {
    return await DECODERS[method](body);
  } catch (err) {
    const [name, text] = DECODE_ERRORS[method];
    throw new ServerError(name, `${text}: ${(err as Error).message}`);
  }
}

// ClickHouse searches Accept-Encoding for these substrings in this order; q-values are ignored.
const RESPONSE_PRIORITY: Encoding[] = ['zstd', 'br', 'gzip', 'deflate'];

export function chooseResponseEncoding(acceptEncoding: string): Encoding | undefined {
  return RESPONSE_PRIORITY.find((m) => acceptEncoding.includes(m));
}

/** A streaming encoder; `level` is http_zlib_compression_level for every method. */
export function createEncoder(method: Encoding, level: number): Transform {
  switch (method) {
    case 'gzip': return zlib.createGzip({ level: clamp(level, 1, 9) });
    case 'deflate': return zlib.createDeflate({ level: clamp(level, 1, 9) });
    case 'br': return zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: clamp(level, 0, 11) } });
    case 'zstd': return zlib.createZstdCompress({ params: { [zlib.constants.ZSTD_c_compressionLevel]: clamp(level, 1, 22) } });
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Push text through an encoder one flushed piece at a time, as ClickHouse flushes per block. */
export class StreamEncoder {
  private pending: Buffer[] = [];
  private z: Transform;

  constructor(z: Transform) {
    this.z = z;
    z.on('data', (d: Buffer) => this.pending.push(d));
  }

  private take(): Buffer {
    const out = Buffer.concat(this.pending);
    this.pending = [];
    return out;
  }

  async push(data: Buffer): Promise<Buffer> {
    this.z.write(data);
    await new Promise<void>((resolve) => (this.z as unknown as zlib.Zlib).flush(resolve));
    return this.take();
  }

  async end(): Promise<Buffer> {
    const done = new Promise<void>((resolve, reject) => {
      this.z.once('end', resolve);
      this.z.once('error', reject);
    });
    this.z.end();
    await done;
    return this.take();
  }
}
