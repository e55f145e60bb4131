// Turning parsed fields into full rows for the insert target: header
// mapping of the *WithNames formats, defaults for omitted columns, NULL
// handling, and the row number ClickHouse reports in parse errors.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import type { DataType } from '../../engine/types.ts';
import { defaultValue, isNullable, isNumber, parseText, unwrapNullable } from '../../engine/types.ts';
import type { FormatContext } from './types.ts';

/** Where each input field goes: a target column index, or -1 to skip it. */
export type FieldMap = number[];

export function identityMap(columns: readonly ColumnDef[]): FieldMap {
  return columns.map((_, i) => i);
}

/** Map a header of column names onto the target columns (input_format_with_names_use_header). */
export function mapHeader(names: readonly string[], columns: readonly ColumnDef[], ctx: FormatContext): FieldMap {
  if (!ctx.settings.get('input_format_with_names_use_header')) return identityMap(columns);
  const skipUnknown = Boolean(ctx.settings.get('input_format_skip_unknown_fields'));
  const seen = new Set<number>();
  return names.map((name, i) => {
    const idx = columns.findIndex((c) => c.name === name);
    if (idx < 0) {
      if (skipUnknown) return -1;
      throw new EngineError('INCORRECT_DATA',
        `Unknown field found in format header: '${name}' at position ${i}\n` +
        "Set the 'input_format_skip_unknown_fields' parameter explicitly to ignore and skip unknown data.");
    }
    if (seen.has(idx)) throw new EngineError('INCORRECT_DATA', `Duplicate field found while parsing format header: ${name}`);
    seen.add(idx);
    return idx;
  });
}

/** A row with every target column filled: values where given, column defaults elsewhere. */
export function emptyRow(columns: readonly ColumnDef[]): unknown[] {
  return columns.map((c) => defaultValue(c.type));
}

/**
 * Parse one field's unescaped text. `isNull` says the field held the format's
 * NULL marker; a non-Nullable column then takes its default
 * (input_format_null_as_default) or fails as ClickHouse does.
 */
export function parseField(type: DataType, text: string, isNull: boolean, ctx: FormatContext): unknown {
  if (isNull) {
    if (isNullable(type) || type.kind === 'Nothing') return null;
    if (ctx.settings.get('input_format_null_as_default')) return defaultValue(type);
    throw new EngineError('CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN',
      `Cannot insert NULL value into a column of type '${type.name}'`);
  }
  const t = unwrapNullable(type);
  return parseText(t, text, ctx.timezone);
}

const NUMBER_PREFIX = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/;

function showBefore(s: string): string {
  return s.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll("'", "\\'");
}

/**
 * A text-format field for a number column. ClickHouse reads the longest
 * numeric prefix and then asserts the delimiter, so `abc` fails with
 * CANNOT_PARSE_INPUT_ASSERTION_FAILED (27), quoting what it found instead.
 */
export function parseDelimitedField(type: DataType, text: string, isNull: boolean, ctx: FormatContext,
  delimiter: string, rest: string): unknown {
  try {
    return parseField(type, text, isNull, ctx);
  } catch (err) {
    const base = unwrapNullable(type);
    if (!(err instanceof EngineError) || err.code !== 6 || !isNumber(base)) throw err;
    const prefix = NUMBER_PREFIX.exec(text)?.[0] ?? '';
    throw new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED',
      `Cannot parse input: expected '${showBefore(delimiter)}' before: '${showBefore(text.slice(prefix.length) + rest)}'`);
  }
}

/** Re-throw a parse error with the row it happened in, keeping its code. */
export function atRow(err: unknown, row: number): never {
  if (err instanceof EngineError) {
    err.message = `${err.message}: (at row ${row})\n`;
  }
  throw err;
}
