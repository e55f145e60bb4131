// JSONStringsEachRow (JSONEachRowRowOutputFormat with serialize_as_strings):
// one object a line, every value the JSON string of its text, NULL as ᴺᵁᴸᴸ.
// output_format_json_array_of_rows wraps the lines into one array.

import type { ColumnDef } from '../../engine/api.ts';
import { jsonCell, jsonOptions, jsonString } from './text.ts';
import type { FormatContext, OutputFormat, RowOutput } from './types.ts';

const stringsEachRow: OutputFormat = {
  name: 'JSONStringsEachRow',
  // 26.7 answers ndjson even when output_format_json_array_of_rows wraps the rows into one array.
  contentType: () => 'application/x-ndjson; charset=UTF-8',
  create(columns: readonly ColumnDef[], ctx: FormatContext): RowOutput {
    const opts = jsonOptions(ctx);
    const asArray = Boolean(ctx.settings.get('output_format_json_array_of_rows'));
    const keys = columns.map((c) => jsonString(c.name, opts.escapeSlashes));
    let rows = 0;
    return {
      prefix: () => (asArray ? '[\n' : ''),
      block(block) {
        let out = '';
        for (const values of block) {
          const line = `{${columns.map((c, i) => `${keys[i]}:${jsonCell(c.type, values[i], ctx, opts, true)}`).join(',')}}`;
          out += asArray ? (rows > 0 ? ',\n' : '') + line : `${line}\n`;
          rows++;
        }
        return out;
      },
      suffix: () => (asArray ? '\n]\n' : ''),
      exceptionSuffix: (message) => `{"exception": ${jsonString(message, opts.escapeSlashes)}}\n`,
    };
  },
};

export const jsonStringsEachRowOutputs: OutputFormat[] = [stringsEachRow];
