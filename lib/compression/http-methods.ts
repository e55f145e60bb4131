// Which HTTP compression method a header names, the way ClickHouse 24.8 reads
// it (src/IO/CompressionMethod.cpp: chooseCompressionMethod,
// chooseHTTPCompressionMethod, getCompressionLevelRange).

import { CompressionError } from './errors.ts';

export type HttpCompressionMethod = 'gzip' | 'deflate' | 'br' | 'xz' | 'zstd' | 'lz4' | 'bz2' | 'snappy';

export const HTTP_COMPRESSION_METHODS: readonly HttpCompressionMethod[] = [
  'gzip', 'deflate', 'br', 'xz', 'zstd', 'lz4', 'bz2', 'snappy',
];

const TOKENS: ReadonlyMap<string, HttpCompressionMethod> = new Map([
  ['gzip', 'gzip'], ['gz', 'gzip'],
  ['deflate', 'deflate'],
  ['br', 'br'], ['brotli', 'br'],
  ['xz', 'xz'], ['lzma', 'xz'],
  ['zstd', 'zstd'], ['zst', 'zstd'],
  ['lz4', 'lz4'],
  ['bz2', 'bz2'],
  ['snappy', 'snappy'],
]);

/**
 * The method a request's Content-Encoding names, or null for an uncompressed body.
 * Known tokens match case-insensitively; the identity spellings '', 'auto' and
 * 'none' match only as written, because ClickHouse compares them against the
 * header before lowering it. Anything else, 'identity' included, throws 48
 * NOT_IMPLEMENTED, which the server answers with 501.
 */
export function parseContentEncoding(header: string): HttpCompressionMethod | null {
  const method = TOKENS.get(header.toLowerCase());
  if (method) return method;
  if (header === '' || header === 'auto' || header === 'none') return null;
  throw new CompressionError(
    'NOT_IMPLEMENTED',
    `Unknown compression method '${header}'. ` +
      "Only 'auto', 'none', 'gzip', 'deflate', 'br', 'xz', 'zstd', 'lz4', 'bz2', 'snappy' are supported as compression methods",
  );
}

/**
 * The method for a response, from Accept-Encoding: a plain, case-sensitive
 * substring search in ClickHouse's order of preference. q-values are not
 * parsed ("gzip;q=0" still selects gzip), and "identity" means nothing.
 */
export function chooseResponseEncoding(acceptEncoding: string | undefined): HttpCompressionMethod | null {
  if (!acceptEncoding) return null;
  const order: HttpCompressionMethod[] = ['zstd', 'br', 'lz4', 'snappy', 'gzip', 'deflate', 'xz', 'bz2'];
  return order.find((m) => acceptEncoding.includes(m)) ?? null;
}

/** The Content-Encoding header value ClickHouse writes for a method. */
export const contentEncodingName = (method: HttpCompressionMethod): string => method;

/** The levels ClickHouse documents as valid for a method (INTO OUTFILE checks them; HTTP does not). */
export function compressionLevelRange(method: HttpCompressionMethod): [number, number] {
  if (method === 'zstd') return [1, 22];
  if (method === 'lz4') return [1, 12];
  return [1, 9];
}

/** http_zlib_compression_level's default. */
export const DEFAULT_HTTP_COMPRESSION_LEVEL = 3;
