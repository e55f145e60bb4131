// Stream Load request headers (stream_load.cpp: on_header/_process_put) and
// their validation messages, in the order the BE checks them (catalog §5.2).

export type StatusCode = 'INTERNAL_ERROR' | 'INVALID_ARGUMENT' | 'ANALYSIS_ERROR' | 'RESOURCE_BUSY' | 'SERVICE_UNAVAILABLE' | 'LABEL_ALREADY_EXISTS' | 'TXN_NOT_EXISTS' | 'TXN_IN_PROCESSING' | 'ABORTED' | 'PUBLISH_TIMEOUT' | 'TIMEOUT' | 'NOT_FOUND';

/** A BE Status: its TStatusCode name and message. */
export class LoadError extends Error {
  readonly code: StatusCode;
  constructor(code: StatusCode, message: string) {
    super(message);
    this.code = code;
  }
}

export type Compression = 'gzip' | 'bzip2' | 'lz4' | 'deflate' | 'zstd';

export interface LoadParams {
  format: 'csv' | 'json';
  compression?: Compression;
  timeoutSec: number;
  columns?: string;
  where?: string;
  columnSeparator: string;
  rowDelimiter: string;
  skipHeader: number;
  trimSpace: boolean;
  enclose?: string;
  escape?: string;
  partitions?: string[];
  tempPartitions: boolean;
  negative: boolean;
  strictMode: boolean;
  timezone: string;
  jsonpaths?: string;
  jsonRoot?: string;
  stripOuterArray: boolean;
  partialUpdate: boolean;
  partialUpdateMode?: string;
  mergeCondition?: string;
  maxFilterRatio: number;
  logRejectedRecordNum: number;
  loadMemLimit?: number;
  ignoreJsonSize: boolean;
}

export type HeaderReader = (name: string) => string | undefined;

const FORMATS: Record<string, { format: 'csv' | 'json'; compression?: Compression }> = {
  csv: { format: 'csv' }, json: { format: 'json' }, gzip: { format: 'csv', compression: 'gzip' }, bzip2: { format: 'csv', compression: 'bzip2' },
  lz4: { format: 'csv', compression: 'lz4' }, deflate: { format: 'csv', compression: 'deflate' }, zstd: { format: 'csv', compression: 'zstd' },
};

// JSON payload compression names (v3.2.7+ `compression` / Content-Encoding).
const PAYLOAD: Record<string, Compression> = { gzip: 'gzip', bzip2: 'bzip2', lz4_frame: 'lz4', lz4: 'lz4', zstd: 'zstd', deflate: 'deflate' };

/** Headers read before the transaction begins: format, body size limits, timeout. */
export function parseBeginHeaders(h: HeaderReader, opts: { bodyBytes: number; maxMb: number; maxJsonMb: number; brief: string }): Pick<LoadParams, 'format' | 'compression' | 'timeoutSec' | 'ignoreJsonSize'> {
  const max = opts.maxMb * 1024 * 1024;
  if (opts.bodyBytes > max) {
    throw new LoadError('INTERNAL_ERROR', `body size ${opts.bodyBytes} exceed limit: ${max}, ${opts.brief}. You can increase the limit by setting streaming_load_max_mb in be.conf.`);
  }
  const fmtText = h('format');
  let f: { format: 'csv' | 'json'; compression?: Compression } = { format: 'csv' };
  if (fmtText) {
    const found = FORMATS[fmtText.toLowerCase()];
    if (!found) throw new LoadError('INTERNAL_ERROR', `unknown data format, format=${fmtText}`);
    f = found;
  }
  const ignoreJsonSize = (h('ignore_json_size') ?? '').toLowerCase() === 'true';
  if (f.format === 'json' && fmtText) {
    const jmax = opts.maxJsonMb * 1024 * 1024;
    if (!ignoreJsonSize && opts.bodyBytes > jmax) {
      throw new LoadError('INTERNAL_ERROR', `The size of this batch exceed the max size [${jmax}]  of json type data  data [ ${opts.bodyBytes} ]. Set ignore_json_size to skip the check, although it may lead huge memory consuming.`);
    }
  }
  let timeoutSec = -1;
  const t = h('timeout');
  if (t) {
    if (!/^\+?\d+$/.test(t) || Number(t) > 2147483647) throw new LoadError('INVALID_ARGUMENT', 'Invalid timeout format');
    timeoutSec = Number(t);
  }
  return { ...f, timeoutSec, ignoreJsonSize };
}

/** std::stoll: leading whitespace, optional sign, digits; trailing text ignored; no digits → invalid_argument. */
function stoll(text: string): number | undefined {
  const m = /^\s*([+-]?\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function bool(text: string | undefined, message: string): boolean | undefined {
  if (!text) return undefined;
  if (text.toLowerCase() === 'true') return true;
  if (text.toLowerCase() === 'false') return false;
  throw new LoadError('INVALID_ARGUMENT', message);
}

/** `\x01`-style hex, `\t`/`\n`, else the text itself (FE's Delimiter.convertDelimiter). */
export function convertDelimiter(text: string): string {
  if (/^\\x/i.test(text) || /^0x/i.test(text)) {
    const hex = text.slice(2);
    if (hex.length % 2 === 0 && /^[0-9a-f]*$/i.test(hex) && hex.length > 0) return Buffer.from(hex, 'hex').toString('latin1');
  }
  return text.replace(/\\t/g, '\t').replace(/\\n/g, '\n').replace(/\\r/g, '\r');
}

/** Headers of _process_put (after begin): each with the BE's own validation message. */
export function parsePutHeaders(h: HeaderReader, base: Pick<LoadParams, 'format' | 'compression' | 'timeoutSec' | 'ignoreJsonSize'>, defaultTimezone: string): LoadParams {
  const p: LoadParams = {
    ...base, columnSeparator: '\t', rowDelimiter: '\n', skipHeader: 0, trimSpace: false, tempPartitions: false, negative: false,
    strictMode: false, timezone: defaultTimezone, stripOuterArray: false, partialUpdate: false, maxFilterRatio: 0, logRejectedRecordNum: 0,
  };
  const columns = h('columns');
  if (columns) p.columns = columns;
  const where = h('where');
  if (where) p.where = where;
  const sep = h('column_separator');
  if (sep) p.columnSeparator = convertDelimiter(sep);
  const delim = h('row_delimiter');
  if (delim) p.rowDelimiter = convertDelimiter(delim);
  const skip = h('skip_header');
  if (skip) {
    const n = stoll(skip);
    if (n === undefined) throw new LoadError('INVALID_ARGUMENT', 'Invalid csv load skip_header format');
    if (n < 0) throw new LoadError('INVALID_ARGUMENT', 'skip_header must be equal or greater than 0');
    p.skipHeader = n;
  }
  const trim = bool(h('trim_space'), 'Invalid trim space format. Must be bool type');
  if (trim !== undefined) p.trimSpace = trim;
  const enclose = h('enclose');
  if (enclose) p.enclose = convertDelimiter(enclose)[0]!;
  const escape = h('escape');
  if (escape) p.escape = convertDelimiter(escape)[0]!;
  const partitions = h('partitions');
  const temp = h('temporary_partitions');
  if (partitions && temp) throw new LoadError('INVALID_ARGUMENT', 'Can not specify both partitions and temporary partitions');
  if (partitions || temp) {
    p.partitions = (partitions ?? temp)!.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    p.tempPartitions = !partitions;
  }
  p.negative = h('negative') === 'true';
  const strict = bool(h('strict_mode'), 'Invalid strict mode format. Must be bool type');
  if (strict !== undefined) p.strictMode = strict;
  const tz = h('timezone');
  if (tz) p.timezone = tz;
  const mem = h('load_mem_limit');
  if (mem) {
    const n = stoll(mem);
    if (n === undefined) throw new LoadError('INVALID_ARGUMENT', 'Invalid load mem limit format');
    if (n < 0) throw new LoadError('INVALID_ARGUMENT', 'load_mem_limit must be equal or greater than 0');
    p.loadMemLimit = n;
  }
  const jsonpaths = h('jsonpaths');
  if (jsonpaths) p.jsonpaths = jsonpaths;
  const jsonRoot = h('json_root');
  if (jsonRoot) p.jsonRoot = jsonRoot;
  p.stripOuterArray = (h('strip_outer_array') ?? '').toLowerCase() === 'true';
  const partial = bool(h('partial_update'), 'Invalid partial update flag format. Must be bool type');
  if (partial !== undefined) p.partialUpdate = partial;
  const mode = h('partial_update_mode');
  if (mode) p.partialUpdateMode = mode;
  const mc = h('merge_condition');
  if (mc) p.mergeCondition = mc;
  const dop = h('load_dop');
  if (dop && stoll(dop) === undefined) throw new LoadError('INVALID_ARGUMENT', 'Invalid load_dop format');
  const rej = h('log_rejected_record_num');
  if (rej) {
    const n = stoll(rej);
    if (n === undefined) throw new LoadError('INVALID_ARGUMENT', 'Invalid log_rejected_record_num format');
    if (n < -1) throw new LoadError('INVALID_ARGUMENT', 'log_rejected_record_num must be equal or greater than -1');
    p.logRejectedRecordNum = n;
  }
  const ratio = h('max_filter_ratio');
  if (ratio) p.maxFilterRatio = strtod(ratio);
  const ce = h('content-encoding');
  const comp = h('compression');
  if (ce && comp) throw new LoadError('INVALID_ARGUMENT', 'Only one of http header content-encoding and compression can be set');
  const payload = ce ?? comp;
  if (payload) {
    const c = PAYLOAD[payload.toLowerCase()];
    if (!c) throw new LoadError('INVALID_ARGUMENT', `Unsupported compression type: ${payload}`);
    p.compression = c;
  }
  return p;
}

/** C strtod: the longest numeric prefix, 0 when there is none. */
export function strtod(text: string): number {
  const m = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text);
  if (m) return Number(m[0]);
  const special = /^\s*([+-]?)(inf(?:inity)?|nan)/i.exec(text);
  if (special) return special[2]!.toLowerCase().startsWith('inf') ? (special[1] === '-' ? -Infinity : Infinity) : NaN;
  return 0;
}

/** exec_mem_limit is read after planning (only for streaming formats). */
export function checkExecMemLimit(h: HeaderReader): void {
  const v = h('exec_mem_limit');
  if (!v) return;
  const n = stoll(v);
  if (n === undefined || n <= 0) throw new LoadError('INVALID_ARGUMENT', 'exec_mem_limit must be greater than 0');
}
