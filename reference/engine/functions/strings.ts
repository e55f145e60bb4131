// String functions. Lengths and offsets are in bytes as in ClickHouse;
// the *UTF8 variants count code points.

import { EngineError } from '../errors.ts';
import { T, arrayOf, serializeText, unwrapNullable } from '../types.ts';
import type { DataType } from '../types.ts';
import { toNum } from '../values/convert.ts';
import { illegalType, register, simple } from './registry.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const isAscii = (s: string): boolean => !/[^\x00-\x7f]/.test(s);

function needString(name: string, t: DataType, i = 1): void {
  if (t.kind !== 'String' && t.kind !== 'FixedString') throw illegalType(name, t, i);
}

/** Case mapping keeps a FixedString a FixedString of the same size. */
const sameStringType = (t: DataType): DataType => (t.kind === 'FixedString' ? t : T.String);

register('length', simple({
  min: 1,
  type: ([t]) => {
    // FunctionStringOrArrayToT words it without an ordinal.
    if (t!.kind !== 'String' && t!.kind !== 'FixedString' && t!.kind !== 'Array') {
      throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Illegal type ${t!.name} of argument of function length`);
    }
    return T.UInt64;
  },
  impl: ([v]) => BigInt(typeof v === 'string' ? (isAscii(v) ? v.length : bytes(v).length) : (v as unknown[]).length),
}), true);

register('lengthUTF8', simple({ min: 1, type: ([t]) => (needString('lengthUTF8', t!), T.UInt64), impl: ([v]) => BigInt([...(v as string)].length) }));
register('char_length', simple({ min: 1, type: ([t]) => (needString('char_length', t!), T.UInt64), impl: ([v]) => BigInt([...(v as string)].length) }), true);
register('character_length', simple({ min: 1, type: ([t]) => (needString('character_length', t!), T.UInt64), impl: ([v]) => BigInt([...(v as string)].length) }), true);

const asciiMap = (f: (c: string) => string) => (s: string): string => s.replace(/[A-Za-z]/g, f);
register('lower', simple({ min: 1, type: ([t]) => (needString('lower', t!), sameStringType(t!)), impl: ([v]) => asciiMap((c) => c.toLowerCase())(v as string) }), true);
register('upper', simple({ min: 1, type: ([t]) => (needString('upper', t!), sameStringType(t!)), impl: ([v]) => asciiMap((c) => c.toUpperCase())(v as string) }), true);
register('lcase', simple({ min: 1, type: ([t]) => (needString('lcase', t!), sameStringType(t!)), impl: ([v]) => asciiMap((c) => c.toLowerCase())(v as string) }), true);
register('ucase', simple({ min: 1, type: ([t]) => (needString('ucase', t!), sameStringType(t!)), impl: ([v]) => asciiMap((c) => c.toUpperCase())(v as string) }), true);
register('lowerUTF8', simple({ min: 1, type: ([t]) => (needString('lowerUTF8', t!), sameStringType(t!)), impl: ([v]) => (v as string).toLowerCase() }));
register('upperUTF8', simple({ min: 1, type: ([t]) => (needString('upperUTF8', t!), sameStringType(t!)), impl: ([v]) => (v as string).toUpperCase() }));

register('concat', simple({
  min: 1,
  max: Infinity,
  type: () => T.String,
  impl: (vals, types) => vals.map((v, i) => serializeText(types[i]!, v)).join(''),
}), true);

function substringBytes(s: string, offset: number, length?: number): string {
  const b = bytes(s);
  const n = b.length;
  let start = offset > 0 ? offset - 1 : offset < 0 ? n + offset : n;
  if (offset === 0) return '';
  if (start < 0) start = 0;
  let end = length === undefined ? n : length >= 0 ? start + length : n + length;
  if (offset < 0 && n + offset < 0 && length !== undefined && length >= 0) end = Math.max(0, n + offset + length);
  end = Math.min(end, n);
  if (end <= start) return '';
  return dec.decode(b.subarray(start, end));
}

const substringSpec = simple({
  min: 2,
  max: 3,
  type: ([t]) => (needString('substring', t!), T.String),
  impl: ([s, o, l]) => substringBytes(s as string, toNum(o), l === undefined ? undefined : toNum(l)),
});
register('substring', substringSpec, true);
register('substr', substringSpec, true);
register('mid', substringSpec, true);
register('substringUTF8', simple({
  min: 2,
  max: 3,
  type: ([t]) => (needString('substringUTF8', t!), T.String),
  impl: ([s, o, l]) => {
    const cps = [...(s as string)];
    const off = toNum(o);
    const start = off > 0 ? off - 1 : off < 0 ? Math.max(0, cps.length + off) : cps.length;
    const end = l === undefined ? cps.length : toNum(l) >= 0 ? start + toNum(l) : cps.length + toNum(l);
    return cps.slice(start, Math.max(start, end)).join('');
  },
}));

register('left', simple({ min: 2, type: () => T.String, impl: ([s, n]) => substringBytes(s as string, 1, toNum(n)) }), true);
register('right', simple({
  min: 2,
  type: () => T.String,
  impl: ([s, n]) => {
    const k = toNum(n);
    const len = bytes(s as string).length;
    return k <= 0 ? substringBytes(s as string, 1 - k + 1 > len ? len + 1 : -k + 1) : substringBytes(s as string, Math.max(1, len - k + 1));
  },
}), true);

function positionImpl(h: string, n: string, from?: number): bigint {
  const hb = bytes(h);
  const nb = bytes(n);
  const start = from === undefined ? 0 : Math.max(0, from - 1);
  outer: for (let i = start; i + nb.length <= hb.length; i++) {
    for (let j = 0; j < nb.length; j++) if (hb[i + j] !== nb[j]) continue outer;
    return BigInt(i + 1);
  }
  return 0n;
}
register('position', simple({ min: 2, max: 3, type: () => T.UInt64, impl: ([h, n, f]) => positionImpl(h as string, n as string, f === undefined ? undefined : toNum(f)) }), true);
register('locate', simple({ min: 2, max: 3, type: () => T.UInt64, impl: ([n, h, f]) => positionImpl(h as string, n as string, f === undefined ? undefined : toNum(f)) }), true);
register('positionCaseInsensitive', simple({ min: 2, type: () => T.UInt64, impl: ([h, n]) => positionImpl((h as string).toLowerCase(), (n as string).toLowerCase()) }));

/** SQL LIKE pattern → RegExp (ClickHouse: `%`, `_`, backslash escapes). */
export function likeToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(re + '$', caseInsensitive ? 'iu' : 'u');
}

function likeFn(name: string, negated: boolean, ci: boolean): void {
  const cache = new Map<string, RegExp>();
  register(name, simple({
    min: 2,
    type: ([a, b]) => {
      needString(name, a!, 1);
      needString(name, b!, 2);
      return T.UInt8;
    },
    impl: ([s, p]) => {
      let re = cache.get(p as string);
      if (!re) {
        re = likeToRegExp(p as string, ci);
        cache.set(p as string, re);
      }
      return re.test(s as string) !== negated ? 1 : 0;
    },
  }));
}
likeFn('like', false, false);
likeFn('notLike', true, false);
likeFn('ilike', false, true);
likeFn('notILike', true, true);

register('match', simple({ min: 2, type: () => T.UInt8, impl: ([s, p]) => (new RegExp(p as string).test(s as string) ? 1 : 0) }));

register('splitByChar', simple({
  min: 2,
  max: 3,
  type: () => arrayOf(T.String),
  nullableResult: false,
  impl: ([sep, s]) => {
    if ([...(sep as string)].length !== 1 || bytes(sep as string).length !== 1) {
      throw new EngineError('BAD_ARGUMENTS', 'Illegal separator for function splitByChar. Must be exactly one byte.');
    }
    return (s as string).split(sep as string);
  },
}));
register('splitByString', simple({
  min: 2,
  max: 3,
  type: () => arrayOf(T.String),
  nullableResult: false,
  impl: ([sep, s]) => ((sep as string) === '' ? [...(s as string)] : (s as string).split(sep as string)),
}));

register('replaceAll', simple({ min: 3, type: () => T.String, impl: ([s, a, b]) => ((a as string) === '' ? s : (s as string).split(a as string).join(b as string)) }));
register('replace', simple({ min: 3, type: () => T.String, impl: ([s, a, b]) => ((a as string) === '' ? s : (s as string).split(a as string).join(b as string)) }), true);
register('replaceOne', simple({ min: 3, type: () => T.String, impl: ([s, a, b]) => ((a as string) === '' ? s : (s as string).replace(a as string, () => b as string)) }));
register('replaceRegexpAll', simple({ min: 3, type: () => T.String, impl: ([s, a, b]) => (s as string).replace(new RegExp(a as string, 'g'), (b as string).replace(/\\(\d)/g, '$$$1')) }));
register('replaceRegexpOne', simple({ min: 3, type: () => T.String, impl: ([s, a, b]) => (s as string).replace(new RegExp(a as string), (b as string).replace(/\\(\d)/g, '$$$1')) }));

register('trimBoth', simple({ min: 1, type: () => T.String, impl: ([s]) => (s as string).replace(/^ +| +$/g, '') }));
register('trimLeft', simple({ min: 1, type: () => T.String, impl: ([s]) => (s as string).replace(/^ +/, '') }));
register('trimRight', simple({ min: 1, type: () => T.String, impl: ([s]) => (s as string).replace(/ +$/, '') }));
register('trim', simple({ min: 1, type: () => T.String, impl: ([s]) => (s as string).replace(/^ +| +$/g, '') }), true);
register('ltrim', simple({ min: 1, type: () => T.String, impl: ([s]) => (s as string).replace(/^ +/, '') }), true);
register('rtrim', simple({ min: 1, type: () => T.String, impl: ([s]) => (s as string).replace(/ +$/, '') }), true);

for (const [name, ifEmpty] of [['empty', 1], ['notEmpty', 0]] as const) {
  register(name, simple({
    min: 1,
    type: ([t]) => {
      if (t!.kind !== 'String' && t!.kind !== 'FixedString' && t!.kind !== 'Array') throw illegalType(name, t!);
      return T.UInt8;
    },
    // A FixedString is empty when all its bytes are zero.
    impl: ([v], [t]) => ((t!.kind === 'FixedString' ? /^\0*$/.test(v as string) : (v as string | unknown[]).length === 0) ? ifEmpty : 1 - ifEmpty),
  }));
}

register('reverse', simple({
  min: 1,
  type: ([t]) => t!,
  impl: ([v]) => (typeof v === 'string' ? dec.decode(bytes(v).reverse()) : [...(v as unknown[])].reverse()),
}), true);
register('reverseUTF8', simple({ min: 1, type: () => T.String, impl: ([v]) => [...(v as string)].reverse().join('') }));
register('repeat', simple({ min: 2, type: () => T.String, impl: ([s, n]) => (s as string).repeat(Math.max(0, toNum(n))) }), true);
register('startsWith', simple({ min: 2, type: () => T.UInt8, impl: ([s, p]) => ((s as string).startsWith(p as string) ? 1 : 0) }));
register('endsWith', simple({ min: 2, type: () => T.UInt8, impl: ([s, p]) => ((s as string).endsWith(p as string) ? 1 : 0) }));
register('base64Encode', simple({ min: 1, type: () => T.String, impl: ([s]) => Buffer.from(s as string).toString('base64') }));
register('base64Decode', simple({ min: 1, type: () => T.String, impl: ([s]) => Buffer.from(s as string, 'base64').toString() }));
register('hex', simple({
  min: 1,
  type: () => T.String,
  impl: ([v], [t]) => (typeof v === 'string' ? Buffer.from(v).toString('hex') : BigInt(v as number | bigint).toString(16)).toUpperCase().replace(/^(.)$/, '0$1').replace(/^((?:..)*.)$/, t!.kind === 'String' ? '$1' : '0$1'),
}), true);

register('format', simple({
  min: 1,
  max: Infinity,
  type: () => T.String,
  impl: ([pattern, ...rest], [, ...types]) => {
    let auto = 0;
    return (pattern as string).replace(/\{\{|\}\}|\{(\d*)\}/g, (m, idx: string | undefined) => {
      if (m === '{{') return '{';
      if (m === '}}') return '}';
      const i = idx === '' || idx === undefined ? auto++ : Number(idx);
      if (i >= rest.length) throw new EngineError('BAD_ARGUMENTS', 'Argument is too big for formatting');
      return serializeText(types[i]!, rest[i]);
    });
  },
}));

void unwrapNullable;
