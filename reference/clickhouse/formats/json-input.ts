// What the JSON input formats beyond JSONEachRow share: one JSON value into
// one column — for the *Strings* formats a JSON string is the value's text
// (JSONStringsEachRow, JSONCompactStringsEachRow) — and one object into a
// full row.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import type { DataType } from '../../engine/types.ts';
import { defaultValue, unwrapNullable } from '../../engine/types.ts';
import { emptyRow, parseField } from './input-rows.ts';
import { fromJson, type JsonValue } from './json-each-row.ts';
import type { FormatContext } from './types.ts';

export function jsonField(type: DataType, v: JsonValue, ctx: FormatContext, strings: boolean): unknown {
  if (v === null && type.kind !== 'Nullable') return defaultValue(type);
  if (strings && typeof v === 'string') {
    // As text a Nullable reads NULL in any case, and Pretty's ᴺᵁᴸᴸ, as NULL (SerializationNullable's
    // whole-text deserialization); \N stays the text it is.
    if (type.kind === 'Nullable' && (/^null$/i.test(v) || v === 'ᴺᵁᴸᴸ')) return null;
    return parseField(unwrapNullable(type), v, false, ctx);
  }
  return fromJson(type, v, ctx);
}

/** An object's members into a row by name; unknown names skipped or refused (input_format_skip_unknown_fields). */
export function objectRow(members: [string, JsonValue][], columns: readonly ColumnDef[], ctx: FormatContext,
  strings: boolean, format: string): unknown[] {
  const skipUnknown = Boolean(ctx.settings.get('input_format_skip_unknown_fields'));
  const row = emptyRow(columns);
  for (const [key, value] of members) {
    const i = columns.findIndex((c) => c.name === key);
    if (i < 0) {
      if (skipUnknown) continue;
      throw new EngineError('INCORRECT_DATA', `Unknown field found while parsing ${format} format: ${key}`);
    }
    row[i] = jsonField(columns[i]!.type, value, ctx, strings);
  }
  return row;
}
