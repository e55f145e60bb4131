// Ordering and equality of values, as ORDER BY, comparisons and DISTINCT see them.

import { Dec, isDec } from './decimal.ts';
import { isUuid } from './uuid.ts';

/** Total order for values of one comparable class; NaN sorts after numbers. */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  if (isDec(a) || isDec(b)) return compareDecimal(a, b);
  if (isUuid(a) && isUuid(b)) return compareStrings(a.compareKey(), b.compareKey());
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === 'number' || ta === 'bigint' || ta === 'boolean') && (tb === 'number' || tb === 'bigint' || tb === 'boolean')) {
    return compareNumbers(a as number | bigint | boolean, b as number | bigint | boolean);
  }
  if (ta === 'string' && tb === 'string') {
    return compareStrings(a as string, b as string);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length - b.length;
  }
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** A decimal against a decimal exactly; against an integer exactly; against a float as doubles. */
function compareDecimal(a: unknown, b: unknown): number {
  const asDec = (v: unknown, scale: number): Dec | undefined =>
    isDec(v) ? v : typeof v === 'bigint' ? Dec.fromBigInt(v, scale) : typeof v === 'boolean' ? Dec.fromBigInt(v ? 1n : 0n, scale)
      : typeof v === 'number' && Number.isInteger(v) ? Dec.fromBigInt(BigInt(v), scale) : undefined;
  const scale = isDec(a) ? a.scale : (b as Dec).scale;
  const x = asDec(a, scale);
  const y = asDec(b, scale);
  if (x && y) return x.compare(y);
  const fx = Number(a);
  const fy = Number(b);
  if (Number.isNaN(fx)) return Number.isNaN(fy) ? 0 : 1;
  if (Number.isNaN(fy)) return -1;
  return fx < fy ? -1 : fx > fy ? 1 : 0;
}

function compareNumbers(a: number | bigint | boolean, b: number | bigint | boolean): number {
  const x = typeof a === 'boolean' ? (a ? 1 : 0) : a;
  const y = typeof b === 'boolean' ? (b ? 1 : 0) : b;
  if (typeof x === 'number' && typeof y === 'number') {
    if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
    if (Number.isNaN(y)) return -1;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
  // Mixed: compare exactly when the number is an integer, else as doubles.
  const n = typeof x === 'number' ? x : (y as number);
  if (Number.isNaN(n)) return typeof x === 'number' ? 1 : -1;
  if (Number.isInteger(n)) {
    const bx = typeof x === 'bigint' ? x : BigInt(x);
    const by = typeof y === 'bigint' ? y : BigInt(y as number);
    return bx < by ? -1 : bx > by ? 1 : 0;
  }
  const fx = Number(x);
  const fy = Number(y);
  return fx < fy ? -1 : fx > fy ? 1 : 0;
}

/** Byte-wise (UTF-8) string order, as ClickHouse compares strings. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) {
      // Surrogates (astral chars) come after all BMP chars in UTF-8 order.
      const sa = ca >= 0xd800 && ca <= 0xdfff ? ca + 0x10000 : ca;
      const sb = cb >= 0xd800 && cb <= 0xdfff ? cb + 0x10000 : cb;
      return sa < sb ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/** A string key identifying a tuple of values (GROUP BY, DISTINCT, uniq). */
export function valueKey(v: unknown): string {
  if (v === null) return '\u0000N';
  switch (typeof v) {
    case 'number':
      return Object.is(v, -0) ? 'n0' : `n${v}`;
    case 'bigint':
      return `n${v}`;
    case 'boolean':
      return v ? 'n1' : 'n0';
    case 'string':
      return `s${v.length}:${v}`;
    default:
      if (Array.isArray(v)) return `[${v.map(valueKey).join(',')}]`;
      // Equal decimals of one column share a scale; trimming makes 1.50 and 1.5 one key across scales.
      if (isDec(v)) return `n${v.toTrimmedString()}`;
      if (isUuid(v)) return `u${v.hex}`;
      return `?${String(v)}`;
  }
}

export function rowKey(values: unknown[]): string {
  let k = '';
  for (const v of values) k += valueKey(v) + '\u0001';
  return k;
}
