// The reply bodies StarRocks builds, byte for byte: Gson (FE, compact or
// pretty, HTML-escaping, Java HashMap key order) and rapidjson (BE, pretty
// with 4 spaces). See catalog §2.

/** Java's String.hashCode. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * Iteration order of a java.util.HashMap holding `keys` (inserted in this
 * order): by bucket index of the spread hash, insertion order within a
 * bucket (resizes keep it). Capacity grows from `initialCapacity` at 3/4 load.
 */
export function javaHashMapOrder(keys: string[], initialCapacity = 16): string[] {
  let cap = 1;
  while (cap < initialCapacity) cap <<= 1;
  while (keys.length > cap * 0.75) cap <<= 1;
  const bucket = (k: string): number => {
    const h = javaStringHash(k);
    return (h ^ (h >>> 16)) & (cap - 1);
  };
  return keys.map((k, i) => ({ k, i, b: bucket(k) })).sort((a, b) => a.b - b.b || a.i - b.i).map((x) => x.k);
}

/** A Java HashMap<String, Object> as an ordered plain object. */
export function javaHashMap(entries: Record<string, unknown>, initialCapacity = 16): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of javaHashMapOrder(Object.keys(entries), initialCapacity)) out[k] = entries[k];
  return out;
}

// Gson escapes these for HTML safety unless disableHtmlEscaping() is called (StarRocks never does).
const GSON_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '=': '\\u003d', "'": '\\u0027' };

function gsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&=']/g, (c) => GSON_ESCAPES[c]!).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Gson's toJson: nulls omitted, compact or pretty (2 spaces). */
export function gson(value: unknown, pretty = false): string {
  return writeJson(value, pretty ? '  ' : '', '', gsonString, ': ', true);
}

/** Marks a number rapidjson writes as a double (`1.0`, not `1`). */
export class Double {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

function formatDouble(n: number): string {
  if (!Number.isFinite(n)) return '0.0';
  const s = String(n);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

/** rapidjson PrettyWriter (4-space indent). */
export function rapidPretty(value: unknown): string {
  return writeJson(value, '    ', '', (s) => JSON.stringify(s), ': ', false);
}

/** rapidjson Writer (compact). */
export function rapidCompact(value: unknown): string {
  return writeJson(value, '', '', (s) => JSON.stringify(s), ':', false);
}

function writeJson(v: unknown, indent: string, cur: string, str: (s: string) => string, colon: string, omitNull: boolean): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Double) return formatDouble(v.value);
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return String(v);
  const inner = cur + indent;
  const nl = indent ? '\n' : '';
  const sep = indent ? colon : colon.trim();
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const items = v.map((x) => inner + writeJson(x, indent, inner, str, colon, omitNull));
    return `[${nl}${items.join(`,${nl}`)}${nl}${cur}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => !(omitNull && (x === null || x === undefined)));
  if (entries.length === 0) return '{}';
  const items = entries.map(([k, x]) => `${inner}${str(k)}${sep}${writeJson(x, indent, inner, str, colon, omitNull)}`);
  return `{${nl}${items.join(`,${nl}`)}${nl}${cur}}`;
}

// ---------------------------------------------------------------- FE envelopes

export type ActionStatus = 'OK' | 'FAILED' | 'LABEL_ALREADY_EXISTS';
const CODE: Record<ActionStatus, string> = { OK: '0', FAILED: '1', LABEL_ALREADY_EXISTS: '2' };

/** v1 RestBaseResult: `{"status","code","msg","message"}`, subclass fields first. */
export function restBaseResult(msg: string | null | undefined = undefined, extra: Record<string, unknown> = {}, status?: ActionStatus): string {
  const st: ActionStatus = status ?? (msg === undefined ? 'OK' : 'FAILED');
  const body: Record<string, unknown> = { ...extra, status: st, code: CODE[st] };
  if (st === 'OK' && msg === undefined) {
    body.msg = 'Success';
    body.message = 'OK';
  } else {
    body.msg = msg;
    body.message = msg;
  }
  return gson(body);
}

/** RestBaseResult with a non-ActionStatus code (merge commit: a TStatusCode name). */
export function restBaseResultWithCode(code: string, msg: string): string {
  return gson({ status: 'FAILED', code, msg, message: msg });
}

/** RestResult: a HashMap with `status` (and `msg` when not OK); no code/message. */
export function restResult(entries: Record<string, unknown>, status: ActionStatus = 'OK', msg?: string): string {
  const map: Record<string, unknown> = { ...entries, status };
  if (status !== 'OK' && msg !== undefined) map.msg = msg;
  return gson(javaHashMap(map));
}

/** TransactionResult: pretty Gson of a HashMap with Status/Message and extra entries. */
export function transactionResult(status: ActionStatus, message: string, extra: Record<string, unknown> = {}): string {
  return gson(javaHashMap({ Status: status, Message: message, ...extra }), true);
}

// ---------------------------------------------------------------- BE envelopes

/** json_util.cpp to_json(Status): `{"status": "Success", "msg": "OK"}` / Fail. */
export function beStatusJson(error?: string): string {
  return rapidPretty(error === undefined ? { status: 'Success', msg: 'OK' } : { status: 'Fail', msg: error });
}
