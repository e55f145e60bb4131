// JSONObjectEachRow (JSONObjectEachRowRowOutputFormat): one object whose
// members are the rows, named "row_N" or, with
// format_json_object_each_row_column_for_object_name, by that column's value
// (the column itself then left out of the row). Input reads such an object
// back, the member names going into that column when the setting names one.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import { atRow } from './input-rows.ts';
import { JsonReader } from './json-each-row.ts';
import { objectRow } from './json-input.ts';
import { jsonOptions, jsonString, jsonValue, plainText } from './text.ts';
import type { FormatContext, InputFormat, OutputFormat, RowOutput } from './types.ts';

/** getColumnIndexForJSONObjectEachRowObjectName: the named column must exist and be a String. */
function objectNameColumn(columns: readonly ColumnDef[], ctx: FormatContext): number | undefined {
  const name = String(ctx.settings.get('format_json_object_each_row_column_for_object_name') ?? '');
  if (name === '') return undefined;
  const index = columns.findIndex((c) => c.name === name);
  if (index < 0) {
    throw new EngineError('BAD_ARGUMENTS',
      `Column name '${name}' from setting format_json_object_each_row_column_for_object_name doesn't exists`);
  }
  if (columns[index]!.type.kind !== 'String') {
    throw new EngineError('BAD_ARGUMENTS',
      `Column '${name}' from setting json_object_each_row_column_for_object_name must have String type`);
  }
  return index;
}

const objectEachRow: OutputFormat = {
  name: 'JSONObjectEachRow',
  contentType: () => 'application/json; charset=UTF-8',
  create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
    const opts = jsonOptions(ctx);
    const nameColumn = objectNameColumn(columns, ctx);
    const keys = columns.map((c) => jsonString(c.name, opts.escapeSlashes));
    const shown = columns.map((_, i) => i).filter((i) => i !== nameColumn);
    let rows = 0;
    return {
      prefix: () => '{\n',
      block(block) {
        let out = '';
        for (const values of block) {
          rows++;
          const title = nameColumn === undefined ? `row_${rows}` : plainText(columns[nameColumn]!.type, values[nameColumn], ctx);
          const fields = shown.map((i) => `${keys[i]}:${jsonValue(columns[i]!.type, values[i], ctx, opts)}`);
          out += `${rows > 1 ? ',\n' : ''}\t${jsonString(title, opts.escapeSlashes)}: {${fields.join(',')}}`;
        }
        return out;
      },
      suffix: () => '\n}\n',
      exceptionSuffix: (message) => `${rows > 0 ? ',\n' : ''}\t"exception": ${jsonString(message, opts.escapeSlashes)}\n}\n`,
    };
  },
};

export const jsonObjectEachRowOutputs: OutputFormat[] = [objectEachRow];

const objectEachRowInput: InputFormat = {
  name: 'JSONObjectEachRow',
  read(text, columns, ctx) {
    const nameColumn = objectNameColumn(columns, ctx);
    const r = new JsonReader(text);
    r.ws();
    if (r.pos >= r.text.length) return [];
    if (r.text[r.pos] !== '{') {
      throw new EngineError('INCORRECT_DATA', `Cannot parse input: expected '{' before: '${r.text.slice(r.pos, r.pos + 40)}'`);
    }
    return r.object().obj.map(([title, value], i) => {
      try {
        if (value === null || typeof value !== 'object' || !('obj' in value)) {
          throw new EngineError('INCORRECT_DATA', `Cannot parse input: expected '{' for the row ${title}`);
        }
        const row = objectRow(value.obj, columns, ctx, false, 'JSONObjectEachRow');
        if (nameColumn !== undefined) row[nameColumn] = title;
        return row;
      } catch (err) {
        return atRow(err, i + 1);
      }
    });
  },
};

export const jsonObjectEachRowInputs: InputFormat[] = [objectEachRowInput];
