// Which HTTP compression method a header names, the way ClickHouse reads it
// (src/IO/CompressionMethod.cpp: chooseCompressionMethod,
// chooseHTTPCompressionMethod, getCompressionLevelRange): 24.8's substring
// search of Accept-Encoding, and 26.7's codings with q-values.

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

/** ClickHouse's order of preference among the methods a client accepts. */
const PREFERENCE: readonly HttpCompressionMethod[] = ['zstd', 'br', 'lz4', 'snappy', 'gzip', 'deflate', 'xz', 'bz2'];

/**
 * The method for a response as 24.8 reads Accept-Encoding: a plain, case-sensitive
 * substring search in ClickHouse's order of preference. q-values are not
 * parsed ("gzip;q=0" still selects gzip), and "identity" means nothing.
 */
export function chooseResponseEncoding(acceptEncoding: string | undefined): HttpCompressionMethod | null {
  if (!acceptEncoding) return null;
  return PREFERENCE.find((m) => acceptEncoding.includes(m)) ?? null;
}

/** How Accept-Encoding is read: a substring search (24.8), or codings with q-values (26.7). */
export type AcceptEncodingRule = 'substring' | 'q-values';

/**
 * The method for a response as ClickHouse 26.7 reads Accept-Encoding
 * (chooseHTTPCompressionMethod after PR #110108): the header is a list of
 * codings, each a case-insensitive token with parameters. A coding whose q is
 * zero or less is refused; any other q, or one that is not a number, accepts
 * it. `*` stands for every method the list does not name. The server's own
 * order decides among the accepted methods; q-values do not rank them.
 */
export function chooseResponseEncodingByQValues(acceptEncoding: string | undefined): HttpCompressionMethod | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, boolean>();
  for (const element of acceptEncoding.split(',')) {
    const [token = '', ...params] = element.split(';');
    const name = token.trim().toLowerCase();
    if (name === '') continue;
    let q = 1;
    for (const param of params) {
      const eq = param.indexOf('=');
      if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'q') continue;
      const value = Number.parseFloat(param.slice(eq + 1).trim());
      if (!Number.isNaN(value)) q = value;
    }
    accepted.set(name, q > 0);
  }
  const wildcard = accepted.get('*') ?? false;
  return PREFERENCE.find((m) => accepted.get(m) ?? wildcard) ?? null;
}

/** The response method by the rule of the emulated version. */
export function chooseResponseEncodingBy(rule: AcceptEncodingRule, acceptEncoding: string | undefined): HttpCompressionMethod | null {
  return rule === 'q-values' ? chooseResponseEncodingByQValues(acceptEncoding) : chooseResponseEncoding(acceptEncoding);
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
