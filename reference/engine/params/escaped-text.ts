// ClickHouse's Escaped (TabSeparated) text deserialization of one value, as
// query parameters use it: it reads a prefix of the text and reports how far
// it got, so the caller can tell "parsed completely" from "garbage follows".

import { EngineError } from '../errors.ts';
import type { DataType } from '../types.ts';
import { parseText, readQuotedValue, wrapInt } from '../types.ts';

export interface ReadResult {
  value: unknown;
  /** Characters of the text consumed. */
  end: number;
}

/** The decoded character of `\c` (parseEscapeSequence). */
const ESCAPE: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0' };

/** Escapes after which ClickHouse drops the backslash; others keep it (`\%` stays `\%`). */
const DROPS_BACKSLASH = new Set(['\\', "'", '"', '`', '/', '=']);

/**
 * readEscapedString: up to an unescaped TAB or newline. `\N` reads as
 * nothing, `\xHH` as the byte, `\c` per parseEscapeSequence.
 */
export function readEscapedString(text: string, pos = 0): ReadResult {
  let out = '';
  let i = pos;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\t' || c === '\n') break;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    i++;
    if (i >= text.length) throw new EngineError('CANNOT_PARSE_ESCAPE_SEQUENCE', 'Cannot parse escape sequence');
    const n = text[i]!;
    if (n === 'x') {
      const hex = text.slice(i + 1, i + 3);
      if (hex.length < 2) throw new EngineError('ATTEMPT_TO_READ_AFTER_EOF', 'Attempt to read after eof');
      out += String.fromCharCode(parseInt(hex, 16) || 0);
      i += 3;
      continue;
    }
    if (n === 'N') {
      i++;
      continue;
    }
    const decoded = ESCAPE[n] ?? n;
    if (!DROPS_BACKSLASH.has(decoded) && decoded.charCodeAt(0) > 31) out += '\\';
    out += decoded;
    i++;
  }
  return { value: out, end: i };
}

/** readIntTextUnsafe: optional `-` (signed types), then digits; a leading `0` is the whole value. */
function readInt(type: DataType, text: string, pos: number): ReadResult {
  let i = pos;
  if (i >= text.length) throw new EngineError('ATTEMPT_TO_READ_AFTER_EOF', 'Attempt to read after eof');
  let negative = false;
  if (!type.kind.startsWith('U') && text[i] === '-') {
    negative = true;
    i++;
    if (i >= text.length) throw new EngineError('ATTEMPT_TO_READ_AFTER_EOF', 'Attempt to read after eof');
  }
  if (text[i] === '0') return { value: wrapInt(type, 0n), end: i + 1 };
  let v = 0n;
  while (i < text.length && text[i]! >= '0' && text[i]! <= '9') {
    v = v * 10n + BigInt(text.charCodeAt(i) - 48);
    i++;
  }
  return { value: wrapInt(type, negative ? -v : v), end: i };
}

const FLOAT_PREFIX = /^[+-]?(?:inf(?:inity)?|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/i;

function readFloat(type: DataType, text: string, pos: number): ReadResult {
  if (pos >= text.length) throw new EngineError('ATTEMPT_TO_READ_AFTER_EOF', 'Attempt to read after eof');
  const m = FLOAT_PREFIX.exec(text.slice(pos));
  if (!m) throw new EngineError('CANNOT_PARSE_NUMBER', `Cannot read floating point value here: ${text.slice(pos)}`);
  const v = parseText(type, m[0]);
  return { value: v, end: pos + m[0].length };
}

/** The run of a field in escaped form: up to a TAB or newline. */
function field(text: string, pos: number): string {
  const m = /^[^\t\n]*/.exec(text.slice(pos))!;
  return m[0];
}

/** deserializeTextEscaped of `type` at `pos`. Errors are the type's own parse errors. */
export function readEscaped(type: DataType, text: string, pos = 0, tz?: string): ReadResult {
  switch (type.kind) {
    case 'Nullable':
      if (text.startsWith('\\N', pos)) return { value: null, end: pos + 2 };
      return readEscaped(type.inner!, text, pos, tz);
    case 'Nothing':
      if (text.startsWith('\\N', pos)) return { value: null, end: pos + 2 };
      throw new EngineError('CANNOT_PARSE_TEXT', `Cannot parse string '${text}' as Nothing`);
    case 'String':
      return readEscapedString(text, pos);
    case 'UInt8': case 'UInt16': case 'UInt32': case 'UInt64':
    case 'Int8': case 'Int16': case 'Int32': case 'Int64': case 'Int128':
      return readInt(type, text, pos);
    case 'Decimal': {
      const m = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(field(text, pos));
      const token = m ? m[0] : field(text, pos);
      return { value: parseText(type, token, tz), end: pos + token.length };
    }
    case 'Float32': case 'Float64':
      return readFloat(type, text, pos);
    case 'Array': {
      if (pos >= text.length) throw new EngineError('ATTEMPT_TO_READ_AFTER_EOF', 'Attempt to read after eof');
      const r = readQuotedValue(type, text, pos, tz);
      return { value: r.value, end: r.end };
    }
    case 'Date': {
      // readDateText takes YYYY-MM-DD (any one-char separators) or a day number.
      const f = field(text, pos);
      const m = /^\d{4}.\d{2}.\d{2}/.exec(f) ?? /^\d+/.exec(f);
      const token = m ? m[0] : f;
      return { value: parseText(type, token, tz), end: pos + token.length };
    }
    case 'DateTime': {
      const f = field(text, pos);
      const m = /^\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}:\d{2})?/.exec(f) ?? /^\d+/.exec(f);
      const token = m ? m[0] : f;
      return { value: parseText(type, token, tz), end: pos + token.length };
    }
    case 'Bool': {
      const f = field(text, pos);
      return { value: parseText(type, f, tz), end: pos + f.length };
    }
    case 'LowCardinality':
      return readEscaped(type.inner!, text, pos, tz);
    case 'Tuple': case 'Map': {
      if (pos >= text.length) throw new EngineError('ATTEMPT_TO_READ_AFTER_EOF', 'Attempt to read after eof');
      return readQuotedValue(type, text, pos, tz);
    }
    case 'Int256': case 'UInt128': case 'UInt256':
      return readInt(type, text, pos);
    default: {
      // FixedString, Enum, UUID, IPv4/6, Date32, DateTime64: the whole escaped field.
      const r = type.kind === 'FixedString' || type.kind === 'Enum8' || type.kind === 'Enum16' ? readEscapedString(text, pos) : undefined;
      if (r) return { value: parseText(type, r.value as string, tz), end: r.end };
      const f = field(text, pos);
      return { value: parseText(type, f, tz), end: pos + f.length };
    }
  }
}
