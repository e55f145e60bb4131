// Running a planned load over the body: read records (CSV/JSON), map them to
// table rows, convert each value to its column type, apply `where`, route to
// partition and tablet, and count loaded / filtered / unselected rows with the
// error-log lines of the filtered ones (catalog §5.3-§5.5).

import { NO_STATE } from '../../engine/expr/compiled.ts';
import { parseText, unwrapNullable } from '../../engine/types.ts';
import type { DataType } from '../../engine/types.ts';
import { convertValue } from '../../engine/values/convert.ts';
import { MAX_ERROR_NUM } from '../cluster/error-logs.ts';
import { bucketOf, routePartition } from '../cluster/tables.ts';
import type { ColumnSpec, PartitionMeta, TableMeta, TabletMeta } from '../cluster/tables.ts';
import type { PreparedWrite } from '../cluster/storage.ts';
import { readCsv } from './csv.ts';
import { readJson } from './json.ts';
import type { LoadParams } from './params.ts';
import { LoadError } from './params.ts';
import type { LoadPlan } from './plan.ts';

export interface LoadCounters {
  total: number;
  loaded: number;
  filtered: number;
  unselected: number;
}

export interface LoadOutcome extends LoadCounters {
  write: PreparedWrite;
  /** Error-log lines (`Error: <reason>. Row: <row>`), at most MAX_ERROR_NUM rows. */
  errorLines: string[];
}

class RowError extends Error {}

const INT_RE = /^[+-]?\d+$/;

/** A source field's text as a value of the column type; undefined when it cannot be converted. */
function fromText(type: DataType, text: string, tz: string): unknown {
  const t = unwrapNullable(type);
  try {
    switch (t.kind) {
      case 'Bool': {
        const l = text.toLowerCase();
        if (l === 'true' || l === '1') return true;
        if (l === 'false' || l === '0') return false;
        return undefined;
      }
      case 'Date': {
        const m = /^(\d{4}-\d{1,2}-\d{1,2})(?:[ T]\d{1,2}:\d{2}:\d{2}(?:\.\d+)?)?$/.exec(text) ?? /^(\d{8})$/.exec(text);
        if (!m) return undefined;
        const d = m[1]!.length === 8 ? `${m[1]!.slice(0, 4)}-${m[1]!.slice(4, 6)}-${m[1]!.slice(6)}` : m[1]!;
        return parseText(t, d, tz);
      }
      case 'DateTime':
        if (!/^\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}:\d{2}(?:\.\d+)?)?$/.test(text)) return undefined;
        return parseText(t, text, tz);
      case 'String':
        return text;
      case 'Float32':
      case 'Float64':
        if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
        return parseText(t, text, tz);
      case 'Array':
      case 'Decimal':
        return parseText(t, text, tz);
      default:
        if (!INT_RE.test(text)) return undefined;
        if (!intFits(t, BigInt(text))) return undefined;
        return parseText(t, text, tz);
    }
  } catch {
    return undefined;
  }
}

function intFits(t: DataType, v: bigint): boolean {
  const bits: Record<string, [bigint, bigint]> = {
    Int8: [-128n, 127n], Int16: [-32768n, 32767n], Int32: [-2147483648n, 2147483647n], Int64: [-(2n ** 63n), 2n ** 63n - 1n],
    UInt8: [0n, 255n], UInt16: [0n, 65535n], UInt32: [0n, 4294967295n], UInt64: [0n, 2n ** 64n - 1n], Int128: [-(2n ** 127n), 2n ** 127n - 1n],
  };
  const r = bits[t.kind];
  return !r || (v >= r[0] && v <= r[1]);
}

/** A JSON value as a value of the column type. */
function fromJson(type: DataType, v: unknown, tz: string): unknown {
  if (v === null || v === undefined) return null;
  const t = unwrapNullable(type);
  if (typeof v === 'object') return t.kind === 'String' ? JSON.stringify(v) : undefined;
  if (typeof v === 'boolean') {
    if (t.kind === 'Bool') return v;
    if (t.kind === 'String') return String(v);
    return fromText(type, v ? '1' : '0', tz);
  }
  if (typeof v === 'number' && t.kind !== 'String' && !Number.isInteger(v) && t.kind !== 'Float32' && t.kind !== 'Float64') return undefined;
  return fromText(type, String(v), tz);
}

function lengthLimit(spec: ColumnSpec | undefined): number | undefined {
  const m = spec ? /^(?:VAR)?CHAR\((\d+)\)$/i.exec(spec.type) : null;
  return m ? Number(m[1]) : undefined;
}

/** Creates the partition an expression-partitioned table needs for a value (TableRegistry.autoPartition). */
export type AutoPartition = (meta: TableMeta, value: unknown, type: DataType | undefined) => PartitionMeta | undefined;

export function runLoad(plan: LoadPlan, p: LoadParams, data: string, autoPartition?: AutoPartition): LoadOutcome {
  const { table, meta } = plan;
  const tz = p.timezone;
  const rows: unknown[][] = [];
  const tablets: TabletMeta[] = [];
  const errorLines: string[] = [];
  const deletes: boolean[] = [];
  const counters: LoadCounters = { total: 0, loaded: 0, filtered: 0, unselected: 0 };
  const specs = table.columns.map((c) => meta.columns.find((m) => m.name === c.name));
  const partIdx = meta.partitionColumn ? table.columns.findIndex((c) => c.name === meta.partitionColumn) : -1;
  const distIdx = meta.distributedBy.map((n) => table.columns.findIndex((c) => c.name === n)).filter((i) => i >= 0);
  const reject = (reason: string, text: string): void => {
    counters.filtered++;
    if (counters.filtered <= MAX_ERROR_NUM) errorLines.push(`Error: ${reason}. Row: ${text}`);
    // log_rejected_record_num: the newest BE (RejectedRecordWriter) appends the row as JSON to a
    // file that a sync daemon moves into _statistics_.rejected_records; no answer names it and
    // the reference has no such table, so the rows are not kept.
  };

  const handle = (text: string, source: unknown[], fromJsonValues: boolean): void => {
    counters.total++;
    try {
      const row = plan.targets.map((t, i) => {
        const col = table.columns[i]!;
        let v: unknown;
        if (t.kind === 'keep') return undefined;
        if (t.kind === 'default') v = t.value();
        else if (t.kind === 'source') {
          const raw = source[t.index];
          if (raw === null || raw === undefined) v = null;
          else {
            v = fromJsonValues ? fromJson(col.type, raw, tz) : fromText(col.type, raw as string, tz);
            if (v === undefined) {
              if (p.strictMode) throw new RowError(fieldMessage(plan.sources[t.index] ?? col.name, t.index, specs[i]?.type ?? col.type.name, typeof raw === 'string' ? raw : JSON.stringify(raw)));
              v = null;
            }
          }
        } else {
          const out = t.compiled.ev(sourceTexts(source), NO_STATE);
          try {
            v = out === null ? null : convertValue(out, t.compiled.type, col.type, tz);
          } catch {
            if (p.strictMode) throw new RowError(fieldMessage(col.name, i, specs[i]?.type ?? col.type.name, String(out)));
            v = null;
          }
        }
        if (v === null && col.type.kind !== 'Nullable' && !specs[i]?.nullable) {
          throw new RowError(`NULL value in non-nullable column '${col.name}'`);
        }
        const limit = lengthLimit(specs[i]);
        if (limit !== undefined && typeof v === 'string' && Buffer.byteLength(v) > limit) {
          throw new RowError(`String (length=${Buffer.byteLength(v)}) is too long. The max length of '${col.name}' is ${limit}`);
        }
        return v;
      });
      let del = false;
      if (plan.op) {
        const opValue = plan.op.kind === 'source' ? source[plan.op.index] : plan.op.kind === 'expr' ? plan.op.compiled.ev(sourceTexts(source), NO_STATE) : null;
        // TOpType: 0 UPSERT, 1 DELETE; anything else is not a delete.
        del = opValue !== null && opValue !== undefined && Number(typeof opValue === 'string' ? opValue.trim() : opValue) === 1;
      }
      if (plan.where) {
        const keep = plan.where.ev(row.map((v) => v ?? null), NO_STATE);
        if (keep === null || keep === false || keep === 0 || keep === 0n) {
          counters.unselected++;
          return;
        }
      }
      const partValue = partIdx >= 0 ? row[partIdx] : null;
      const partType = partIdx >= 0 ? table.columns[partIdx]!.type : undefined;
      const partition = routePartition(meta, partValue, partType) ?? autoPartition?.(meta, partValue, partType);
      if (!partition || (plan.partitions && !plan.partitions.has(partition))) {
        throw new RowError('The row is out of partition ranges. Please add a new partition.');
      }
      const tablet = partition.tablets[bucketOf(meta, distIdx.map((i) => row[i]))]!;
      rows.push(row);
      tablets.push(tablet);
      deletes.push(del);
      counters.loaded++;
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      reject(e.message, text);
    }
  };

  if (p.format === 'csv') {
    const expect = plan.sources.length;
    for (const rec of readCsv(data, p)) {
      if (rec.fields.length !== expect) {
        counters.total++;
        reject(columnCountMessage(expect, rec.fields.length, p), rec.text);
        continue;
      }
      handle(rec.text, rec.fields, false);
    }
  } else {
    for (const rec of readJson(data, p)) {
      if (rec.error) {
        counters.total++;
        reject(rec.error, rec.text);
        continue;
      }
      if (rec.values) handle(rec.text, plan.sources.map((_, i) => rec.values![i]), true);
      else {
        const obj = rec.object!;
        const lower = new Map(Object.keys(obj).map((k) => [k.toLowerCase(), k]));
        handle(rec.text, plan.sources.map((s) => {
          const k = lower.get(s.toLowerCase());
          return k === undefined ? null : obj[k];
        }), true);
      }
    }
  }
  const supplied = plan.partial ? plan.targets.map((t) => t.kind !== 'keep') : undefined;
  return {
    ...counters, errorLines,
    write: { meta, rows, tablets, ...(supplied ? { supplied } : {}), ...(plan.op ? { deletes } : {}) },
  };
}

/** Source fields as the texts the `columns` expressions read. */
function sourceTexts(source: unknown[]): (string | null)[] {
  return source.map((s) => (s === null || s === undefined ? null : typeof s === 'string' ? s : typeof s === 'object' ? JSON.stringify(s) : String(s)));
}

/** csv_scanner.cpp string_2_asc: a delimiter quoted, \n and \t spelled out, other unprintables as hex. */
function asc(text: string): string {
  let out = "'";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else out += `0x${(code & 0xff).toString(16)}`;
  }
  return `${out}'`;
}

/** make_column_count_not_matched_error_message (csv_scanner.cpp, 3.x): one line, so the error log keeps one line per row. */
function columnCountMessage(expected: number, actual: number, p: LoadParams): string {
  return `Value count does not match column count: expected = ${expected}, actual = ${actual}. Column separator: ${asc(p.columnSeparator)}, Row delimiter: ${asc(p.rowDelimiter)}`;
}

/** make_value_type_not_matched_error_message (csv_scanner.cpp): a field strict mode rejects. */
function fieldMessage(name: string, pos: number, type: string, value: string): string {
  return `The field (name = ${name}, pos = ${pos}) is out of range. Type: ${type}, Value: ${value}`;
}

/** §5.3: fail iff filtered / (total − unselected) > max_filter_ratio. */
export function tooManyFiltered(c: LoadCounters, maxFilterRatio: number): boolean {
  const selected = c.total - c.unselected;
  if (selected <= 0) return false;
  return c.filtered / selected > maxFilterRatio;
}

export function assertQuality(c: LoadCounters, maxFilterRatio: number): void {
  if (tooManyFiltered(c, maxFilterRatio)) throw new LoadError('INTERNAL_ERROR', 'too many filtered rows');
}
