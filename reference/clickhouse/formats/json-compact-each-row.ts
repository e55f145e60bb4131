// JSONCompactEachRow and JSONCompactStringsEachRow, each also WithNames and
// WithNamesAndTypes (JSONCompactEachRowRowOutputFormat): one JSON array a
// line, values joined by ", ", the header lines arrays of JSON strings. 26.7
// serves them as text/plain, not ndjson. A mid-stream error (with
// http_write_exception_in_output_format) ends the output with ["message"].
// Input reads the same arrays back: the header lines map the columns by name
// (input_format_with_names_use_header) and check their types
// (input_format_with_types_use_header).

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import { parseType } from '../../engine/types.ts';
import { atRow, emptyRow, identityMap, mapHeader, type FieldMap } from './input-rows.ts';
import { JsonReader, type JsonValue } from './json-each-row.ts';
import { jsonField } from './json-input.ts';
import { jsonCell, jsonOptions, jsonString } from './text.ts';
import type { FormatContext, InputFormat, OutputFormat, RowOutput } from './types.ts';

export interface CompactVariant {
  strings: boolean;
  names: boolean;
  types: boolean;
}

function compactOutput(name: string, v: CompactVariant): OutputFormat {
  return {
    name,
    contentType: () => 'text/plain; charset=UTF-8',
    create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
      const opts = jsonOptions(ctx);
      const header = (cells: string[]): string => `[${cells.map((c) => jsonString(c, opts.escapeSlashes)).join(', ')}]\n`;
      return {
        prefix() {
          let out = '';
          if (v.names) out += header(columns.map((c) => c.name));
          if (v.types) out += header(columns.map((c) => c.type.name));
          return out;
        },
        block(rows) {
          let out = '';
          for (const row of rows) {
            out += `[${columns.map((c, i) => jsonCell(c.type, row[i], ctx, opts, v.strings)).join(', ')}]\n`;
          }
          return out;
        },
        suffix: () => '',
        exceptionSuffix: (message) => `[${jsonString(message, opts.escapeSlashes)}]\n`,
      };
    },
  };
}

/** The six names: JSONCompact[Strings]EachRow[WithNames[AndTypes]]. */
export function compactVariants(): [string, CompactVariant][] {
  const out: [string, CompactVariant][] = [];
  for (const strings of [false, true]) {
    const base = strings ? 'JSONCompactStringsEachRow' : 'JSONCompactEachRow';
    out.push([base, { strings, names: false, types: false }]);
    out.push([`${base}WithNames`, { strings, names: true, types: false }]);
    out.push([`${base}WithNamesAndTypes`, { strings, names: true, types: true }]);
  }
  return out;
}

export const jsonCompactEachRowOutputs: OutputFormat[] = compactVariants().map(([name, v]) => compactOutput(name, v));

/** The JSON arrays of the body, one a row, with whitespace or commas between them. */
function readArrays(text: string): JsonValue[][] {
  const r = new JsonReader(text);
  const out: JsonValue[][] = [];
  for (;;) {
    r.ws();
    if (r.text[r.pos] === ',') {
      r.pos++;
      r.ws();
    }
    if (r.pos >= r.text.length) return out;
    if (r.text[r.pos] !== '[') {
      throw new EngineError('INCORRECT_DATA',
        `Cannot parse input: expected '[' before: '${r.text.slice(r.pos, r.pos + 40)}': (at row ${out.length + 1})\n`);
    }
    out.push(r.value() as JsonValue[]);
  }
}

function compactInput(name: string, v: CompactVariant): InputFormat {
  return {
    name,
    read(text, columns, ctx) {
      const lines = readArrays(text);
      let map: FieldMap = identityMap(columns);
      let rowNumber = 0;
      if (v.names && lines.length > 0) {
        rowNumber++;
        map = mapHeader(lines.shift()!.map(String), columns, ctx);
      }
      if (v.types && lines.length > 0) {
        rowNumber++;
        const types = lines.shift()!.map(String);
        if (ctx.settings.get('input_format_with_types_use_header')) {
          types.forEach((typeName, i) => {
            const target = map[i];
            if (target === undefined || target < 0) return;
            const col = columns[target]!;
            if (parseType(typeName).name !== col.type.name) {
              throw new EngineError('INCORRECT_DATA', `Type of '${col.name}' must be ${col.type.name}, not ${typeName}: (while reading header)`);
            }
          });
        }
      }
      return lines.map((values) => {
        rowNumber++;
        try {
          if (values.length !== map.length) {
            throw new EngineError('INCORRECT_DATA', `Expected ${map.length} values in a row of ${name}, got ${values.length}`);
          }
          const row = emptyRow(columns);
          values.forEach((value, i) => {
            const target = map[i]!;
            if (target >= 0) row[target] = jsonField(columns[target]!.type, value, ctx, v.strings);
          });
          return row;
        } catch (err) {
          return atRow(err, rowNumber);
        }
      });
    },
  };
}

export const jsonCompactEachRowInputs: InputFormat[] = compactVariants().map(([name, v]) => compactInput(name, v));
