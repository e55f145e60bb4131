// Requests for ClickHouse's HTTP port: queries in the URL and in the body,
// settings and parameters with odd values, every Content-Encoding (whole,
// cut short, corrupted), native blocks with bad checksums, INSERTs of
// malformed CSV/TSV/JSON into the probe table, multipart external data, and
// the fixed handlers. Nothing here can drop or truncate the probe table.
// No OPTIONS: without <http_options_response> ClickHouse leaves it unanswered
// on purpose (handlers/options.ts), which a rule of answers cannot tell apart
// from a hang.

import fc from 'fast-check';
import type { PayloadPool } from './payloads.ts';
import { damage, damageArb, nativeDamageArb } from './payloads.ts';
import type { RawRequest } from './raw-request.ts';
import { dirtyTextArb, framingArb, noiseHeadersArb, percentGarbageArb, tokenArb, versionArb } from './raw-request.ts';

export const PROBE = 'fuzz_probe';
export const PROBE_DDL = `CREATE TABLE ${PROBE} (x UInt32, s String) ENGINE = MergeTree ORDER BY x`;

const SELECTS = [
  'SELECT 1', 'SELECT number FROM numbers(10)', `SELECT count() FROM ${PROBE}`, `SELECT * FROM ${PROBE} LIMIT 3`,
  "SELECT 'a\\tb', toString(number) FROM numbers(3)", 'SELECT number, throwIf(number = 2) FROM numbers(5)',
  'SELECT sum(number) FROM numbers(100000)', 'SELECT {p:UInt8}', 'SELECT version()', 'SELECT * FROM system.one',
  'SELECT arrayJoin([1,2,3]) AS a FORMAT JSON', 'SELECT 1 FORMAT JSONEachRow', 'SELECT now() FORMAT Native',
  'SELECT number FROM numbers(3) FORMAT RowBinary', 'SELECT sleep(0.01)', 'SELECT 1 SETTINGS max_threads = 1',
  'SELECT toUInt8(300)', 'SELECT 1 / 0', "SELECT 'é' FORMAT CSV", 'SHOW TABLES', 'DESCRIBE TABLE system.one', 'EXISTS TABLE nope',
  'SELECT * FROM nope', 'SELEC 1', 'SELECT (', '', ' ', ';', 'SELECT 1; SELECT 2', 'EXPLAIN SELECT 1', 'SELECT * FROM ext',
  'SET max_threads = 2', 'SELECT getSetting(\'max_threads\')', 'USE system', 'CREATE TEMPORARY TABLE tmp (x UInt8)',
  `INSERT INTO ${PROBE} VALUES (1, 'a')`, `INSERT INTO ${PROBE} SELECT number, 'n' FROM numbers(3)`, `INSERT INTO ${PROBE} VALUES (1)`,
  `INSERT INTO ${PROBE} VALUES ('x', 'y')`, 'INSERT INTO nope VALUES (1)', `INSERT INTO ${PROBE} FORMAT CSV 1,a`,
];

const FORMATS = ['CSV', 'TSV', 'TabSeparated', 'JSONEachRow', 'Values', 'CSVWithNames', 'TSVWithNames', 'JSONCompactEachRow', 'RowBinary', 'Native', 'Nope'];

const SETTINGS: [string, fc.Arbitrary<string>][] = [
  ['max_result_rows', fc.constantFrom('0', '1', '5', '-1', 'x', '99999999999999999999')],
  ['result_overflow_mode', fc.constantFrom('throw', 'break', 'nope')],
  ['max_block_size', fc.constantFrom('1', '2', '0', '65536', 'big')],
  ['send_progress_in_http_headers', fc.constantFrom('0', '1', 'true', '2')],
  ['wait_end_of_query', fc.constantFrom('0', '1')],
  ['http_wait_end_of_query', fc.constantFrom('0', '1')],
  ['buffer_size', fc.constantFrom('0', '1', '10', '1048576')],
  ['enable_http_compression', fc.constantFrom('0', '1')],
  ['http_zlib_compression_level', fc.constantFrom('0', '1', '9', '10', '-1', '99')],
  ['readonly', fc.constantFrom('0', '1', '2', '3')],
  ['max_execution_time', fc.constantFrom('0', '1', '0.001', 'x')],
  ['input_format_allow_errors_num', fc.constantFrom('0', '1', '100')],
  ['input_format_allow_errors_ratio', fc.constantFrom('0', '0.5', '1', '2')],
  ['date_time_input_format', fc.constantFrom('basic', 'best_effort', 'nope')],
  ['format_csv_delimiter', fc.constantFrom(',', ';', '\t', 'ab', '')],
  ['max_query_size', fc.constantFrom('1', '10', '262144')],
  ['output_format_json_quote_64bit_integers', fc.constantFrom('0', '1')],
  ['http_write_exception_in_output_format', fc.constantFrom('0', '1')],
  ['http_native_compression_disable_checksumming_on_decompress', fc.constantFrom('0', '1')],
  ['http_headers_progress_interval_ms', fc.constantFrom('0', '1', '100')],
  ['max_threads', fc.constantFrom('1', '0', 'auto', 'x')],
  ['session_timeout', fc.constantFrom('1', '60', '0', '-1', '99999999')],
  ['session_check', fc.constantFrom('0', '1')],
  ['no_such_setting', fc.constantFrom('1', 'x')],
];

const paramArb: fc.Arbitrary<[string, string]> = fc.oneof(
  { weight: 8, arbitrary: fc.oneof(...SETTINGS.map(([k, v]) => v.map((val): [string, string] => [k, val]))) },
  { weight: 2, arbitrary: fc.constantFrom<[string, string]>(['default_format', 'JSON'], ['default_format', 'Nope'], ['database', 'system'], ['database', 'nope'],
    ['user', 'default'], ['user', 'nobody'], ['password', 'wrong'], ['session_id', 'fuzz-a'], ['session_id', 'fuzz-b'], ['session_id', ''],
    ['query_id', 'fuzz-q'], ['query_id', ''], ['compress', '1'], ['decompress', '1'], ['param_p', '7'], ['param_p', 'x'], ['param_p', '300'],
    ['ext_structure', 'x UInt32'], ['ext_format', 'CSV'], ['ext_types', 'UInt32'], ['quota_key', 'q'], ['extremes', '1'], ['stacktrace', '1']) },
  { weight: 1, arbitrary: fc.tuple(tokenArb(12), fc.string({ maxLength: 12 })) },
);

function encodeParam([k, v]: [string, string], raw: boolean): string {
  return raw ? `${k}=${v}` : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`;
}

const queryTextArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SELECTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((kb) => `SELECT '${'x'.repeat(kb * 1024)}'`) },
);

const targetArb = fc.tuple(
  fc.oneof({ weight: 10, arbitrary: fc.constant('/') }, { weight: 1, arbitrary: fc.constantFrom('/query', '//', '/?', '/ping', '/play', '/replicas_status', '/nope', '/static/x', '*', 'http://h/', '/%', '/%zz') }),
  fc.option(queryTextArb, { nil: undefined }),
  fc.array(paramArb, { maxLength: 5 }),
  fc.option(percentGarbageArb, { nil: undefined }),
  fc.boolean(),
).map(([path, query, params, garbage, raw]) => {
  const parts = params.map((p) => encodeParam(p, raw));
  if (query !== undefined) parts.unshift(`query=${encodeURIComponent(query)}`);
  if (garbage) parts.push(garbage);
  const q = parts.join('&');
  return q ? `${path}${path.includes('?') ? '&' : '?'}${q}` : path;
});

const baseHeadersArb: fc.Arbitrary<[string, string][]> = fc.tuple(
  fc.constantFrom<[string, string][]>([['Host', 'localhost']], [], [['Host', 'localhost'], ['Connection', 'keep-alive']], [['Host', 'x'], ['Connection', 'close']]),
  fc.array(fc.constantFrom<[string, string]>(
    ['X-ClickHouse-User', 'default'], ['X-ClickHouse-User', 'nobody'], ['X-ClickHouse-Key', 'wrong'], ['X-ClickHouse-Format', 'JSON'],
    ['X-ClickHouse-Database', 'nope'], ['X-ClickHouse-Quota', 'q'], ['Authorization', 'Basic ZGVmYXVsdDo='], ['Authorization', 'Basic !!!'],
    ['Authorization', 'Bearer x'], ['Accept-Encoding', 'gzip'], ['Accept-Encoding', 'br, zstd'], ['Accept-Encoding', 'snappy'], ['Accept-Encoding', 'xz;q=0.5, lz4'],
    ['Accept-Encoding', 'bz2'], ['Accept-Encoding', '*'], ['Accept-Encoding', 'gzip;q=0'], ['Content-Type', 'text/plain'], ['Content-Type', 'multipart/form-data'],
    ['Expect', '100-continue'], ['Expect', 'nope'], ['Origin', 'http://o'], ['X-ClickHouse-Progress', '1'], ['User-Agent', 'fuzz'], ['Content-Encoding', 'identity'],
  ), { maxLength: 3 }),
  noiseHeadersArb,
).map(([a, b, c]) => [...a, ...b, ...c]);

export function clickhouseRequestArb(pool: PayloadPool): fc.Arbitrary<RawRequest> {
  const plainBody = fc.oneof(
    { weight: 3, arbitrary: queryTextArb.map((q) => Buffer.from(q)) },
    { weight: 1, arbitrary: dirtyTextArb(80) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((u) => Buffer.from(u)) },
  );
  const insertRows = fc.oneof(
    fc.array(fc.tuple(fc.nat(1000), fc.string({ maxLength: 6 })), { maxLength: 5 }).map((rows) => ({ fmt: 'CSV', text: rows.map(([x, s]) => `${x},"${s.replace(/"/g, '""')}"\n`).join('') })),
    fc.array(fc.tuple(fc.nat(1000), fc.string({ maxLength: 6 })), { maxLength: 5 }).map((rows) => ({ fmt: 'JSONEachRow', text: rows.map(([x, s]) => `${JSON.stringify({ x, s })}\n`).join('') })),
    fc.array(fc.tuple(fc.nat(1000), fc.stringMatching(/^[a-z]{0,5}$/)), { maxLength: 5 }).map((rows) => ({ fmt: 'TSV', text: rows.map(([x, s]) => `${x}\t${s}\n`).join('') })),
  );
  const mutatedRows = fc.tuple(insertRows, fc.constantFrom(...FORMATS), fc.boolean(), damageArb, dirtyTextArb(10))
    .map(([{ fmt, text }, otherFmt, keepFmt, d, dirt]) => ({ fmt: keepFmt ? fmt : otherFmt, body: Buffer.concat([damage(Buffer.from(text), d), d.kind === 'append' ? dirt : Buffer.alloc(0)]) }));
  const insert = fc.tuple(mutatedRows, fc.array(paramArb, { maxLength: 2 }), baseHeadersArb, framingArb, versionArb)
    .map(([{ fmt, body }, params, headers, framing, version]): RawRequest => ({
      method: 'POST', version, headers, body, framing,
      target: `/?${[`query=${encodeURIComponent(`INSERT INTO ${PROBE} FORMAT ${fmt}`)}`, ...params.map((p) => encodeParam(p, false))].join('&')}`,
    }));
  const compressed = fc.tuple(fc.constantFrom(...pool.compressed), damageArb, fc.boolean(), baseHeadersArb, framingArb, fc.boolean())
    .map(([c, d, rightName, headers, framing, asInsert]): RawRequest => ({
      method: 'POST', version: 'HTTP/1.1', framing,
      target: asInsert ? `/?query=${encodeURIComponent(`INSERT INTO ${PROBE} FORMAT CSV`)}` : '/',
      headers: [...headers, ['Content-Encoding', rightName ? c.codec : (c.codec === 'gzip' ? 'zstd' : 'gzip')]],
      body: damage(c.bytes, d),
    }));
  const native = fc.tuple(fc.constantFrom(...pool.native), nativeDamageArb, fc.boolean(), baseHeadersArb, fc.boolean())
    .map(([n, d, noChecksum, headers, asInsert]): RawRequest => ({
      method: 'POST', version: 'HTTP/1.1', framing: 'length', headers, body: damage(n.bytes, d),
      target: `/?decompress=1${noChecksum ? '&http_native_compression_disable_checksumming_on_decompress=1' : ''}${asInsert ? `&query=${encodeURIComponent(`INSERT INTO ${PROBE} FORMAT CSV`)}` : ''}`,
    }));
  const multipart = fc.tuple(fc.stringMatching(/^[A-Za-z0-9'()+_,-]{1,20}$/), fc.boolean(), fc.constantFrom('1\n2\n3\n', 'a,b\n', '', '\u00ff\n'), damageArb, baseHeadersArb, fc.boolean())
    .map(([boundary, rightBoundary, data, d, headers, withStructure]): RawRequest => {
      const b = rightBoundary ? boundary : `${boundary}x`;
      const body = damage(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="ext"; filename="ext.csv"\r\n\r\n${data}\r\n--${b}--\r\n`), d);
      return {
        method: 'POST', version: 'HTTP/1.1', framing: 'length', body,
        target: `/?query=${encodeURIComponent('SELECT * FROM ext')}${withStructure ? '&ext_structure=x+UInt32' : ''}`,
        headers: [...headers, ['Content-Type', `multipart/form-data; boundary=${boundary}`]],
      };
    });
  const generic = fc.tuple(
    fc.oneof({ weight: 10, arbitrary: fc.constantFrom('GET', 'POST', 'HEAD') }, { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'TRACE', 'CONNECT', 'get', 'BREW', 'G ET', '') }),
    targetArb, versionArb, baseHeadersArb, plainBody, framingArb, fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 3 }),
  ).map(([method, target, version, headers, body, framing, chunkSizes]): RawRequest => ({
    method, target, version, headers, framing, chunkSizes,
    body: method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : body,
  }));
  return fc.oneof(
    { weight: 6, arbitrary: generic },
    { weight: 3, arbitrary: insert },
    { weight: 2, arbitrary: compressed },
    { weight: 1, arbitrary: native },
    { weight: 1, arbitrary: multipart },
  );
}

/** The payloads the codecs compress. */
export const CLICKHOUSE_PLAINS = ['SELECT 1', `INSERT INTO ${PROBE} FORMAT CSV\n1,a\n2,b\n`, '1,a\n2,b\n3,c\n', 'x'.repeat(5000)];
