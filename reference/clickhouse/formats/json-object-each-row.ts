// JSONObjectEachRow (JSONObjectEachRowRowOutputFormat): one object whose
// members are the rows, named "row_N" or, with
// format_json_object_each_row_column_for_object_name, by that column's value
// (the column itself then left out of the row).

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import { jsonOptions, jsonString, jsonValue, plainText } from './text.ts';
import type { FormatContext, OutputFormat, RowOutput } from './types.ts';

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
