// Values as JSON, exactly: what JSON has no form for (bigint, Decimal, UUID, NaN,
// ±Infinity, -0, undefined, bytes, Map, Set) is written as a one-key object
// whose key starts with `$`; a plain object with such a key is wrapped so it
// cannot be mistaken for one. Any other class instance is refused, so a new
// value kind cannot be stored lossily without anyone noticing.

import { Dec } from '../values/decimal.ts';
import { Uuid } from '../values/uuid.ts';

export function encodeValue(v: unknown): unknown {
  switch (typeof v) {
    case 'bigint':
      return { $big: v.toString() };
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0) ? v : { $num: Object.is(v, -0) ? '-0' : String(v) };
    case 'undefined':
      return { $undef: 1 };
    case 'string':
    case 'boolean':
      return v;
    case 'object':
      break;
    default:
      throw new Error(`cannot store a value of type ${typeof v}`);
  }
  if (v === null) return null;
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v instanceof Dec) return { $dec: v.unscaled.toString(), scale: v.scale };
  if (v instanceof Uuid) return { $uuid: v.hex };
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (v instanceof Map) return { $map: [...v].map(([k, x]) => [encodeValue(k), encodeValue(x)]) };
  if (v instanceof Set) return { $set: [...v].map(encodeValue) };
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new Error(`cannot store a value of class ${(v as object).constructor?.name ?? 'unknown'}`);
  }
  const out: Record<string, unknown> = {};
  let tagged = false;
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    if (k.startsWith('$')) tagged = true;
    out[k] = encodeValue(x);
  }
  return tagged ? { $obj: out } : out;
}

export function decodeValue(j: unknown): unknown {
  if (j === null || typeof j !== 'object') return j;
  if (Array.isArray(j)) return j.map(decodeValue);
  const o = j as Record<string, unknown>;
  if ('$big' in o) return BigInt(o.$big as string);
  if ('$num' in o) return o.$num === '-0' ? -0 : Number(o.$num);
  if ('$undef' in o) return undefined;
  if ('$dec' in o) return new Dec(BigInt(o.$dec as string), o.scale as number);
  if ('$uuid' in o) return new Uuid(o.$uuid as string);
  if ('$bytes' in o) return new Uint8Array(Buffer.from(o.$bytes as string, 'base64'));
  if ('$map' in o) return new Map((o.$map as unknown[][]).map(([k, x]) => [decodeValue(k), decodeValue(x)]));
  if ('$set' in o) return new Set((o.$set as unknown[]).map(decodeValue));
  const src = ('$obj' in o ? o.$obj : o) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(src)) out[k] = decodeValue(x);
  return out;
}

export function stringifyValue(v: unknown): string {
  return JSON.stringify(encodeValue(v));
}

export function parseValue(text: string): unknown {
  return decodeValue(JSON.parse(text));
}
