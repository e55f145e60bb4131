// Per-value text forms shared by the formats: the escaping rules of
// ClickHouse's WriteHelpers (writeEscapedString, writeCSVString,
// writeJSONString) applied on top of the engine's serializeText.

import type { DataType, TextOptions } from '../../engine/types.ts';
import { formatFloat, quoteString, serializeQuoted, serializeText, unwrapNullable } from '../../engine/types.ts';
import type { Dec } from '../../engine/values/decimal.ts';
import { dateTimeText } from './date-time-text.ts';
import type { FormatContext } from './types.ts';

const TSV_ESCAPES: Record<string, string> = {
  '\\': '\\\\', "'": "\\'", '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0',
};

/** TabSeparated escaping: \b \f \r \n \t \0 \' \\ — other control bytes pass through. */
export function escapeTsv(s: string): string {
  return s.replace(/[\\'\b\f\n\r\t\0]/g, (c) => TSV_ESCAPES[c]!);
}

/** CSV: always double-quoted, `"` doubled. */
export function quoteCsv(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

export function boolText(value: unknown, ctx: FormatContext): string {
  return String(ctx.settings.get(value ? 'bool_true_representation' : 'bool_false_representation'));
}

const base = (t: DataType): DataType => unwrapNullable(t);

const textOptions = (ctx: FormatContext): TextOptions => ({ decimalTrailingZeros: Boolean(ctx.settings.get('output_format_decimal_trailing_zeros')) });

/** The plain text of a non-NULL value (toString form). */
export function plainText(type: DataType, value: unknown, ctx: FormatContext): string {
  const t = base(type);
  if (t.kind === 'Bool') return boolText(value, ctx);
  // output_format_decimal_trailing_zeros: all S digits after the point (the engine's text trims them).
  if (t.kind === 'Decimal' && ctx.settings.get('output_format_decimal_trailing_zeros')) return (value as Dec).toString();
  return dateTimeText(t, value, ctx) ?? serializeText(t, value, ctx.timezone, textOptions(ctx));
}

export function tsvField(type: DataType, value: unknown, ctx: FormatContext, raw = false): string {
  if (value === null) return String(ctx.settings.get('format_tsv_null_representation'));
  const t = base(type);
  if (STRING_LIKE.has(t.kind)) return raw ? plainText(t, value, ctx) : escapeTsv(plainText(t, value, ctx));
  return plainText(t, value, ctx);
}

/** Types written as bare text that TSV escapes and CSV and JSON quote. */
const STRING_LIKE = new Set(['String', 'FixedString', 'Enum8', 'Enum16']);
const CSV_QUOTED = new Set(['String', 'FixedString', 'Enum8', 'Enum16', 'Date', 'Date32', 'DateTime', 'DateTime64', 'UUID', 'IPv4', 'IPv6', 'Array', 'Map']);

/**
 * The CSV header's columns: a Tuple column is its elements, named `col.1`,
 * `col.2` (or `col.name`), nested tuples likewise, as csvField writes their
 * values (output_format_csv_header_serialize_tuple_into_separate_columns).
 */
export function csvHeaderColumns(columns: readonly { name: string; type: DataType }[]): { name: string; type: string }[] {
  return columns.flatMap((c) => {
    const t = base(c.type);
    if (t.kind !== 'Tuple') return [{ name: c.name, type: c.type.name }];
    return csvHeaderColumns(t.elements!.map((e, i) => ({ name: `${c.name}.${t.names ? t.names[i]! : i + 1}`, type: e })));
  });
}

export function csvField(type: DataType, value: unknown, ctx: FormatContext): string {
  if (value === null) return String(ctx.settings.get('format_csv_null_representation'));
  const t = base(type);
  // A Tuple is its elements, each a CSV field of its own.
  if (t.kind === 'Tuple') return (value as unknown[]).map((v, i) => csvField(t.elements![i]!, v, ctx)).join(String(ctx.settings.get('format_csv_delimiter') ?? ','));
  return CSV_QUOTED.has(t.kind) ? quoteCsv(plainText(t, value, ctx)) : plainText(t, value, ctx);
}

/** Values/quoted form: strings and dates in single quotes, NULL as NULL. */
export function quotedField(type: DataType, value: unknown, ctx: FormatContext): string {
  if (value === null) return 'NULL';
  const t = base(type);
  if (t.kind === 'Bool') return value ? 'true' : 'false';
  if (t.kind === 'Decimal') return plainText(t, value, ctx);
  const dateTime = dateTimeText(t, value, ctx);
  return dateTime !== undefined ? quoteString(dateTime) : serializeQuoted(t, value, ctx.timezone, textOptions(ctx));
}

/**
 * NULL in Pretty, Vertical and the JSON*Strings formats: ᴺᵁᴸᴸ, so it differs
 * from the string 'NULL' — but NULL with the ASCII grid charset
 * (SerializationNullable, settings.pretty.charset).
 */
export function prettyNull(ctx: FormatContext): string {
  return String(ctx.settings.get('output_format_pretty_grid_charset')).toUpperCase() === 'UTF-8' ? 'ᴺᵁᴸᴸ' : 'NULL';
}

export function prettyField(type: DataType, value: unknown, ctx: FormatContext): string {
  if (value === null) return prettyNull(ctx);
  return plainText(type, value, ctx);
}

// ---------------------------------------------------------------- JSON

export interface JsonOptions {
  quote64: boolean;
  quoteDenormals: boolean;
  quoteDecimals: boolean;
  /** output_format_json_quote_64bit_floats: Float64 values as strings. */
  quote64Floats: boolean;
  escapeSlashes: boolean;
}

export function jsonOptions(ctx: FormatContext): JsonOptions {
  return {
    quote64: Boolean(ctx.settings.get('output_format_json_quote_64bit_integers')),
    quoteDenormals: Boolean(ctx.settings.get('output_format_json_quote_denormals')),
    quoteDecimals: Boolean(ctx.settings.get('output_format_json_quote_decimals')),
    quote64Floats: Boolean(ctx.settings.get('output_format_json_quote_64bit_floats')),
    escapeSlashes: Boolean(ctx.settings.get('output_format_json_escape_forward_slashes')),
  };
}

const JSON_SHORT: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t',
  '\u2028': '\\u2028', '\u2029': '\\u2029',
};

/** writeJSONString: short escapes, other control characters as \u00XX (upper-case hex). */
export function jsonString(s: string, escapeSlashes = true): string {
  const re = escapeSlashes ? /["\\\u0000-\u001f/\u2028\u2029]/g : /["\\\u0000-\u001f\u2028\u2029]/g;
  return `"${s.replace(re, (c) => {
    if (c === '/') return '\\/';
    const short = JSON_SHORT[c];
    if (short !== undefined) return short;
    return `\\u00${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  })}"`;
}

export function jsonValue(type: DataType, value: unknown, ctx: FormatContext, opts: JsonOptions): string {
  if (value === null) return 'null';
  const t = base(type);
  switch (t.kind) {
    case 'Nothing':
      return 'null';
    case 'Bool':
      return value ? 'true' : 'false';
    case 'UInt64': case 'Int64': case 'UInt128': case 'Int128': case 'UInt256': case 'Int256':
      return opts.quote64 ? `"${String(value)}"` : String(value);
    case 'Decimal':
      return opts.quoteDecimals ? `"${plainText(t, value, ctx)}"` : plainText(t, value, ctx);
    case 'Float32': case 'Float64': {
      const x = value as number;
      // Quoting 64-bit floats quotes even the null that stands for inf and nan.
      const text = Number.isFinite(x) ? formatFloat(x, t.kind === 'Float32') : opts.quoteDenormals ? formatFloat(x) : 'null';
      return (opts.quote64Floats && t.kind === 'Float64') || (!Number.isFinite(x) && opts.quoteDenormals) ? `"${text}"` : text;
    }
    case 'String': case 'FixedString': case 'Enum8': case 'Enum16': case 'Date': case 'Date32': case 'DateTime': case 'DateTime64':
    case 'UUID': case 'IPv4': case 'IPv6':
      return jsonString(plainText(t, value, ctx), opts.escapeSlashes);
    case 'Array':
      return `[${(value as unknown[]).map((v) => jsonValue(t.inner!, v, ctx, opts)).join(',')}]`;
    case 'Tuple': {
      // Named tuples are objects (output_format_json_named_tuples_as_objects, on by default).
      const vals = (value as unknown[]).map((v, i) => jsonValue(t.elements![i]!, v, ctx, opts));
      if (t.names && ctx.settings.get('output_format_json_named_tuples_as_objects')) {
        return `{${vals.map((v, i) => `${jsonString(t.names![i]!, opts.escapeSlashes)}:${v}`).join(',')}}`;
      }
      return `[${vals.join(',')}]`;
    }
    case 'Map':
      // Keys are JSON strings whatever their type.
      return `{${(value as [unknown, unknown][]).map(([k, v]) => `${jsonString(plainText(t.key!, k, ctx), opts.escapeSlashes)}:${jsonValue(t.inner!, v, ctx, opts)}`).join(',')}}`;
    default:
      return String(value);
  }
}

/**
 * One value of a JSON format: its JSON form, or for the *Strings* formats the
 * JSON string of its text form, NULL as prettyNull (serializeText of Nullable,
 * then writeJSONString).
 */
export function jsonCell(type: DataType, value: unknown, ctx: FormatContext, opts: JsonOptions, strings: boolean): string {
  if (!strings) return jsonValue(type, value, ctx, opts);
  return jsonString(value === null ? prettyNull(ctx) : plainText(type, value, ctx), opts.escapeSlashes);
}

/**
 * serializeTextJSONPretty: tuples and maps spread over lines, one element a
 * line, each one `unit` deeper than `level`; an array only when its elements
 * are themselves arrays, tuples or maps (an array of plain values stays on one
 * line). JSON indents with tabs (output_format_json_pretty_print),
 * PrettyJSONEachRow with four spaces.
 */
export function jsonPretty(type: DataType, value: unknown, ctx: FormatContext, opts: JsonOptions, unit: string | Indent, level: number): string {
  const t = structural(type);
  if (value === null || !['Array', 'Tuple', 'Map'].includes(t.kind)) return jsonValue(type, value, ctx, opts);
  const indent: Indent = typeof unit === 'string' ? (n) => unit.repeat(n) : unit;
  const pad = indent(level + 1);
  const close = indent(level);
  const deeper = (ty: DataType, v: unknown): string => jsonPretty(ty, v, ctx, opts, indent, level + 1);
  if (t.kind === 'Array') {
    const items = value as unknown[];
    if (items.length === 0 || !['Array', 'Tuple', 'Map'].includes(structural(t.inner!).kind)) return jsonValue(type, value, ctx, opts);
    return `[\n${items.map((v) => pad + deeper(t.inner!, v)).join(',\n')}\n${close}]`;
  }
  if (t.kind === 'Map') {
    const pairs = value as [unknown, unknown][];
    if (pairs.length === 0) return '{}';
    const lines = pairs.map(([k, v]) => `${pad}${jsonString(plainText(t.key!, k, ctx), opts.escapeSlashes)}: ${deeper(t.inner!, v)}`);
    return `{\n${lines.join(',\n')}\n${close}}`;
  }
  const items = (value as unknown[]).map((v, i) => deeper(t.elements![i]!, v));
  if (t.names && ctx.settings.get('output_format_json_named_tuples_as_objects')) {
    return `{\n${items.map((v, i) => `${pad}${jsonString(t.names![i]!, opts.escapeSlashes)}: ${v}`).join(',\n')}\n${close}}`;
  }
  return `[\n${items.map((v) => pad + v).join(',\n')}\n${close}]`;
}

/** The white space before a line `level` levels deep. */
export type Indent = (level: number) => string;

/** The type under Nullable and LowCardinality, whose shape decides how a value is spread. */
function structural(type: DataType): DataType {
  let t = type;
  while (t.kind === 'Nullable' || t.kind === 'LowCardinality') t = t.inner!;
  return t;
}
