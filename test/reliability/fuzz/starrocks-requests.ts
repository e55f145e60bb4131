// Requests for StarRocks' FE, BE and CN HTTP ports: Stream Load with every
// header a load reads set to odd values, CSV/JSON bodies whole, malformed,
// compressed and damaged, the transaction interface in order and out of it,
// and the routes of each node with right, wrong and no credentials. Loads go
// to the probe table only; nothing here drops it.

import fc from 'fast-check';
import type { PayloadPool } from './payloads.ts';
import { damage, damageArb } from './payloads.ts';
import type { RawRequest } from './raw-request.ts';
import { dirtyTextArb, framingArb, noiseHeadersArb, percentGarbageArb, tokenArb, versionArb } from './raw-request.ts';

export const SR_DB = 'fuzz';
export const SR_TABLE = 'probe';
export const SR_DDL = [
  `CREATE DATABASE IF NOT EXISTS ${SR_DB}`,
  `CREATE TABLE IF NOT EXISTS ${SR_DB}.${SR_TABLE} (x INT, s VARCHAR(20)) DUPLICATE KEY(x) DISTRIBUTED BY HASH(x) BUCKETS 1 PROPERTIES ("replication_num" = "1")`,
];

const basic = (user: string, password = ''): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export const authArb: fc.Arbitrary<[string, string][]> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<[string, string][]>([['Authorization', basic('root')]]) },
  { weight: 1, arbitrary: fc.constantFrom<[string, string][]>([], [['Authorization', basic('root', 'wrong')]], [['Authorization', basic('nobody', 'x')]],
    [['Authorization', 'Basic !!!']], [['Authorization', 'Basic ']], [['Authorization', 'Bearer t']], [['Authorization', basic('root@%')]], [['Authorization', basic('')]],
    [['Authorization', Buffer.from([0x42, 0x61, 0x73, 0x69, 0x63, 0x20, 0xff, 0xfe]).toString('latin1')]]) },
);

const LOAD_HEADERS: [string, fc.Arbitrary<string>][] = [
  ['format', fc.constantFrom('csv', 'json', 'CSV', 'parquet', 'nope', '')],
  ['column_separator', fc.constantFrom(',', '\\t', '\\x01', '|', '', 'ab')],
  ['row_delimiter', fc.constantFrom('\\n', '\\r\\n', ';', '')],
  ['columns', fc.constantFrom('x,s', 's,x', 'x', 'x,s,t', 'x, s=upper(s)', 'x=nope()', '', '(')],
  ['where', fc.constantFrom('x > 1', 'x >', 's = "a"', 'nope = 1', '')],
  ['max_filter_ratio', fc.constantFrom('0', '0.5', '1', '-1', '2', 'x')],
  ['strict_mode', fc.constantFrom('true', 'false', 'maybe')],
  ['timeout', fc.constantFrom('1', '600', '0', '-5', 'x')],
  ['label', fc.stringMatching(/^[a-z0-9_]{1,12}$/)],
  ['label', fc.constantFrom('', 'a b', 'ü', 'x'.repeat(200))],
  ['jsonpaths', fc.constantFrom('["$.x","$.s"]', '["$.x"]', '[', 'nope')],
  ['strip_outer_array', fc.constantFrom('true', 'false')],
  ['json_root', fc.constantFrom('$.data', '$', 'x')],
  ['compression', fc.constantFrom('gzip', 'lz4_frame', 'zstd', 'bzip2', 'deflate', 'nope')],
  ['partial_update', fc.constantFrom('true', 'false')],
  ['skip_header', fc.constantFrom('0', '1', '-1', 'x')],
  ['enclose', fc.constantFrom('"', "'", '')],
  ['escape', fc.constantFrom('\\', '')],
  ['exec_mem_limit', fc.constantFrom('1', '0', '-1', 'x', '99999999999999999999')],
  ['load_mem_limit', fc.constantFrom('0', '-1', 'x')],
  ['timezone', fc.constantFrom('UTC', 'Asia/Shanghai', 'Nope/Zone')],
  ['partitions', fc.constantFrom('p1', '')],
  ['Expect', fc.constantFrom('100-continue')],
];

const loadHeadersArb: fc.Arbitrary<[string, string][]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<[string, string][]>([]) },
  { weight: 3, arbitrary: fc.array(fc.oneof(...LOAD_HEADERS.map(([k, v]) => v.map((val): [string, string] => [k, val]))), { maxLength: 4 }) },
);

const rowsArb: fc.Arbitrary<{ csv: string; json: string }> = fc.array(fc.tuple(fc.integer({ min: -5, max: 1000 }), fc.stringMatching(/^[a-z]{0,6}$/)), { maxLength: 6 })
  .map((rows) => ({ csv: rows.map(([x, s]) => `${x},${s}\n`).join(''), json: JSON.stringify(rows.map(([x, s]) => ({ x, s }))) }));

/** Mostly whole bodies, so that loads succeed often enough for the row accounting to mean something. */
const mostlyIntact = fc.oneof({ weight: 3, arbitrary: fc.constant({ kind: 'intact' } as const) }, { weight: 2, arbitrary: damageArb });

function loadBody(pool: PayloadPool): fc.Arbitrary<{ body: Buffer; headers: [string, string][] }> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(rowsArb, mostlyIntact).map(([r, d]) => ({ body: damage(Buffer.from(r.csv), d), headers: [] as [string, string][] })) },
    { weight: 2, arbitrary: fc.tuple(rowsArb, mostlyIntact).map(([r, d]) => ({ body: damage(Buffer.from(r.json), d), headers: [['format', 'json'], ['strip_outer_array', 'true']] as [string, string][] })) },
    { weight: 1, arbitrary: dirtyTextArb(60).map((body) => ({ body, headers: [] as [string, string][] })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...pool.compressed.filter((c) => ['gzip', 'zstd', 'lz4', 'bz2', 'deflate'].includes(c.codec))), damageArb, fc.boolean())
      .map(([c, d, viaFormat]) => {
        const name = ({ gzip: 'gzip', zstd: 'zstd', lz4: 'lz4', bz2: 'bzip2', deflate: 'deflate' } as Record<string, string>)[c.codec]!;
        return { body: damage(c.bytes, d), headers: [viaFormat ? ['format', name] : ['compression', name === 'lz4' ? 'lz4_frame' : name]] as [string, string][] };
      }) },
  );
}

export type Node = 'fe' | 'be' | 'cn';

export interface StarRocksRequest extends RawRequest {
  node: Node;
}

const FE_PATHS = ['/api/health', '/metrics', '/api/show_meta_info', '/api/show_runtime_info', '/api/show_data', '/api/connection', '/api/query_detail',
  `/api/${SR_DB}/${SR_TABLE}/_count`, `/api/${SR_DB}/${SR_TABLE}/_schema`, `/api/${SR_DB}/${SR_TABLE}/_query_plan`, `/api/${SR_DB}/get_load_state`,
  `/api/${SR_DB}/_load_info`, '/api/_get_ddl', '/api/show_proc', '/api/rowcount', '/api/colocate', '/info', '/version', '/role', '/check', '/journal_id',
  '/dump', '/api/get_log_file', '/api/get_small_file', '/api/profile', '/api/transaction/list', '/api/nope', '/', '/%zz', '//api//health', '/api/../api/health'];
const BE_PATHS = ['/api/health', '/metrics', '/varz', '/api/compaction/show', '/api/_load_error_log', '/api/_download_load', '/api/_tablet/_download',
  '/api/checksum', '/api/reload_tablet', '/api/snapshot', '/api/meta/header/1', '/api/runtime_filter_cache/stat', '/api/query_cache/stat',
  '/pprof/cmdline', '/pprof/symbol', '/greplog', '/api/transaction/list', '/api/nope', '/', '/%zz'];
const CN_PATHS = ['/api/health', '/metrics', '/api/compaction/show', '/varz', '/pprof/cmdline', '/api/nope', '/'];

function routeArb(node: Node): fc.Arbitrary<StarRocksRequest> {
  const paths = node === 'fe' ? FE_PATHS : node === 'be' ? BE_PATHS : CN_PATHS;
  return fc.tuple(
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'HEAD') }, { weight: 1, arbitrary: fc.constantFrom('DELETE', 'OPTIONS', 'PATCH') }),
    fc.constantFrom(...paths),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom('file', 'tablet_id', 'schema_hash', 'label', 'db', 'table', 'type', 'pattern', 'limit', 'path', 'token'), tokenArb(6)), fc.string({ maxLength: 12 })), { maxLength: 3 }),
    fc.option(percentGarbageArb, { nil: undefined }), authArb, noiseHeadersArb, versionArb, framingArb, dirtyTextArb(30),
  ).map(([method, path, params, garbage, auth, noise, version, framing, body]): StarRocksRequest => {
    const q = [...params.map(([k, v]) => `${encodeURIComponent(String(k))}=${encodeURIComponent(v)}`), ...(garbage ? [garbage] : [])].join('&');
    return {
      node, method, version, framing, target: q ? `${path}?${q}` : path,
      headers: [['Host', 'localhost'], ...auth, ...noise],
      body: method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : body,
    };
  });
}

function streamLoadArb(pool: PayloadPool): fc.Arbitrary<StarRocksRequest> {
  return fc.tuple(fc.constantFrom<Node>('be', 'be', 'be', 'fe'),
    fc.oneof({ weight: 6, arbitrary: fc.constant(`${SR_DB}/${SR_TABLE}`) }, { weight: 1, arbitrary: fc.constantFrom(`${SR_DB}/nope`, `nope/${SR_TABLE}`, `${SR_DB}/${SR_TABLE}%00`) }),
    loadBody(pool), loadHeadersArb, authArb, noiseHeadersArb, framingArb, versionArb)
    .map(([node, where, { body, headers }, load, auth, noise, framing, version]): StarRocksRequest => ({
      node, method: 'PUT', version, framing, target: `/api/${where}/_stream_load`, body,
      headers: [['Host', 'localhost'], ...auth, ...headers, ...load, ...noise],
    }));
}

/** One step of a transaction: begin, load, prepare, commit or rollback, with the case's label. */
export interface TxnStep {
  op: 'begin' | 'load' | 'prepare' | 'commit' | 'rollback' | 'list' | 'nope';
  /** The label the case uses for this step (usually the case's own). */
  label: string;
  db: string;
  table: string;
  headers: [string, string][];
  body: Buffer;
  node: 'be' | 'fe';
}

export interface TxnCase {
  steps: TxnStep[];
}

export function txnCaseArb(pool: PayloadPool): fc.Arbitrary<TxnCase> {
  const stepArb = (label: string): fc.Arbitrary<TxnStep> => fc.tuple(
    fc.constantFrom<TxnStep['op']>('begin', 'load', 'load', 'prepare', 'commit', 'commit', 'rollback', 'list', 'nope'),
    fc.oneof({ weight: 9, arbitrary: fc.constant(label) }, { weight: 1, arbitrary: fc.constantFrom('', 'other_label', label.toUpperCase()) }),
    fc.oneof({ weight: 9, arbitrary: fc.constant(SR_DB) }, { weight: 1, arbitrary: fc.constantFrom('', 'nope') }),
    fc.oneof({ weight: 9, arbitrary: fc.constant(SR_TABLE) }, { weight: 1, arbitrary: fc.constantFrom('', 'nope') }),
    loadBody(pool), loadHeadersArb, authArb, fc.constantFrom<'be' | 'fe'>('be', 'be', 'be', 'fe'),
  ).map(([op, l, db, table, { body, headers }, load, auth, node]): TxnStep => ({
    op, label: l, db, table, body, node,
    headers: [...auth, ...(op === 'load' ? [...headers, ...load.filter(([k]) => k !== 'label')] : load.filter(([k]) => k === 'timeout' || k === 'idle_transaction_timeout'))],
  }));
  return fc.stringMatching(/^[a-z]{8}$/).chain((suffix) => {
    const label = `fz_${suffix}`;
    // Mostly the order a client keeps; sometimes any order.
    const ordered = fc.tuple(stepArb(label), fc.array(stepArb(label), { maxLength: 3 }), stepArb(label)).map(([b, loads, end]) => [
      { ...b, op: 'begin' as const }, ...loads.map((s) => ({ ...s, op: 'load' as const })), { ...end, op: end.op === 'rollback' ? 'rollback' as const : 'commit' as const },
    ]);
    return fc.oneof({ weight: 3, arbitrary: ordered }, { weight: 1, arbitrary: fc.array(stepArb(label), { minLength: 1, maxLength: 5 }) }).map((steps) => ({ steps }));
  });
}

export function toRequest(s: TxnStep): StarRocksRequest {
  const path = s.op === 'load' ? '/api/transaction/load' : `/api/transaction/${s.op}`;
  return {
    node: s.node, method: s.op === 'load' ? 'PUT' : 'POST', version: 'HTTP/1.1', framing: 'length', target: path,
    headers: [['Host', 'localhost'], ['label', s.label], ['db', s.db], ['table', s.table], ...s.headers],
    body: s.op === 'load' ? s.body : Buffer.alloc(0),
  };
}

export function starrocksRequestArb(pool: PayloadPool): fc.Arbitrary<StarRocksRequest> {
  return fc.oneof(
    { weight: 4, arbitrary: streamLoadArb(pool) },
    { weight: 2, arbitrary: routeArb('fe') },
    { weight: 2, arbitrary: routeArb('be') },
    { weight: 1, arbitrary: routeArb('cn') },
  );
}

export const STARROCKS_PLAINS = ['1,a\n2,b\n3,c\n', '[{"x":1,"s":"a"}]', 'x'.repeat(3000)];
