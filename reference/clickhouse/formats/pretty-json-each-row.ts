// PrettyJSONEachRow (and its PrettyJSONLines, PrettyNDJSON names): each row an
// object over several lines, four spaces a level; arrays of arrays are
// spread over lines too (jsonPretty).

import type { ColumnDef } from '../../engine/api.ts';
import { jsonOptions, jsonPretty, jsonString } from './text.ts';
import type { FormatContext, OutputFormat, RowOutput } from './types.ts';

function prettyEachRow(name: string): OutputFormat {
  return {
    name,
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
            const fields = columns.map((c, i) => `    ${keys[i]}: ${jsonPretty(c.type, values[i], ctx, opts, '    ', 1)}`);
            const object = `{\n${fields.join(',\n')}\n}`;
            out += asArray ? (rows > 0 ? ',\n' : '') + object : `${object}\n`;
            rows++;
          }
          return out;
        },
        suffix: () => (asArray ? '\n]\n' : ''),
        exceptionSuffix: (message) => `{\n\t"exception": ${jsonString(message, opts.escapeSlashes)}\n}\n`,
      };
    },
  };
}

export const prettyJsonEachRowOutputs: OutputFormat[] = ['PrettyJSONEachRow', 'PrettyJSONLines', 'PrettyNDJSON'].map(prettyEachRow);
