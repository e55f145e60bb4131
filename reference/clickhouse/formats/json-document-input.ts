// The JSON documents as input: JSON and JSONCompact ({"meta": […], "data":
// […]}, rows as objects or as arrays in the order of "meta"), JSONColumns
// ({"name": [values…]}), JSONCompactColumns ([[values…], …] in the table's
// column order) and JSONColumnsWithMetadata ("meta" and a "data" object of
// columns). With input_format_json_validate_types_from_metadata, a "meta"
// type that differs from the column's is refused. A JSON body that does not
// begin with "meta" is read as JSONEachRow, as JSONRowInputFormat falls back
// to it; JSONCompact needs its "meta" (JSONCompactRowInputFormat).

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import { parseType } from '../../engine/types.ts';
import { atRow, emptyRow } from './input-rows.ts';
import { JsonReader, jsonEachRowInputs, type JsonValue } from './json-each-row.ts';
import { jsonField, objectRow } from './json-input.ts';
import type { FormatContext, InputFormat } from './types.ts';

type Shape = 'rows' | 'compact' | 'columns' | 'compact-columns' | 'columns-meta';

const isObject = (v: JsonValue | undefined): v is { obj: [string, JsonValue][] } => typeof v === 'object' && v !== null && 'obj' in v;
const member = (v: JsonValue, name: string): JsonValue | undefined => (isObject(v) ? v.obj.find(([k]) => k === name)?.[1] : undefined);

function expected(what: string): EngineError {
  return new EngineError('INCORRECT_DATA', `Cannot parse JSON input: expected ${what}`);
}

/** The "meta" names in order, after checking their types against the table's. */
function metaNames(doc: JsonValue, columns: readonly ColumnDef[], ctx: FormatContext): string[] | undefined {
  const meta = member(doc, 'meta');
  if (meta === undefined) return undefined;
  if (!Array.isArray(meta)) throw expected('an array in "meta"');
  const validate = Boolean(ctx.settings.get('input_format_json_validate_types_from_metadata'));
  return meta.map((field) => {
    const name = member(field, 'name');
    const type = member(field, 'type');
    if (typeof name !== 'string') throw expected('"name" in every "meta" field');
    const col = columns.find((c) => c.name === name);
    if (validate && col && typeof type === 'string' && parseType(type).name !== col.type.name) {
      throw new EngineError('INCORRECT_DATA', `Type ${type} of column '${name}' from metadata is not the same as type in header ${col.type.name}: (while reading header)`);
    }
    return name;
  });
}

/** Column arrays into rows: the longest column decides how many, the rest take their defaults. */
function columnsToRows(named: [string | number, JsonValue][], columns: readonly ColumnDef[], ctx: FormatContext): unknown[][] {
  const skipUnknown = Boolean(ctx.settings.get('input_format_skip_unknown_fields'));
  const targets = named.map(([key]) => {
    const i = typeof key === 'number' ? key : columns.findIndex((c) => c.name === key);
    if ((i < 0 || i >= columns.length) && !skipUnknown) {
      throw new EngineError('INCORRECT_DATA', `Unknown column found in input data: ${key}`);
    }
    return i < columns.length ? i : -1;
  });
  const length = Math.max(0, ...named.map(([, v]) => (Array.isArray(v) ? v.length : 0)));
  const rows = Array.from({ length }, () => emptyRow(columns));
  named.forEach(([, values], k) => {
    const target = targets[k]!;
    if (target < 0) return;
    if (!Array.isArray(values)) throw expected('an array of values for every column');
    values.forEach((v, i) => { rows[i]![target] = jsonField(columns[target]!.type, v, ctx, false); });
  });
  return rows;
}

function documentInput(name: string, shape: Shape): InputFormat {
  return {
    name,
    read(text, columns, ctx) {
      const r = new JsonReader(text);
      r.ws();
      if (r.pos >= r.text.length) return [];
      const metaFirst = /^\{\s*"meta"/.test(r.text.slice(r.pos, r.pos + 64));
      if (shape === 'rows' && !metaFirst) return jsonEachRowInputs[0]!.read(text, columns, ctx);
      if (shape === 'compact' && !metaFirst) {
        if (r.text[r.pos] !== '{') {
          throw new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED',
            `Cannot parse input: expected '{' before: '${r.text.slice(r.pos, r.pos + 40)}': (while reading header)`);
        }
        const first = /^\{\s*"([^"]*)"/.exec(r.text.slice(r.pos, r.pos + 200))?.[1] ?? '';
        throw new EngineError('INCORRECT_DATA', `Expected field "meta" with columns names and types, found field ${first}: (while reading header)`);
      }
      const doc = r.value();
      switch (shape) {
        case 'columns':
          if (!isObject(doc)) throw expected('an object of columns');
          return columnsToRows(doc.obj, columns, ctx);
        case 'compact-columns':
          if (!Array.isArray(doc)) throw expected('an array of columns');
          return columnsToRows(doc.map((v, i) => [i, v]), columns, ctx);
        case 'columns-meta': {
          metaNames(doc, columns, ctx);
          const data = member(doc, 'data');
          if (!isObject(data)) throw expected('an object in "data"');
          return columnsToRows(data.obj, columns, ctx);
        }
        default: {
          const names = metaNames(doc, columns, ctx);
          const data = member(doc, 'data');
          if (!Array.isArray(data)) throw expected('an array in "data"');
          return data.map((row, i) => {
            try {
              if (shape === 'rows') {
                if (!isObject(row)) throw expected('an object for every row');
                return objectRow(row.obj, columns, ctx, false, name);
              }
              if (!Array.isArray(row)) throw expected('an array for every row');
              const keys = names ?? columns.map((c) => c.name);
              return objectRow(row.map((v, k) => [keys[k] ?? `${k + 1}`, v]), columns, ctx, false, name);
            } catch (err) {
              return atRow(err, i + 1);
            }
          });
        }
      }
    },
  };
}

export const jsonDocumentInputs: InputFormat[] = [
  documentInput('JSON', 'rows'), documentInput('JSONCompact', 'compact'), documentInput('JSONColumns', 'columns'),
  documentInput('JSONCompactColumns', 'compact-columns'), documentInput('JSONColumnsWithMetadata', 'columns-meta'),
];
