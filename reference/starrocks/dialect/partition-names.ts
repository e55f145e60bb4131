// Partitions StarRocks makes itself, and their names: a RANGE batch
// `START ("…") END ("…") EVERY (INTERVAL n UNIT | n)` (MultiRangePartitionDesc)
// and expression partitions created on load (`PARTITION BY date_trunc('day', dt)`
// or a column list; ExpressionRangePartitionInfo / AnalyzerUtils.
// getFormatPartitionValue). Date partitions are `p` + the lower bound in the
// unit's format (DAY p20240101, MONTH p202401, YEAR p2024, HOUR p2024010100);
// integer batches `p` + the lower bound; list partitions `p` + the value with
// characters other than letters, digits and `_` left out (UNCONFIRMED for
// non-ASCII values).

import type { StarRocksPartitionDef } from './meta.ts';
import { analysisError } from './errors.ts';

export type DateUnit = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

interface Stamp { y: number; m: number; d: number; h: number; withTime: boolean }

function parseStamp(text: string): Stamp | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})(?::(\d{2})(?::(\d{2}))?)?)?$/.exec(text.trim());
  if (!m) return undefined;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), h: Number(m[4] ?? 0), withTime: m[4] !== undefined };
}

function fromDate(dt: Date, withTime: boolean): Stamp {
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), h: dt.getUTCHours(), withTime };
}

function toDate(s: Stamp): Date {
  return new Date(Date.UTC(s.y, s.m - 1, s.d, s.h));
}

function boundText(s: Stamp): string {
  const day = `${s.y}-${pad(s.m)}-${pad(s.d)}`;
  return s.withTime ? `${day} ${pad(s.h)}:00:00` : day;
}

/** ISO week-of-year, as Java's `ww` with Monday-first weeks. */
function weekOfYear(s: Stamp): number {
  const d = toDate({ ...s, h: 0 });
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

function dateName(s: Stamp, unit: DateUnit): string {
  switch (unit) {
    case 'HOUR': return `p${s.y}${pad(s.m)}${pad(s.d)}${pad(s.h)}`;
    case 'DAY': return `p${s.y}${pad(s.m)}${pad(s.d)}`;
    case 'WEEK': return `p${s.y}_${pad(weekOfYear(s))}`;
    case 'MONTH': return `p${s.y}${pad(s.m)}`;
    case 'YEAR': return `p${s.y}`;
  }
}

function add(s: Stamp, unit: DateUnit, n: number): Stamp {
  const d = toDate(s);
  if (unit === 'HOUR') d.setUTCHours(d.getUTCHours() + n);
  else if (unit === 'DAY') d.setUTCDate(d.getUTCDate() + n);
  else if (unit === 'WEEK') d.setUTCDate(d.getUTCDate() + 7 * n);
  else if (unit === 'MONTH') d.setUTCMonth(d.getUTCMonth() + n);
  else d.setUTCFullYear(d.getUTCFullYear() + n);
  return fromDate(d, s.withTime || unit === 'HOUR');
}

/** Config.max_partitions_in_one_batch (FE default 4096). */
const MAX_BATCH = 4096;

/** The partitions of `START (start) END (end) EVERY (INTERVAL n unit)` or `EVERY (n)` (unit undefined). */
export function batchPartitions(start: string, end: string, every: number, unit: DateUnit | undefined): StarRocksPartitionDef[] {
  if (every <= 0) throw analysisError('Batch partition every interval must be greater than zero.');
  const out: StarRocksPartitionDef[] = [];
  if (unit === undefined) {
    if (!/^-?\d+$/.test(start) || !/^-?\d+$/.test(end)) throw analysisError('Batch build partition EVERY is date type but START or END does not type match.');
    const s = BigInt(start);
    const e = BigInt(end);
    if (s >= e) throw analysisError('Batch build partition start value should less then end value.');
    for (let lo = s; lo < e; lo += BigInt(every)) {
      const hi = lo + BigInt(every) < e ? lo + BigInt(every) : e;
      out.push({ name: `p${lo}`, lower: String(lo), upper: String(hi) });
      if (out.length > MAX_BATCH) throw analysisError(`The number of batch partitions should not exceed:${MAX_BATCH}`);
    }
    return out;
  }
  const s = parseStamp(start);
  const e = parseStamp(end);
  if (!s || !e) throw analysisError('Batch build partition EVERY is date type but START or END does not type match.');
  if (toDate(s) >= toDate(e)) throw analysisError('Batch build partition start date should less than end date.');
  for (let lo = s; toDate(lo) < toDate(e);) {
    let hi = add(lo, unit, every);
    if (toDate(hi) > toDate(e)) hi = e;
    out.push({ name: dateName(lo, unit), lower: boundText(lo), upper: boundText({ ...hi, withTime: lo.withTime }) });
    if (out.length > MAX_BATCH) throw analysisError(`The number of batch partitions should not exceed:${MAX_BATCH}`);
    lo = hi;
  }
  return out;
}

/** The partition an expression-partitioned table gets for a value: date_trunc(unit) ranges, or one value per list partition. */
export function expressionPartition(value: string, unit: DateUnit | undefined, withTime: boolean): StarRocksPartitionDef | undefined {
  if (unit === undefined) {
    const name = `p${value.replace(/[^A-Za-z0-9_]/g, '')}`;
    return { name, values: [value] };
  }
  const s = parseStamp(value);
  if (!s) return undefined;
  const lo: Stamp = { ...s, withTime };
  if (unit === 'YEAR') Object.assign(lo, { m: 1, d: 1, h: 0 });
  else if (unit === 'MONTH') Object.assign(lo, { d: 1, h: 0 });
  else if (unit === 'DAY') lo.h = 0;
  else if (unit === 'WEEK') Object.assign(lo, fromDate(new Date(toDate({ ...lo, h: 0 }).getTime() - ((toDate(lo).getUTCDay() + 6) % 7) * 86400000), withTime));
  return { name: dateName(lo, unit), lower: boundText(lo), upper: boundText({ ...add(lo, unit, 1), withTime }) };
}
